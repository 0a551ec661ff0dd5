"""receptive_field as a recursion: the first layer's window around the rest's field, in steps."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "receptive_field": '''\
def receptive_field(layers):
    if len(layers) == 0:
        return 1
    (kernel_size, stride), rest = layers[0], layers[1:]
    # the rest sees `receptive_field(rest)` values of the first layer's map, `stride` apart
    return (receptive_field(rest) - 1) * stride + kernel_size
''',
}
