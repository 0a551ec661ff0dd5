"""conv2d_fast adds the bias to each channel's partial sum, so C times per filter."""

KIND = "wrong"
LOSES = ["test_conv2d_fast_bias_per_filter", "test_conv2d_fast_same_stride"]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    k = weights.shape[0]
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(0, 1))[::stride, ::stride]
    per_channel = np.einsum("hwcij,ijcf->hwcf", windows, weights) + bias
    return per_channel.sum(axis=2)
""",
}
