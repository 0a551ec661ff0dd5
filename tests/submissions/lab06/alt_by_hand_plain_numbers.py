"""The table with plain numbers, lists for shapes and an int for the flattened shape."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "alexnet_by_hand": """\
def alexnet_by_hand():
    return {
        "conv1": ([55, 55, 96], 34944),
        "pool1": ([27, 27, 96], 0),
        "conv2": ([27, 27, 256], 614656),
        "pool2": ([13, 13, 256], 0),
        "conv3": ([13, 13, 384], 885120),
        "conv4": ([13, 13, 384], 1327488),
        "conv5": ([13, 13, 256], 884992),
        "pool5": ([6, 6, 256], 0),
        "flatten": (9216, 0),
        "fc6": ([4096], 37752832),
        "fc7": ([4096], 16781312),
        "fc8": ([1000], 4097000),
    }
""",
}
