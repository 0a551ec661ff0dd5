"""softmax_loss with np.take_along_axis and a log-sum-exp of its own."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    z = np.asarray(logits, dtype=float)
    m = np.max(z, axis=1, keepdims=True)
    log_sum = m + np.log(np.sum(np.exp(z - m), axis=1, keepdims=True))
    picked = np.take_along_axis(z, np.asarray(y, dtype=int)[:, None], axis=1)
    return float(np.mean(log_sum - picked))
''',
}
