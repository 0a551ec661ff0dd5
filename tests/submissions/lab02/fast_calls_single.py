"""conv2d_fast built from conv2d_single (one call per channel and filter): not its own code."""

KIND = "wrong"
LOSES = [
    "test_conv2d_fast",
    "test_conv2d_fast_flipped",
    "test_conv2d_fast_channels",
    "test_conv2d_fast_bias",
    "test_conv2d_fast_bias_per_filter",
    "test_conv2d_fast_stride",
    "test_conv2d_fast_same_padding",
    "test_conv2d_fast_same_padding_split",
    "test_conv2d_fast_same_stride",
    "test_conv2d_fast_vectorized",
]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    x = np.asarray(x, dtype=np.float64)
    k, _, channels, n_filters = weights.shape
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    maps = [sum(conv2d_single(x[..., c], weights[:, :, c, f]) for c in range(channels)) + bias[f]
            for f in range(n_filters)]
    return np.stack(maps, axis=-1)[::stride, ::stride]
""",
}
