"""split_data shuffles the images and the labels of each set with two different permutations:
images lose their labels."""

KIND = "wrong"
LOSES = ['test_split_data_pairs']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    parts = [[], [], []]
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        n_val = round(val_fraction * len(members))
        n_test = round(test_fraction * len(members))
        parts[1].append(members[:n_val])
        parts[2].append(members[n_val:n_val + n_test])
        parts[0].append(members[n_val + n_test:])
    result = []
    for p in parts:
        idx = np.concatenate(p)
        result.append((x[rng.permutation(idx)], y[rng.permutation(idx)]))
    return tuple(result)
''',
}
