"""max_norm bounds the rows of a Dense kernel (the last axis) whatever `axis` says: for a Dense
kernel a unit's incoming weights are a column.
"""

KIND = "wrong"
LOSES = ["test_max_norm", "test_max_norm_conv", "test_max_norm_keras_step"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float64)
    norms = np.sqrt(np.sum(W ** 2, axis=-1, keepdims=True))
    return W * np.minimum(1.0, c / np.maximum(norms, 1e-300))
""",
}
