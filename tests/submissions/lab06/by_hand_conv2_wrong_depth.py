"""conv2's weights counted with the 3 input channels of the image instead of the 96 maps of
conv1.
"""

KIND = "wrong"
LOSES = [
    "test_alexnet_by_hand_params",
]
SOLUTIONS = {
    "alexnet_by_hand": """\
def alexnet_by_hand():
    return {
        "conv1": ((55, 55, 96), 11 * 11 * 3 * 96 + 96),
        "pool1": ((27, 27, 96), 0),
        "conv2": ((27, 27, 256), 5 * 5 * 3 * 256 + 256),
        "pool2": ((13, 13, 256), 0),
        "conv3": ((13, 13, 384), 3 * 3 * 256 * 384 + 384),
        "conv4": ((13, 13, 384), 3 * 3 * 384 * 384 + 384),
        "conv5": ((13, 13, 256), 3 * 3 * 384 * 256 + 256),
        "pool5": ((6, 6, 256), 0),
        "flatten": ((9216,), 0),
        "fc6": ((4096,), 9216 * 4096 + 4096),
        "fc7": ((4096,), 4096 * 4096 + 4096),
        "fc8": ((1000,), 4096 * 1000 + 1000),
    }
""",
}
