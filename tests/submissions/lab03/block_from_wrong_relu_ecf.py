"""A right block built from a wrong relu (|x|): relu loses its test, the block keeps its points."""

KIND = "wrong"
LOSES = ["test_relu"]
SOLUTIONS = {
    "relu": '''\
def relu(x):
    return np.abs(x)
''',
}
