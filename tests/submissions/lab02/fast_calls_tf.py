"""conv2d_fast imports TensorFlow inside the function and calls tf.nn.conv2d.

A library call costs all of the function's points: every conv2d_fast test and the from-scratch
check.
"""

KIND = "wrong"
LOSES = [
    "test_conv2d_fast",
    "test_conv2d_fast_flipped",
    "test_conv2d_fast_channels",
    "test_conv2d_fast_bias",
    "test_conv2d_fast_bias_per_filter",
    "test_conv2d_fast_stride",
    "test_conv2d_fast_same_padding",
    "test_conv2d_fast_same_padding_split",
    "test_conv2d_fast_same_stride",
    "test_conv2d_fast_vectorized",
    "test_conv2d_from_scratch",
]
SOLUTIONS = {
    "conv2d_fast": """\
def conv2d_fast(x, weights, bias, stride=1, padding="valid"):
    import tensorflow as tf

    x = tf.constant(np.asarray(x, dtype=np.float64)[None])
    kernel = tf.constant(np.asarray(weights, dtype=np.float64))
    out = tf.nn.conv2d(x, kernel, strides=stride, padding=padding.upper())
    return out.numpy()[0] + np.asarray(bias, dtype=np.float64)
""",
}
