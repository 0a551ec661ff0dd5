"""avg_pool2d's reshape trick averages over axes (1, 2), not the window axes (1, 3)."""

KIND = "wrong"
LOSES = ["test_avg_pool2d", "test_avg_pool2d_channels"]
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x, dtype=np.float64)
    if pool_size == stride:  # non-overlapping windows: the reshape trick
        h_out, w_out = x.shape[0] // stride, x.shape[1] // stride
        blocks = x[:h_out * stride, :w_out * stride].reshape(
            h_out, stride, w_out, stride, *x.shape[2:])
        return blocks.mean(axis=(1, 2))
    windows = np.lib.stride_tricks.sliding_window_view(x, (pool_size, pool_size), axis=(0, 1))
    return windows[::stride, ::stride].mean(axis=(-2, -1))
''',
}
