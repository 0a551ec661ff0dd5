"""conv2d_fast makes x channels-first with reshape(C, H, W) instead of transpose."""

KIND = "wrong"
LOSES = ["test_conv2d_fast_channels", "test_conv2d_fast_same_stride"]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    k, _, channels, n_filters = weights.shape
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    height, width = x.shape[:2]
    planes = x.reshape(channels, height, width)
    windows = np.lib.stride_tricks.sliding_window_view(planes, (k, k), axis=(1, 2))
    windows = windows[:, ::stride, ::stride]  # (C, H', W', k, k)
    return np.einsum("chwij,ijcf->hwf", windows, weights) + bias
""",
}
