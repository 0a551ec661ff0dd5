"""split_data with np.random.RandomState(seed) and plain Python lists of indices."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    rng = np.random.RandomState(seed)
    train_idx, val_idx, test_idx = [], [], []
    for c in sorted(set(y.tolist())):
        members = [i for i in range(len(y)) if y[i] == c]
        rng.shuffle(members)
        n_val = round(val_fraction * len(members))
        n_test = round(test_fraction * len(members))
        val_idx += members[:n_val]
        test_idx += members[n_val:n_val + n_test]
        train_idx += members[n_val + n_test:]
    return tuple((x[np.array(i, dtype=int)], y[np.array(i, dtype=int)])
                 for i in (train_idx, val_idx, test_idx))
''',
}
