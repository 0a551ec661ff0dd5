"""softmax as exp(z - logsumexp(z)), the log-sum-exp computed with np.logaddexp.reduce."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    return np.exp(z - np.logaddexp.reduce(z, axis=-1, keepdims=True))
''',
}
