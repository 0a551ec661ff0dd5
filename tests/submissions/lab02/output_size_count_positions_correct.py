"""conv_output_size counts the kernel's positions along the padded side in a loop."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv_output_size": """\
def conv_output_size(n, kernel_size, stride=1, pad=0):
    count, start = 0, 0
    while start + kernel_size <= n + 2 * pad:
        count += 1
        start += stride
    return count
""",
}
