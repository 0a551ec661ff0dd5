"""vectorize returns the raw pixel values 0..255 (not divided by 255)."""

KIND = "wrong"
LOSES = ["test_vectorize_scaling"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    return images.reshape(len(images), -1).astype(np.float32)
""",
}
