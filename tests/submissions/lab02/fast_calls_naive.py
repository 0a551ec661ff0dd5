"""conv2d_fast just calls the loops of conv2d."""

KIND = "wrong"
LOSES = ["test_conv2d_fast_vectorized"]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    return conv2d(x, weights, bias, stride=stride, padding=padding)
""",
}
