"""max_pool2d one channel at a time, with list comprehensions over window positions."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    if x.ndim == 3:
        channels = [max_pool2d(x[:, :, c], pool_size, stride) for c in range(x.shape[2])]
        return np.stack(channels, axis=2)
    rows = range(0, x.shape[0] - pool_size + 1, stride)
    cols = range(0, x.shape[1] - pool_size + 1, stride)
    return np.array([[x[r:r + pool_size, c:c + pool_size].max() for c in cols] for r in rows])
''',
}
