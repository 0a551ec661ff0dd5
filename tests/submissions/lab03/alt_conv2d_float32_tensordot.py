"""conv2d in float32 (as Keras computes) with one tensordot over all patches."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d": '''\
def conv2d(x, weights, bias):
    k = weights.shape[0]
    x = np.asarray(x, dtype=np.float32)
    patches = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(0, 1))
    out = np.tensordot(patches, weights.astype(np.float32), axes=([2, 3, 4], [2, 0, 1]))
    return out + bias.astype(np.float32)
''',
}
