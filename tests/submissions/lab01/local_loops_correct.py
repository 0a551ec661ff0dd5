"""local_params by walking the windows with loops and counting each connection."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    height, width, channels = input_shape
    total = 0
    for top in range(0, height - kernel_size + 1, stride):
        for left in range(0, width - kernel_size + 1, stride):
            for _ in range(filters):
                total += kernel_size * kernel_size * channels
                if bias:
                    total += 1
    return total
""",
}
