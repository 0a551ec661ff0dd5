"""search with an explicit running best (strictly greater) and accuracy computed from
model.predict."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    accuracies = {}
    best_value, best_accuracy = None, None
    for value in values:
        model = train_model(value)
        predictions = np.argmax(model.predict(x_val, verbose=0), axis=1)
        accuracies[value] = float(np.mean(predictions == np.asarray(y_val)))
        if best_accuracy is None or accuracies[value] > best_accuracy:
            best_value, best_accuracy = value, accuracies[value]
    return best_value, accuracies
''',
}
