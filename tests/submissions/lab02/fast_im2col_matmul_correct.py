"""conv2d_fast as im2col: one strided slice per kernel offset, then one matrix product."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    k, _, channels, n_filters = weights.shape
    height, width = x.shape[:2]
    if padding == "same":
        out_h, out_w = -(-height // stride), -(-width // stride)
        pad_h = max((out_h - 1) * stride + k - height, 0)
        pad_w = max((out_w - 1) * stride + k - width, 0)
        x = np.pad(x, ((pad_h // 2, pad_h - pad_h // 2), (pad_w // 2, pad_w - pad_w // 2), (0, 0)))
    else:
        out_h, out_w = (height - k) // stride + 1, (width - k) // stride + 1
    columns = np.empty((out_h, out_w, k, k, channels))
    for u in range(k):
        for v in range(k):
            columns[:, :, u, v] = x[u:u + stride * out_h:stride, v:v + stride * out_w:stride]
    matrix = columns.reshape(out_h * out_w, k * k * channels)
    out = matrix @ weights.reshape(k * k * channels, n_filters) + bias
    return out.reshape(out_h, out_w, n_filters)
""",
}
