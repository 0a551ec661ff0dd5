"""softmax_loss_grad computes (onehot - p) / N: the sign is wrong."""

KIND = "wrong"
LOSES = ['test_softmax_loss_grad', 'test_softmax_loss_grad_numeric']
SOLUTIONS = {
    "softmax_loss_grad": '''\
def softmax_loss_grad(logits, y):
    p = np.array(softmax(logits), dtype=np.float64)
    onehot = np.zeros_like(p)
    onehot[np.arange(len(p)), y] = 1.0
    return (onehot - p) / len(p)
''',
}
