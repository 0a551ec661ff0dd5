"""softmax uses axis=1, which does not exist for a 1-D input."""

KIND = "wrong"
LOSES = ['test_softmax_1d']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exps = np.exp(z - z.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)
''',
}
