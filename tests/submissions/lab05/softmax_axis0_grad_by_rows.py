"""softmax over the wrong axis with a gradient that calls it row by row: softmax loses its
tests, the gradient keeps its points (error carried forward on 1-D rows)."""

KIND = "wrong"
LOSES = ['test_softmax', 'test_softmax_stable']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    exps = np.exp(z - z.max(axis=0, keepdims=True))
    return exps / exps.sum(axis=0, keepdims=True)
''',
    "softmax_loss_grad": '''\
def softmax_loss_grad(logits, y):
    logits = np.asarray(logits, dtype=float)
    grad = np.zeros_like(logits)
    for i in range(len(logits)):
        grad[i] = softmax(logits[i][None])[0]
        grad[i, y[i]] -= 1
    return grad / len(logits)
''',
}
