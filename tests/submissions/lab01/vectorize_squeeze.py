"""vectorize squeezes the result: a batch of one image loses its batch dimension."""

KIND = "wrong"
LOSES = ["test_vectorize_shape"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    return np.squeeze(images.reshape(len(images), -1)).astype(np.float32) / 255
""",
}
