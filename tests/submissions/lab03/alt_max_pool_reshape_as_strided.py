"""max_pool2d with the reshape trick when stride == pool_size, as_strided otherwise."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    h_out = (x.shape[0] - pool_size) // stride + 1
    w_out = (x.shape[1] - pool_size) // stride + 1
    if pool_size == stride:
        blocks = x[:h_out * stride, :w_out * stride].reshape(
            h_out, stride, w_out, stride, *x.shape[2:])
        return blocks.max(axis=(1, 3))
    s0, s1 = x.strides[:2]
    windows = np.lib.stride_tricks.as_strided(
        x, shape=(h_out, w_out, pool_size, pool_size) + x.shape[2:],
        strides=(s0 * stride, s1 * stride, s0, s1) + x.strides[2:], writeable=False)
    return windows.max(axis=(2, 3))
''',
}
