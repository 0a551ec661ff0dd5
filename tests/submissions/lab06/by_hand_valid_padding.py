"""'valid' padding assumed in conv2 ... conv5 (each conv shrinks the side), with the weights that
follow.
"""

KIND = "wrong"
LOSES = [
    "test_alexnet_by_hand_shapes",
    "test_alexnet_by_hand_params",
]
SOLUTIONS = {
    "alexnet_by_hand": """\
def alexnet_by_hand():
    return {
        "conv1": ((55, 55, 96), 11 * 11 * 3 * 96 + 96),
        "pool1": ((27, 27, 96), 0),
        "conv2": ((23, 23, 256), 5 * 5 * 96 * 256 + 256),
        "pool2": ((11, 11, 256), 0),
        "conv3": ((9, 9, 384), 3 * 3 * 256 * 384 + 384),
        "conv4": ((7, 7, 384), 3 * 3 * 384 * 384 + 384),
        "conv5": ((5, 5, 256), 3 * 3 * 384 * 256 + 256),
        "pool5": ((2, 2, 256), 0),
        "flatten": ((1024,), 0),
        "fc6": ((4096,), 1024 * 4096 + 4096),
        "fc7": ((4096,), 4096 * 4096 + 4096),
        "fc8": ((1000,), 4096 * 1000 + 1000),
    }
""",
}
