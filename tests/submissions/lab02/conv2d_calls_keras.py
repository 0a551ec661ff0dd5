"""conv2d hands the work to keras.layers.Conv2D instead of computing it with NumPy.

A library call costs all of the function's points: every conv2d test and the from-scratch check.
"""

KIND = "wrong"
LOSES = [
    "test_conv2d",
    "test_conv2d_flipped",
    "test_conv2d_channels",
    "test_conv2d_bias",
    "test_conv2d_bias_per_filter",
    "test_conv2d_stride",
    "test_conv2d_same_padding",
    "test_conv2d_same_padding_split",
    "test_conv2d_same_stride",
    "test_conv2d_from_scratch",
]
SOLUTIONS = {
    "conv2d": """\
def conv2d(x, weights, bias, stride=1, padding="valid"):
    weights = np.asarray(weights, dtype=np.float64)
    layer = keras.layers.Conv2D(weights.shape[-1], weights.shape[:2], strides=stride,
                                padding=padding, dtype="float64")
    layer.build((None, *np.shape(x)))
    layer.set_weights([weights, np.asarray(bias, dtype=np.float64)])
    return keras.ops.convert_to_numpy(layer(np.asarray(x, dtype=np.float64)[None]))[0]
""",
}
