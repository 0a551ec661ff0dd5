"""softmax with a Python loop over the rows of a 2-D copy, reshaped back to the input's shape."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=float)
    rows = z.reshape(-1, z.shape[-1])
    out = np.empty_like(rows)
    for i, row in enumerate(rows):
        e = np.exp(row - np.max(row))
        out[i] = e / np.sum(e)
    return out.reshape(z.shape)
''',
}
