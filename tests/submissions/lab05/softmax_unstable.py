"""softmax without subtracting the row maximum: np.exp(1000) overflows and the probabilities
become nan."""

KIND = "wrong"
LOSES = ['test_softmax_stable']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    exps = np.exp(np.asarray(z, dtype=np.float64))
    return exps / exps.sum(axis=-1, keepdims=True)
''',
}
