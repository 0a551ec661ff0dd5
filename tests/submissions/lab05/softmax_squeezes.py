"""softmax squeezes its result: a batch of one image (1, K) comes back as (K,), and a single
logit as a scalar."""

KIND = "wrong"
LOSES = ['test_softmax', 'test_softmax_stable', 'test_softmax_1d']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exps = np.exp(z - z.max(axis=-1, keepdims=True))
    return np.squeeze(exps / exps.sum(axis=-1, keepdims=True))
''',
}
