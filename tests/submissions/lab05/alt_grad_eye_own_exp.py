"""softmax_loss_grad with its own exponentials and np.eye(K)[y] as the one-hot labels (it does
not call softmax)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax_loss_grad": '''\
def softmax_loss_grad(logits, y):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return (p - np.eye(z.shape[1])[np.asarray(y)]) / z.shape[0]
''',
}
