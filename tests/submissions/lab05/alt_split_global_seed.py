"""split_data seeds np.random's global generator with the seed, then shuffles with
np.random.shuffle."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    np.random.seed(seed)
    sets = {"train": [], "val": [], "test": []}
    for c in np.unique(y):
        members = np.flatnonzero(y == c)
        np.random.shuffle(members)
        n_val = int(round(val_fraction * members.size))
        n_test = int(round(test_fraction * members.size))
        sets["val"].extend(members[:n_val])
        sets["test"].extend(members[n_val:n_val + n_test])
        sets["train"].extend(members[n_val + n_test:])
    pick = {k: np.asarray(v, dtype=np.int64) for k, v in sets.items()}
    return ((x[pick["train"]], y[pick["train"]]), (x[pick["val"]], y[pick["val"]]),
            (x[pick["test"]], y[pick["test"]]))
''',
}
