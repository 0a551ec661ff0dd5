"""vectorize min-max scales each image on its own to [0, 1] instead of dividing by 255."""

KIND = "wrong"
LOSES = ["test_vectorize_scaling"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    rows = images.reshape(images.shape[0], -1).astype(np.float32)
    low = rows.min(axis=1, keepdims=True)
    high = rows.max(axis=1, keepdims=True)
    return (rows - low) / (high - low)
""",
}
