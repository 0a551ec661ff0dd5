"""conv_relu_pool forgets the ReLU: conv2d then max_pool2d."""

KIND = "wrong"
LOSES = ["test_conv_relu_pool"]
SOLUTIONS = {
    "conv_relu_pool": '''\
def conv_relu_pool(x, weights, bias):
    return max_pool2d(conv2d(x, weights, bias), pool_size=2, stride=2)
''',
}
