"""The table for a 224 x 224 input (the paper's text): 54 x 54 after conv1, 5 x 5 x 256 before
flatten.
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
        "conv1": ((54, 54, 96), 11 * 11 * 3 * 96 + 96),
        "pool1": ((26, 26, 96), 0),
        "conv2": ((26, 26, 256), 5 * 5 * 96 * 256 + 256),
        "pool2": ((12, 12, 256), 0),
        "conv3": ((12, 12, 384), 3 * 3 * 256 * 384 + 384),
        "conv4": ((12, 12, 384), 3 * 3 * 384 * 384 + 384),
        "conv5": ((12, 12, 256), 3 * 3 * 384 * 256 + 256),
        "pool5": ((5, 5, 256), 0),
        "flatten": ((6400,), 0),
        "fc6": ((4096,), 6400 * 4096 + 4096),
        "fc7": ((4096,), 4096 * 4096 + 4096),
        "fc8": ((1000,), 4096 * 1000 + 1000),
    }
""",
}
