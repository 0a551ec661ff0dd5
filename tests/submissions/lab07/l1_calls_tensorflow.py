"""l1_penalty computes with tf.reduce_sum and tf.abs."""

KIND = "wrong"
LOSES = ["test_l1_penalty"]
SOLUTIONS = {
    "l1_penalty": """\
import tensorflow as tf


def l1_penalty(weights, lam):
    return lam * float(sum(tf.reduce_sum(tf.abs(tf.constant(w, dtype=tf.float64)))
                           for w in weights))
""",
}
