"""local_params assumes a square input: the height's number of windows used for both sides."""

KIND = "wrong"
LOSES = ["test_local_params", "test_local_params_stride", "test_local_params_no_bias"]
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    side, _, channels = input_shape
    positions = ((side - kernel_size) // stride + 1) ** 2
    return positions * filters * (kernel_size * kernel_size * channels + int(bias))
""",
}
