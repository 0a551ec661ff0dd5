"""conv2d with loops in float32: float32 rounding keeps full marks."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d": """\
def conv2d(x, weights, bias, stride=1, padding="valid"):
    x = np.asarray(x, dtype=np.float32)
    weights = np.asarray(weights, dtype=np.float32)
    k, _, _, n_filters = weights.shape
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    out_h = (x.shape[0] - k) // stride + 1
    out_w = (x.shape[1] - k) // stride + 1
    out = np.zeros((out_h, out_w, n_filters), dtype=np.float32)
    for i in range(out_h):
        for j in range(out_w):
            patch = x[i * stride:i * stride + k, j * stride:j * stride + k, :]
            for f in range(n_filters):
                out[i, j, f] = np.sum(patch * weights[:, :, :, f]) + np.float32(bias[f])
    return out
""",
}
