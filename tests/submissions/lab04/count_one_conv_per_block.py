"""cnn_param_count counts one convolution per block instead of two."""

KIND = "wrong"
LOSES = [
    "test_cnn_param_count",
    "test_cnn_param_count_input_shape",
    "test_cnn_param_count_odd_sizes",
    "test_cnn_param_count_other_stacks",
]
SOLUTIONS = {
    "cnn_param_count": """\
def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    height, width, depth = input_shape
    total = 0
    for f in filters:
        total += (kernel_size * kernel_size * depth + 1) * f
        total += 0
        depth = f
        height, width = height // 2, width // 2
    total += (height * width * depth + 1) * dense_units
    total += (dense_units + 1) * num_classes
    return total
""",
}
