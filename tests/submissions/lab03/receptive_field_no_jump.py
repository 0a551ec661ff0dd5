"""receptive_field forgets the jump: every layer adds k - 1 input pixels (1 + sum(k - 1))."""

KIND = "wrong"
LOSES = ["test_receptive_field"]
SOLUTIONS = {
    "receptive_field": '''\
def receptive_field(layers):
    side = 1
    for kernel_size, stride in layers:
        side += kernel_size - 1
    return side
''',
}
