"""avg_pool2d with plain Python loops over rows, columns, channels and window cells."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x, dtype=float)
    flat = x.ndim == 2
    if flat:
        x = x[:, :, None]
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    out = np.zeros((h_out, w_out, x.shape[2]))
    for i in range(h_out):
        for j in range(w_out):
            for c in range(x.shape[2]):
                total = 0.0
                for u in range(pool_size):
                    for v in range(pool_size):
                        total += x[i * stride + u, j * stride + v, c]
                out[i, j, c] = total / pool_size**2
    return out[:, :, 0] if flat else out
''',
}
