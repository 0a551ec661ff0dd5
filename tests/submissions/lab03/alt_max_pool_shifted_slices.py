"""max_pool2d as the elementwise maximum of the p*p strided slices (loops over offsets)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    last_row, last_col = stride * (h_out - 1) + 1, stride * (w_out - 1) + 1
    shifted = [x[di:di + last_row:stride, dj:dj + last_col:stride]
               for di in range(pool_size) for dj in range(pool_size)]
    return np.maximum.reduce(shifted)
''',
}
