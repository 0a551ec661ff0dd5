"""softmax calls keras.ops.softmax instead of computing it with NumPy: every softmax test
fails; the gradient keeps its points by error carried forward."""

KIND = "wrong"
LOSES = ['test_softmax', 'test_softmax_stable', 'test_softmax_1d']
SOLUTIONS = {
    "softmax": '''\
def softmax(z):
    return keras.ops.convert_to_numpy(keras.ops.softmax(np.asarray(z, dtype="float64"), axis=-1))
''',
}
