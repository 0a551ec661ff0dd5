"""cnn_param_count always counts 3 x 3 kernels, ignoring kernel_size."""

KIND = "wrong"
LOSES = ["test_cnn_param_count_other_stacks"]
SOLUTIONS = {
    "cnn_param_count": """\
def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    height, width, depth = input_shape
    total = 0
    for f in filters:
        total += (9 * depth + 1) * f
        total += (9 * f + 1) * f
        depth = f
        height, width = height // 2, width // 2
    total += (height * width * depth + 1) * dense_units
    total += (dense_units + 1) * num_classes
    return total
""",
}
