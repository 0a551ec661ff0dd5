"""split_data builds new label arrays with np.full(n, c) for c in range(10): the labels are
right but int64 instead of the dtype of y."""

KIND = "wrong"
LOSES = ['test_split_data_pairs']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    xs, ys = [[], [], []], [[], [], []]
    for c in range(10):
        members = rng.permutation(np.flatnonzero(y == c))
        n_val = round(val_fraction * len(members))
        n_test = round(test_fraction * len(members))
        chunks = [members[n_val + n_test:], members[:n_val], members[n_val:n_val + n_test]]
        for part, chunk in enumerate(chunks):
            xs[part].append(x[chunk])
            ys[part].append(np.full(len(chunk), c))
    return tuple((np.concatenate(xs[i]), np.concatenate(ys[i])) for i in range(3))
''',
}
