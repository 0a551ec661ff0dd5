"""max_pool2d takes each window's maximum over all channels at once (pooling across channels)."""

KIND = "wrong"
LOSES = ["test_max_pool2d_channels", "test_max_pool2d_stride"]
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    out = np.empty((h_out, w_out) + x.shape[2:], dtype=x.dtype)
    for i in range(h_out):
        for j in range(w_out):
            top, left = i * stride, j * stride
            out[i, j] = x[top:top + pool_size, left:left + pool_size].max()
    return out
''',
}
