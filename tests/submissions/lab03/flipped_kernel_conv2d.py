"""conv2d flips the kernel (a true convolution); the block is not graded twice for it."""

KIND = "wrong"
LOSES = ["test_conv2d"]
SOLUTIONS = {
    "conv2d": '''\
def conv2d(x, weights, bias):
    k = weights.shape[0]
    patches = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(0, 1))
    return np.einsum("ijcuv,uvcf->ijf", patches, weights[::-1, ::-1]) + bias
''',
}
