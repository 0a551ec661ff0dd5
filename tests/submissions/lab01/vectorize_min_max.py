"""vectorize min-max scales the whole batch, (x - x.min()) / (x.max() - x.min()), not / 255."""

KIND = "wrong"
LOSES = ["test_vectorize_scaling"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    x = images.reshape(len(images), -1).astype(np.float32)
    return (x - x.min()) / (x.max() - x.min())
""",
}
