"""avg_pool2d in float32 over sliding_window_view windows."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "avg_pool2d": '''\
def avg_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x, dtype=np.float32)
    windows = np.lib.stride_tricks.sliding_window_view(x, (pool_size, pool_size), axis=(0, 1))
    return windows[::stride, ::stride].mean(axis=(-2, -1))
''',
}
