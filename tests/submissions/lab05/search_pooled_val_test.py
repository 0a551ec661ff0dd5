"""search scores each model on the validation and test sets pooled together ('more data, a
better estimate'): the test set is used for selection."""

KIND = "wrong"
LOSES = ['test_search_accuracies', 'test_search_ignores_test_set']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    x_all = np.concatenate([x_val, x_test])
    y_all = np.concatenate([y_val, y_test])
    accuracies = {}
    for value in values:
        accuracies[value] = train.evaluate(train_model(value), x_all, y_all)
    return max(accuracies, key=accuracies.get), accuracies
''',
}
