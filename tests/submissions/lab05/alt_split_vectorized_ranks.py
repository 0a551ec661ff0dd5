"""split_data without a loop over classes: one permutation, then each sample's rank within its
class decides its set."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    y = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(y))
    order = order[np.argsort(y[order], kind="stable")]  # grouped by class, shuffled inside
    classes, starts, counts = np.unique(y[order], return_index=True, return_counts=True)
    rank = np.arange(len(y)) - np.repeat(starts, counts)
    n_val = np.array([round(val_fraction * n) for n in counts])
    n_test = np.array([round(test_fraction * n) for n in counts])
    limit_val = np.repeat(n_val, counts)
    limit_test = limit_val + np.repeat(n_test, counts)
    val, test = order[rank < limit_val], order[(rank >= limit_val) & (rank < limit_test)]
    rest = order[rank >= limit_test]
    return (x[rest], y[rest]), (x[val], y[val]), (x[test], y[test])
''',
}
