"""split_data takes the test samples from the start of each shuffled class too, so validation
and test share samples (a leak)."""

KIND = "wrong"
LOSES = ['test_split_data_disjoint']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    train_idx, val_idx, test_idx = [], [], []
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        n_val = round(val_fraction * len(members))
        n_test = round(test_fraction * len(members))
        val_idx.append(members[:n_val])
        test_idx.append(members[:n_test])
        train_idx.append(members[n_val + n_test:])
    return tuple((x[np.concatenate(i)], y[np.concatenate(i)])
                 for i in (train_idx, val_idx, test_idx))
''',
}
