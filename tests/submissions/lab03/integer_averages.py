"""avg_pool2d writes into an array of the input's integer dtype: 3.25 becomes 3."""

KIND = "wrong"
LOSES = ["test_avg_pool2d"]
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    out = np.zeros((h_out, w_out) + x.shape[2:], dtype=x.dtype)
    for i in range(h_out):
        for j in range(w_out):
            top, left = i * stride, j * stride
            out[i, j] = x[top:top + pool_size, left:left + pool_size].mean(axis=(0, 1))
    return out
''',
}
