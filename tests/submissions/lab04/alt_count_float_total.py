"""cnn_param_count that adds up in floats (int(h / 2) for the pooling) and returns 550570.0:
equal to the integer.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "cnn_param_count": """\
def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    height, width, depth = input_shape
    total = 0.0
    for f in filters:
        total += (kernel_size ** 2 * depth + 1.0) * f + (kernel_size ** 2 * f + 1.0) * f
        depth = f
        height, width = int(height / 2), int(width / 2)
    total += (height * width * depth + 1.0) * dense_units + (dense_units + 1.0) * num_classes
    return total
""",
}
