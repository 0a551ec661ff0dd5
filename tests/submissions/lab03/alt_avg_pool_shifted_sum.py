"""avg_pool2d as the sum of the p*p strided slices divided by p*p."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x, dtype=np.float64)
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    total = 0
    for di in range(pool_size):
        for dj in range(pool_size):
            total = total + x[di:di + stride * h_out:stride, dj:dj + stride * w_out:stride][
                :h_out, :w_out]
    return total / pool_size**2
''',
}
