"""relu sets the negative values of its input to 0 in place: the caller's array changes."""

KIND = "wrong"
LOSES = ["test_relu"]
SOLUTIONS = {
    "relu": '''\
def relu(x):
    x[x < 0] = 0
    return x
''',
}
