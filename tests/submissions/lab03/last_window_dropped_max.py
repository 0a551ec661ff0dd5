"""max_pool2d loops over range(0, H - pool_size, stride): drops the last window."""

KIND = "wrong"
LOSES = [
    "test_max_pool2d",
    "test_max_pool2d_stride",
    "test_max_pool2d_last_window",
]
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    rows = range(0, x.shape[0] - pool_size, stride)
    cols = range(0, x.shape[1] - pool_size, stride)
    out = np.empty((len(rows), len(cols)) + x.shape[2:], dtype=x.dtype)
    for i, top in enumerate(rows):
        for j, left in enumerate(cols):
            out[i, j] = x[top:top + pool_size, left:left + pool_size].max(axis=(0, 1))
    return out
''',
}
