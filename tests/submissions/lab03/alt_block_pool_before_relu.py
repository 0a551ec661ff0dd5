"""conv_relu_pool pools before the ReLU: max pooling and ReLU commute, same output."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv_relu_pool": '''\
def conv_relu_pool(x, weights, bias):
    return relu(max_pool2d(conv2d(x, weights, bias), pool_size=2, stride=2))
''',
}
