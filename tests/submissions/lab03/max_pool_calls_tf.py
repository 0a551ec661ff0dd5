"""max_pool2d hands the work to tf.nn.max_pool2d (TensorFlow imported in its cell).

A library call costs all of the function's points: every max_pool2d test, the block built on it,
and the from-scratch check.
"""

KIND = "wrong"
LOSES = [
    "test_max_pool2d",
    "test_max_pool2d_channels",
    "test_max_pool2d_stride",
    "test_max_pool2d_last_window",
    "test_conv_relu_pool",
    "test_pooling_from_scratch",
]
SOLUTIONS = {
    "max_pool2d": """\
import tensorflow as tf


def max_pool2d(x, pool_size=2, stride=2):
    x = np.asarray(x)
    batch = x.astype(np.float64)
    batch = batch[None, :, :, None] if x.ndim == 2 else batch[None]
    out = tf.nn.max_pool2d(batch, ksize=pool_size, strides=stride, padding="VALID").numpy()[0]
    out = out[:, :, 0] if x.ndim == 2 else out
    return out.astype(x.dtype)
""",
}
