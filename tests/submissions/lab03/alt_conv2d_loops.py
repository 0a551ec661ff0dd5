"""conv2d with loops over output positions (tensordot per patch); relu with np.where."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d": '''\
def conv2d(x, weights, bias):
    k = weights.shape[0]
    h_out, w_out = x.shape[0] - k + 1, x.shape[1] - k + 1
    out = np.zeros((h_out, w_out, weights.shape[3]))
    for i in range(h_out):
        for j in range(w_out):
            out[i, j] = np.tensordot(x[i:i + k, j:j + k, :], weights, axes=3) + bias
    return out
''',
    "relu": '''\
def relu(x):
    return np.where(x > 0, x, 0.0)
''',
}
