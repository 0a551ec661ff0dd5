"""search reports accuracies in percent instead of fractions."""

KIND = "wrong"
LOSES = ['test_search_accuracies']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    accuracies = {}
    for value in values:
        accuracies[value] = 100 * train.evaluate(train_model(value), x_val, y_val)
    return max(accuracies, key=accuracies.get), accuracies
''',
}
