"""softmax subtracts the row maximum in place (z -= ...), changing the caller's logits (and
failing on integer logits)."""

KIND = "wrong"
LOSES = ['test_softmax']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z)
    z -= z.max(axis=-1, keepdims=True)
    exps = np.exp(z)
    return exps / exps.sum(axis=-1, keepdims=True)
''',
}
