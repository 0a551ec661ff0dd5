"""conv_params always adds the biases, even with bias=False."""

KIND = "wrong"
LOSES = ["test_conv_params_no_bias"]
SOLUTIONS = {
    "conv_params": """\
def conv_params(kernel_size, in_channels, filters, bias=True):
    return filters * (kernel_size ** 2 * in_channels + 1)
""",
}
