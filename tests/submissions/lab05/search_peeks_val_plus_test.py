"""search reports validation accuracies but chooses by validation + test accuracy, 'to be
safe': the test set is used for model selection."""

KIND = "wrong"
LOSES = ['test_search_ignores_test_set']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    accuracies, combined = {}, {}
    for value in values:
        model = train_model(value)
        accuracies[value] = train.evaluate(model, x_val, y_val)
        combined[value] = accuracies[value] + train.evaluate(model, x_test, y_test)
    return max(combined, key=combined.get), accuracies
''',
}
