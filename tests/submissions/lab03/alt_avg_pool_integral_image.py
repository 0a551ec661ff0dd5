"""avg_pool2d from an integral image (cumulative sums): four lookups per window."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x, dtype=np.float64)
    p, s = pool_size, stride
    h_out = (x.shape[0] - p) // s + 1
    w_out = (x.shape[1] - p) // s + 1
    total = np.zeros((x.shape[0] + 1, x.shape[1] + 1) + x.shape[2:])
    total[1:, 1:] = x.cumsum(axis=0).cumsum(axis=1)  # total[i, j] = x[:i, :j].sum()
    r = np.arange(h_out)[:, None] * s
    c = np.arange(w_out)[None, :] * s
    sums = total[r + p, c + p] - total[r, c + p] - total[r + p, c] + total[r, c]
    return sums / (p * p)
''',
}
