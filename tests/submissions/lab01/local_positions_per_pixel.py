"""local_params counts one output position per input pixel (H x W): window and stride ignored."""

KIND = "wrong"
LOSES = ["test_local_params", "test_local_params_stride", "test_local_params_no_bias"]
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    height, width, channels = input_shape
    return height * width * filters * (kernel_size * kernel_size * channels + int(bias))
""",
}
