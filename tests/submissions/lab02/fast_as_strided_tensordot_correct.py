"""conv2d_fast with np.lib.stride_tricks.as_strided and np.tensordot."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    x = np.ascontiguousarray(x, dtype=np.float64)
    k = weights.shape[0]
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((int(np.ceil(n / stride)) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    height, width, channels = x.shape
    out_h, out_w = (height - k) // stride + 1, (width - k) // stride + 1
    s_h, s_w, s_c = x.strides
    patches = np.lib.stride_tricks.as_strided(
        x, shape=(out_h, out_w, k, k, channels),
        strides=(s_h * stride, s_w * stride, s_h, s_w, s_c), writeable=False)
    return np.tensordot(patches, weights, axes=3) + bias
""",
}
