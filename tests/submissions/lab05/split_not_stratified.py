"""split_data shuffles the whole data set and cuts it by the fractions of N: the totals are
right, not the count of each class."""

KIND = "wrong"
LOSES = ['test_split_data_stratified']
SOLUTIONS = {
    "split_data": '''\
def split_data(x, y, val_fraction, test_fraction, seed):
    order = np.random.default_rng(seed).permutation(len(y))
    n_val = round(val_fraction * len(y))
    n_test = round(test_fraction * len(y))
    val, test, rest = order[:n_val], order[n_val:n_val + n_test], order[n_val + n_test:]
    return (x[rest], y[rest]), (x[val], y[val]), (x[test], y[test])
''',
}
