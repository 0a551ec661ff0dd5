"""softmax normalizes each column (axis=0) instead of each row; softmax_loss_grad, which calls
it, keeps its points by error carried forward."""

KIND = "wrong"
LOSES = ['test_softmax', 'test_softmax_stable']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exps = np.exp(z - z.max(axis=0, keepdims=True))
    return exps / exps.sum(axis=0, keepdims=True)
''',
}
