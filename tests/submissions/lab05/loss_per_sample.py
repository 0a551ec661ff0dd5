"""softmax_loss returns the N per-image losses instead of their mean."""

KIND = "wrong"
LOSES = ['test_softmax_loss', 'test_softmax_loss_stable']
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(logits)), y]
''',
}
