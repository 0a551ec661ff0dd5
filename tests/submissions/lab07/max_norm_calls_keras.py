"""max_norm hands the work to keras.constraints.MaxNorm."""

KIND = "wrong"
LOSES = ["test_max_norm", "test_max_norm_conv", "test_max_norm_keras_step"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    bound = keras.constraints.MaxNorm(c, axis=list(axis) if isinstance(axis, tuple) else axis)
    return keras.ops.convert_to_numpy(bound(np.asarray(W, dtype="float64")))
""",
}
