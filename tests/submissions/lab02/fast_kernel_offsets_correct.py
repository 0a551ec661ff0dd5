"""conv2d_fast as shifted sums: a Python loop over the k x k kernel offsets only (vectorized)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    x = np.asarray(x, dtype=np.float64)
    k = weights.shape[0]
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    out_h = (x.shape[0] - k) // stride + 1
    out_w = (x.shape[1] - k) // stride + 1
    out = np.zeros((out_h, out_w, weights.shape[3])) + bias
    for u in range(k):
        for v in range(k):
            rows = slice(u, u + (out_h - 1) * stride + 1, stride)
            shifted = x[rows, v:v + (out_w - 1) * stride + 1:stride]
            out += shifted @ weights[u, v]  # (out_h, out_w, C) @ (C, F)
    return out
""",
}
