"""softmax_loss computes log(sum(exp(z))) - z_y without subtracting the row maximum: exp(1000)
overflows."""

KIND = "wrong"
LOSES = ['test_softmax_loss_stable']
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    logits = np.asarray(logits, dtype=np.float64)
    log_sum = np.log(np.exp(logits).sum(axis=1))
    return float(np.mean(log_sum - logits[np.arange(len(logits)), y]))
''',
}
