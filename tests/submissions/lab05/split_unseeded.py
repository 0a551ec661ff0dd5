"""split_data shuffles with np.random's global state and ignores the seed: two calls with the
same seed give different splits."""

KIND = "wrong"
LOSES = ['test_split_data_seed']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    parts = [[], [], []]
    for c in np.unique(y):
        members = np.random.permutation(np.flatnonzero(y == c))
        n_val = round(val_fraction * len(members))
        n_test = round(test_fraction * len(members))
        parts[1].append(members[:n_val])
        parts[2].append(members[n_val:n_val + n_test])
        parts[0].append(members[n_val + n_test:])
    return tuple((x[np.concatenate(p)], y[np.concatenate(p)]) for p in parts)
''',
}
