"""search with Keras' model.evaluate (the models are compiled with an accuracy metric) and
np.argmax over the list of accuracies."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "search": '''\
def search(values, train_model, x_val, y_val):
    scores = []
    for value in values:
        model = train_model(value)
        scores.append(model.evaluate(x_val, y_val, verbose=0, return_dict=True)["accuracy"])
    accuracies = dict(zip(values, scores))
    return values[int(np.argmax(scores))], accuracies
''',
}
