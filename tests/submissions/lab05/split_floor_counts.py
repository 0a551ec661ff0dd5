"""split_data counts int(fraction * n_c) samples per class, which rounds down instead of
rounding."""

KIND = "wrong"
LOSES = ['test_split_data_stratified']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    parts = [[], [], []]
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        n_val = int(val_fraction * len(members))
        n_test = int(test_fraction * len(members))
        parts[1].append(members[:n_val])
        parts[2].append(members[n_val:n_val + n_test])
        parts[0].append(members[n_val + n_test:])
    return tuple((x[np.concatenate(p)], y[np.concatenate(p)]) for p in parts)
''',
}
