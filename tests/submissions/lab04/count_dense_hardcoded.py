"""cnn_param_count always counts a hidden dense layer of 128 units, ignoring dense_units."""

KIND = "wrong"
LOSES = ["test_cnn_param_count", "test_cnn_param_count_other_stacks"]
SOLUTIONS = {
    "cnn_param_count": """\
def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    height, width, depth = input_shape
    total = 0
    for f in filters:
        total += (kernel_size * kernel_size * depth + 1) * f
        total += (kernel_size * kernel_size * f + 1) * f
        depth = f
        height, width = height // 2, width // 2
    total += (height * width * depth + 1) * 128
    total += (128 + 1) * num_classes
    return total
""",
}
