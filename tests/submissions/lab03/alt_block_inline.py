"""conv_relu_pool written in one go: einsum convolution, np.maximum, reshape pooling."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv_relu_pool": '''\
def conv_relu_pool(x, weights, bias):
    k = weights.shape[0]
    patches = np.lib.stride_tricks.sliding_window_view(np.asarray(x, float), (k, k), axis=(0, 1))
    z = np.maximum(np.einsum("ijcuv,uvcf->ijf", patches, weights) + bias, 0)
    h, w = z.shape[0] // 2 * 2, z.shape[1] // 2 * 2
    return z[:h, :w].reshape(h // 2, 2, w // 2, 2, -1).max(axis=(1, 3))
''',
}
