"""softmax_loss calls Keras' SparseCategoricalCrossentropy instead of computing the loss with
NumPy."""

KIND = "wrong"
LOSES = ['test_softmax_loss', 'test_softmax_loss_stable']
SOLUTIONS = {
    "softmax_loss": '''\
def softmax_loss(logits, y):
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True, dtype="float64")
    return float(loss(np.asarray(y), np.asarray(logits, dtype="float64")))
''',
}
