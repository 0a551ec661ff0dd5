"""softmax_loss_grad calls scipy.special.softmax instead of NumPy (or the student's own
softmax)."""

KIND = "wrong"
LOSES = ['test_softmax_loss_grad', 'test_softmax_loss_grad_numeric']
SOLUTIONS = {
    "softmax_loss_grad": '''\
def softmax_loss_grad(logits, y):
    import scipy.special

    grad = scipy.special.softmax(np.asarray(logits, dtype=float), axis=1)
    grad[np.arange(len(grad)), y] -= 1.0
    return grad / len(grad)
''',
}
