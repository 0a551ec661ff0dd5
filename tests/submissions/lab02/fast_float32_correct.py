"""conv2d_fast computed in float32 (a student's usual choice): float32 rounding keeps full marks."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    x = np.asarray(x, dtype=np.float32)
    k = weights.shape[0]
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(0, 1))[::stride, ::stride]
    out = np.einsum("hwcij,ijcf->hwf", windows, np.asarray(weights, dtype=np.float32))
    return out + np.asarray(bias, dtype=np.float32)
""",
}
