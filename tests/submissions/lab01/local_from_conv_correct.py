"""local_params as output positions times conv_params (one private kernel per position)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    height, width, channels = input_shape
    positions = len(range(0, height - kernel_size + 1, stride)) * len(
        range(0, width - kernel_size + 1, stride))
    return positions * conv_params(kernel_size, channels, filters, bias)
""",
}
