"""conv2d_fast imports TensorFlow inside the function and calls tf.nn.conv2d."""

KIND = "wrong"
LOSES = ["test_conv2d_from_scratch"]
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
