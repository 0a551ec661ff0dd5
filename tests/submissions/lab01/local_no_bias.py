"""local_params forgets the biases (one per position and filter)."""

KIND = "wrong"
LOSES = ["test_local_params", "test_local_params_stride"]
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    height, width, channels = input_shape
    positions = ((height - kernel_size) // stride + 1) * ((width - kernel_size) // stride + 1)
    return positions * filters * kernel_size * kernel_size * channels
""",
}
