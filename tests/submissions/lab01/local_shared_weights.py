"""local_params counts the weights once for all positions (that is a convolution)."""

KIND = "wrong"
LOSES = ["test_local_params", "test_local_params_stride", "test_local_params_no_bias"]
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    channels = input_shape[-1]
    return filters * (kernel_size * kernel_size * channels + int(bias))
""",
}
