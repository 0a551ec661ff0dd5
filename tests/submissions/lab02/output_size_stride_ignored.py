"""conv_output_size ignores the stride: n + 2p - k + 1."""

KIND = "wrong"
LOSES = ["test_conv_output_size_stride"]
SOLUTIONS = {
    "conv_output_size": """\
def conv_output_size(n, kernel_size, stride=1, pad=0):
    return n + 2 * pad - kernel_size + 1
""",
}
