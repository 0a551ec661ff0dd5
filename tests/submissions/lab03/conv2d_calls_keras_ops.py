"""conv2d calls keras.ops.conv (a lambda around it) instead of computing the patches' sums.

A library call costs all of the function's points: the conv2d test, the block built on it, and
the from-scratch check.
"""

KIND = "wrong"
LOSES = [
    "test_conv2d",
    "test_conv_relu_pool",
    "test_pooling_from_scratch",
]
SOLUTIONS = {
    "conv2d": """\
def conv2d(x, weights, bias):
    run = lambda a, w: keras.ops.convert_to_numpy(keras.ops.conv(a, w, padding="valid"))
    x = np.asarray(x, dtype=np.float64)[None]
    return run(x, np.asarray(weights, dtype=np.float64))[0] + bias
""",
}
