"""conv2d_fast: im2col with range(H - k) (a row and a column short), looping over positions."""

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
    k, _, channels, n_filters = weights.shape
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((-(-n // stride) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    rows = range(0, x.shape[0] - k, stride)
    cols = range(0, x.shape[1] - k, stride)
    columns = np.array([[x[i:i + k, j:j + k].ravel() for j in cols] for i in rows])
    columns = columns.reshape(len(rows), len(cols), k * k * channels)
    return columns @ weights.reshape(k * k * channels, n_filters) + bias
""",
}
