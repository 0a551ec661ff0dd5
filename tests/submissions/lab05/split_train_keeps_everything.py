"""split_data returns the whole data set as the training set: the validation and test samples
are trained on too."""

KIND = "wrong"
LOSES = ['test_split_data_disjoint']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    val_idx, test_idx = [], []
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        n_val = round(val_fraction * len(members))
        n_test = round(test_fraction * len(members))
        val_idx.append(members[:n_val])
        test_idx.append(members[n_val:n_val + n_test])
    val_idx, test_idx = np.concatenate(val_idx), np.concatenate(test_idx)
    return (x, y), (x[val_idx], y[val_idx]), (x[test_idx], y[test_idx])
''',
}
