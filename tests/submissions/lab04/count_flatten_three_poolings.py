"""cnn_param_count computes the flatten size as (H // 8) * (W // 8) * filters[-1], as if there
were always three blocks.
"""

KIND = "wrong"
LOSES = ["test_cnn_param_count_other_stacks"]
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
    total += ((input_shape[0] // 8) * (input_shape[1] // 8) * filters[-1] + 1) * dense_units
    total += (dense_units + 1) * num_classes
    return total
""",
}
