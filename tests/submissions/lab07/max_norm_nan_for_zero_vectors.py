"""max_norm computes W * min(norm, c) / norm: a unit whose weights are all 0 becomes NaN (0 /
0).
"""

KIND = "wrong"
LOSES = ["test_max_norm"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float64)
    axis = tuple(axis) if isinstance(axis, list) else axis
    norms = np.sqrt(np.sum(W ** 2, axis=axis, keepdims=True))
    return W * np.clip(norms, 0, c) / norms
""",
}
