"""softmax_loss_grad with a Python loop over the images, calling softmax on one row at a time."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax_loss_grad": '''\
def softmax_loss_grad(logits, y):
    logits = np.asarray(logits, dtype=float)
    grad = np.zeros_like(logits)
    for i in range(len(logits)):
        grad[i] = softmax(logits[i])
        grad[i, y[i]] -= 1
    return grad / len(logits)
''',
}
