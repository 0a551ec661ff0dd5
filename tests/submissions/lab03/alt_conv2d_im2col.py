"""conv2d as one matrix product of im2col patches and flattened filters; relu with np.clip."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d": '''\
def conv2d(x, weights, bias):
    k, _, channels, filters = weights.shape
    h_out, w_out = x.shape[0] - k + 1, x.shape[1] - k + 1
    columns = np.empty((h_out, w_out, k, k, channels))
    for u in range(k):
        for v in range(k):
            columns[:, :, u, v, :] = x[u:u + h_out, v:v + w_out, :]
    out = columns.reshape(h_out * w_out, -1) @ weights.reshape(-1, filters)
    return out.reshape(h_out, w_out, filters) + bias
''',
    "relu": '''\
def relu(x):
    return np.clip(x, 0, None)
''',
}
