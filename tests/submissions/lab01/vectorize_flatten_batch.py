"""vectorize flattens the whole batch into one vector (lost batch dimension)."""

KIND = "wrong"
LOSES = ["test_vectorize_shape"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    return images.flatten().astype(np.float32) / 255
""",
}
