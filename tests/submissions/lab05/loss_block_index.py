"""softmax_loss indexes log_p[:, y], an N x N block, instead of one entry per row."""

KIND = "wrong"
LOSES = ['test_softmax_loss', 'test_softmax_loss_stable']
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[:, y]))
''',
}
