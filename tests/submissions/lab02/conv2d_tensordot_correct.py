"""conv2d with one loop over positions and np.tensordot over (k, k, C) for all filters."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d": """\
def conv2d(x, weights, bias, stride=1, padding="valid"):
    k = weights.shape[0]
    height, width = x.shape[:2]
    if padding == "same":
        out_h, out_w = -(-height // stride), -(-width // stride)
        pad_h = max((out_h - 1) * stride + k - height, 0)
        pad_w = max((out_w - 1) * stride + k - width, 0)
        x = np.pad(x, ((pad_h // 2, pad_h - pad_h // 2), (pad_w // 2, pad_w - pad_w // 2), (0, 0)))
    else:
        out_h, out_w = (height - k) // stride + 1, (width - k) // stride + 1
    out = np.empty((out_h, out_w, weights.shape[3]))
    for i, j in np.ndindex(out_h, out_w):
        patch = x[i * stride:i * stride + k, j * stride:j * stride + k]
        out[i, j] = np.tensordot(patch, weights, axes=3) + bias
    return out
""",
}
