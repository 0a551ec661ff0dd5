"""vectorize with explicit loops over images and pixels."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    n, height, width, channels = images.shape
    out = np.empty((n, height * width * channels), dtype=np.float32)
    for i in range(n):
        k = 0
        for row in range(height):
            for col in range(width):
                for c in range(channels):
                    out[i, k] = images[i, row, col, c] / 255.0
                    k += 1
    return out
""",
}
