"""softmax_loss takes np.log of the (stable) softmax: the probability e^-2000 underflows to 0
and the loss becomes inf."""

KIND = "wrong"
LOSES = ['test_softmax_loss_stable']
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    p = softmax(logits)
    return float(-np.mean(np.log(p[np.arange(len(p)), y])))
''',
}
