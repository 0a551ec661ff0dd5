"""search keeps the last of equally good values (>=) instead of the first."""

KIND = "wrong"
LOSES = ['test_search_best']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    accuracies, best, best_accuracy = {}, None, -1.0
    for value in values:
        accuracies[value] = train.evaluate(train_model(value), x_val, y_val)
        if accuracies[value] >= best_accuracy:
            best, best_accuracy = value, accuracies[value]
    return best, accuracies
''',
}
