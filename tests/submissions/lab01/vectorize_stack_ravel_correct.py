"""vectorize with NumPy's own division and np.ravel per image, stacked (float32 from the start)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    images = np.asarray(images, dtype=np.float32)
    return np.stack([np.ravel(image) for image in images]) / np.float32(255.0)
""",
}
