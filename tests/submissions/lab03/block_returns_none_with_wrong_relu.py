"""conv_relu_pool returns None while relu is wrong: the block loses its points, not only relu."""

KIND = "wrong"
LOSES = ["test_relu", "test_conv_relu_pool"]
SOLUTIONS = {
    "relu": '''\
def relu(x):
    return np.abs(x)
''',
    "conv_relu_pool": '''\
def conv_relu_pool(x, weights, bias):
    max_pool2d(relu(conv2d(x, weights, bias)), pool_size=2, stride=2)
''',
}
