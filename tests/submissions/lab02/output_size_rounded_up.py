"""conv_output_size rounds the division up (ceil) instead of down."""

KIND = "wrong"
LOSES = ["test_conv_output_size_stride"]
SOLUTIONS = {
    "conv_output_size": """\
def conv_output_size(n, kernel_size, stride=1, pad=0):
    import math
    return math.ceil((n + 2 * pad - kernel_size) / stride) + 1
""",
}
