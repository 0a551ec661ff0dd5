"""avg_pool2d averages each window over all channels at once (pooling across channels)."""

KIND = "wrong"
LOSES = ["test_avg_pool2d_channels", "test_avg_pool2d_stride"]
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x, dtype=np.float64)
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    out = np.zeros((h_out, w_out) + x.shape[2:])
    for i in range(h_out):
        for j in range(w_out):
            top, left = i * stride, j * stride
            out[i, j] = x[top:top + pool_size, left:left + pool_size].mean()
    return out
''',
}
