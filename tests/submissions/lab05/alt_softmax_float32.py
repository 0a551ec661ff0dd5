"""softmax in the input's float32 precision for float32 logits, with np.max/np.sum along the
last axis."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z)
    if not np.issubdtype(z.dtype, np.floating):
        z = z.astype(np.float64)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)
''',
}
