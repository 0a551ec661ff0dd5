"""max_pool2d ignores `stride` and moves its window by one pixel (stride = 1 by mistake)."""

KIND = "wrong"
LOSES = [
    "test_max_pool2d",
    "test_max_pool2d_channels",
    "test_max_pool2d_stride",
    "test_max_pool2d_last_window",
]
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    h_out = x.shape[0] - pool_size + 1
    w_out = x.shape[1] - pool_size + 1
    out = np.empty((h_out, w_out) + x.shape[2:], dtype=x.dtype)
    for i in range(h_out):
        for j in range(w_out):
            out[i, j] = x[i:i + pool_size, j:j + pool_size].max(axis=(0, 1))
    return out
''',
}
