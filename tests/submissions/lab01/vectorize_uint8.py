"""vectorize only reshapes: uint8 values 0..255 (no scaling, wrong dtype)."""

KIND = "wrong"
LOSES = ["test_vectorize_dtype", "test_vectorize_scaling"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    return images.reshape(images.shape[0], -1)
""",
}
