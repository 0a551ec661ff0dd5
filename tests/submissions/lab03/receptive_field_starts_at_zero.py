"""receptive_field is off by one: it starts at r = 0 instead of 1 (a pixel sees itself)."""

KIND = "wrong"
LOSES = ["test_receptive_field", "test_receptive_field_stride_one"]
SOLUTIONS = {
    "receptive_field": '''\
def receptive_field(layers):
    side, jump = 0, 1
    for kernel_size, stride in layers:
        side += (kernel_size - 1) * jump
        jump *= stride
    return side
''',
}
