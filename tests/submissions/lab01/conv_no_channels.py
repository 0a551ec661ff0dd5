"""conv_params forgets that a kernel spans all input channels."""

KIND = "wrong"
LOSES = ["test_conv_params", "test_conv_params_no_bias"]
SOLUTIONS = {
    "conv_params": """\
def conv_params(kernel_size, in_channels, filters, bias=True):
    return filters * (kernel_size * kernel_size + int(bias))
""",
}
