"""vectorize flattens each image in column-major (Fortran) order."""

KIND = "wrong"
LOSES = ["test_vectorize_order"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    rows = [image.flatten(order="F") for image in images]
    return np.array(rows, dtype=np.float32) / 255
""",
}
