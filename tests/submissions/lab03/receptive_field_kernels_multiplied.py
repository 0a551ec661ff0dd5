"""receptive_field multiplies the kernel sizes instead of adding (k - 1) x jump per layer."""

KIND = "wrong"
LOSES = ["test_receptive_field", "test_receptive_field_stride_one"]
SOLUTIONS = {
    "receptive_field": '''\
def receptive_field(layers):
    side = 1
    for kernel_size, stride in layers:
        side *= kernel_size
    return side
''',
}
