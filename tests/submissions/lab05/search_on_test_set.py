"""search evaluates every model on the test set instead of the validation set."""

KIND = "wrong"
LOSES = ['test_search_accuracies', 'test_search_ignores_test_set']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    accuracies = {}
    for value in values:
        accuracies[value] = train.evaluate(train_model(value), x_test, y_test)
    return max(accuracies, key=accuracies.get), accuracies
''',
}
