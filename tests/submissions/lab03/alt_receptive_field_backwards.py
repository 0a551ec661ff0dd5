"""receptive_field walked back from the output: one value, then r = r * s + (k - s) per layer."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "receptive_field": '''\
def receptive_field(layers):
    side = 1  # one value of the last map
    for kernel_size, stride in reversed(list(layers)):
        side = side * stride + (kernel_size - stride)  # the windows under `side` values
    return side
''',
}
