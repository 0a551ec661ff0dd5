"""max_pool2d with sliding_window_view: every window at once, then every stride-th one."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "max_pool2d": '''\
def max_pool2d(x, pool_size=2, stride=2):
    windows = np.lib.stride_tricks.sliding_window_view(
        np.asarray(x), (pool_size, pool_size), axis=(0, 1))
    return windows[::stride, ::stride].max(axis=(-2, -1))
''',
}
