"""conv2d from conv2d_single: a stride-1 map per channel and filter, summed, then subsampled."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d": """\
def conv2d(x, weights, bias, stride=1, padding="valid"):
    k, _, channels, n_filters = weights.shape
    if padding == "same":
        pads = []
        for n in x.shape[:2]:
            total = max((int(np.ceil(n / stride)) - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, pads + [(0, 0)])
    maps = []
    for f in range(n_filters):
        total = sum(conv2d_single(x[:, :, c], weights[:, :, c, f]) for c in range(channels))
        maps.append(total[::stride, ::stride] + bias[f])
    return np.stack(maps, axis=-1)
""",
}
