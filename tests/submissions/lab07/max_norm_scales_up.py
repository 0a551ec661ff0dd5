"""max_norm scales every vector to norm exactly c, also those already within c."""

KIND = "wrong"
LOSES = ["test_max_norm", "test_max_norm_conv", "test_max_norm_keras_step"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float64)
    axis = tuple(axis) if isinstance(axis, list) else axis
    norms = np.sqrt(np.sum(W ** 2, axis=axis, keepdims=True))
    return W * c / np.maximum(norms, 1e-300)
""",
}
