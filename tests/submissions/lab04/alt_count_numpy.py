"""cnn_param_count with NumPy arrays for the per-block counts and np.floor for the pooling
(returns a NumPy integer).
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "cnn_param_count": """\
def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    f = np.asarray(filters, dtype=np.int64)
    depth_in = np.concatenate([[input_shape[2]], f[:-1]])
    k2 = kernel_size ** 2
    convs = np.sum((k2 * depth_in + 1) * f) + np.sum((k2 * f + 1) * f)
    side = np.array(input_shape[:2], dtype=np.int64)
    for _ in filters:
        side = np.floor(side / 2).astype(np.int64)
    flat = np.prod(side) * f[-1]
    return convs + (flat + 1) * dense_units + (dense_units + 1) * num_classes
""",
}
