"""softmax subtracts the maximum of the whole array, not of each row: rows 2000 apart still
underflow to 0 / 0."""

KIND = "wrong"
LOSES = ['test_softmax_stable']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exps = np.exp(z - z.max())
    return exps / exps.sum(axis=-1, keepdims=True)
''',
}
