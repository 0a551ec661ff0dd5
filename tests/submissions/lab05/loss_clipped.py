"""softmax_loss clips the probabilities to 1e-12 before the log: finite, but wrong for extreme
logits."""

KIND = "wrong"
LOSES = ['test_softmax_loss_stable']
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    p = np.clip(softmax(logits), 1e-12, 1.0)
    return float(-np.mean(np.log(p[np.arange(len(p)), y])))
''',
}
