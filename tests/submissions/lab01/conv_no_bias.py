"""conv_params forgets the biases (one per filter)."""

KIND = "wrong"
LOSES = ["test_conv_params"]
SOLUTIONS = {
    "conv_params": """\
def conv_params(kernel_size, in_channels, filters, bias=True):
    return kernel_size * kernel_size * in_channels * filters
""",
}
