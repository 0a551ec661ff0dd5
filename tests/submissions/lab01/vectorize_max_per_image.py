"""vectorize divides each image by its own largest value instead of by 255."""

KIND = "wrong"
LOSES = ["test_vectorize_scaling"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    rows = images.reshape(len(images), -1).astype(np.float32)
    return rows / rows.max(axis=1, keepdims=True)
""",
}
