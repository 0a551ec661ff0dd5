"""search trains every value first and evaluates afterwards: train_model returns one model
object, so every value gets the last run's accuracy."""

KIND = "wrong"
LOSES = ['test_search_accuracies']
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    models = [train_model(value) for value in values]
    accuracies = {value: train.evaluate(model, x_val, y_val)
                  for value, model in zip(values, models)}
    return max(accuracies, key=accuracies.get), accuracies
''',
}
