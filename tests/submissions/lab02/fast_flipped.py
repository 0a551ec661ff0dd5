"""conv2d_fast flips every kernel (a true convolution)."""

KIND = "wrong"
LOSES = [
    "test_conv2d_fast",
    "test_conv2d_fast_flipped",
    "test_conv2d_fast_channels",
    "test_conv2d_fast_stride",
    "test_conv2d_fast_same_padding",
    "test_conv2d_fast_same_padding_split",
    "test_conv2d_fast_same_stride",
]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    x = np.asarray(x, dtype=float)
    k = weights.shape[0]
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(0, 1))
    windows = windows[::stride, ::stride]
    return np.einsum("hwcij,ijcf->hwf", windows, weights[::-1, ::-1]) + bias
""",
}
