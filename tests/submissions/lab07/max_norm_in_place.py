"""max_norm scales the array it was given in place (W *= scale)."""

KIND = "wrong"
LOSES = ["test_max_norm"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W)
    axis = tuple(axis) if isinstance(axis, list) else axis
    norms = np.sqrt(np.sum(W ** 2, axis=axis, keepdims=True))
    W *= np.minimum(1.0, c / np.maximum(norms, 1e-300))
    return W
""",
}
