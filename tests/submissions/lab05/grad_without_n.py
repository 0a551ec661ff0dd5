"""softmax_loss_grad forgets the division by N (the loss is a mean)."""

KIND = "wrong"
LOSES = ['test_softmax_loss_grad', 'test_softmax_loss_grad_numeric']
SOLUTIONS = {
    "softmax_loss_grad": '''\
def softmax_loss_grad(logits, y):
    grad = np.array(softmax(logits), dtype=np.float64)
    grad[np.arange(len(grad)), y] -= 1.0
    return grad
''',
}
