"""conv_output_size with math.floor of the true division, cast to int."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv_output_size": """\
def conv_output_size(n, kernel_size, stride=1, pad=0):
    import math
    return int(math.floor((n + 2 * pad - kernel_size) / stride)) + 1
""",
}
