"""search returns the value with the lowest validation accuracy."""

KIND = "wrong"
LOSES = ['test_search_best']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    accuracies = {}
    for value in values:
        accuracies[value] = train.evaluate(train_model(value), x_val, y_val)
    return min(accuracies, key=accuracies.get), accuracies
''',
}
