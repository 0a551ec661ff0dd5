"""softmax turns a 1-D input into a (1, K) row and returns it as (1, K) instead of (K,)."""

KIND = "wrong"
LOSES = ['test_softmax_1d']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.atleast_2d(np.asarray(z, dtype=np.float64))
    exps = np.exp(z - z.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)
''',
}
