"""cnn_param_count from two small helpers (conv and dense weights) and a list of per-layer
counts.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "cnn_param_count": """\
def conv_weights(kernel_size, in_channels, filters):
    return (kernel_size * kernel_size * in_channels + 1) * filters


def dense_weights(n_inputs, n_units):
    return (n_inputs + 1) * n_units


def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    height, width, channels = input_shape
    counts = []
    for f in filters:
        counts.append(conv_weights(kernel_size, channels, f))
        counts.append(conv_weights(kernel_size, f, f))
        channels = f
        height, width = height // 2, width // 2
    counts.append(dense_weights(height * width * channels, dense_units))
    counts.append(dense_weights(dense_units, num_classes))
    return sum(counts)
""",
}
