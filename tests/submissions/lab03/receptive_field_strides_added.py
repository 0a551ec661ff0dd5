"""receptive_field grows the jump by adding the strides (jump += stride) instead of multiplying."""

KIND = "wrong"
LOSES = ["test_receptive_field", "test_receptive_field_stride_one"]
SOLUTIONS = {
    "receptive_field": '''\
def receptive_field(layers):
    side, jump = 1, 1
    for kernel_size, stride in layers:
        side += (kernel_size - 1) * jump
        jump += stride
    return side
''',
}
