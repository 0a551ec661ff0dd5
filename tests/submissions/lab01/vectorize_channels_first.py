"""vectorize flattens channels-first (all reds, then all greens, then all blues)."""

KIND = "wrong"
LOSES = ["test_vectorize_order"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    channels_first = np.transpose(images, (0, 3, 1, 2))
    return channels_first.reshape(len(images), -1).astype(np.float32) / 255
""",
}
