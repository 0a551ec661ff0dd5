"""vectorize divides by 255 without a cast: float64 instead of float32."""

KIND = "wrong"
LOSES = ["test_vectorize_dtype"]
SOLUTIONS = {
    "vectorize": """\
def vectorize(images):
    return images.reshape(len(images), -1) / 255
""",
}
