"""vectorize scaling first (times 1/255 in float32), then np.reshape to the product of the shape."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    scaled = images.astype("float32") * np.float32(1 / 255)
    return np.reshape(scaled, (scaled.shape[0], int(np.prod(scaled.shape[1:]))))
""",
}
