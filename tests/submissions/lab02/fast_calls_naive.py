"""conv2d_fast just calls the loops of conv2d: right values, but not its own vectorized code."""

KIND = "wrong"
LOSES = [
    "test_conv2d_fast",
    "test_conv2d_fast_flipped",
    "test_conv2d_fast_channels",
    "test_conv2d_fast_bias",
    "test_conv2d_fast_bias_per_filter",
    "test_conv2d_fast_stride",
    "test_conv2d_fast_same_padding",
    "test_conv2d_fast_same_padding_split",
    "test_conv2d_fast_same_stride",
    "test_conv2d_fast_vectorized",
]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    return conv2d(x, weights, bias, stride=stride, padding=padding)
""",
}
