"""local_params counts (H - k) // stride output positions per side (off by one)."""

KIND = "wrong"
LOSES = ["test_local_params", "test_local_params_stride", "test_local_params_no_bias"]
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    height, width, channels = input_shape
    positions = ((height - kernel_size) // stride) * ((width - kernel_size) // stride)
    return positions * filters * (kernel_size * kernel_size * channels + int(bias))
""",
}
