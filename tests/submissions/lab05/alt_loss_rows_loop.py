"""softmax_loss with a Python loop over the images."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    total = 0.0
    for row, label in zip(np.asarray(logits, dtype=float), y):
        m = row.max()
        total += m + np.log(np.exp(row - m).sum()) - row[label]
    return total / len(y)
''',
}
