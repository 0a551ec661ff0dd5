"""max_norm with np.linalg.norm(W, axis=axis) and np.where: right for Dense kernels, but
np.linalg.norm takes one or two axes only, so a Conv2D kernel with axis=(0, 1, 2) raises
"Improper number of dimensions to norm" (the per-unit norm needs np.sqrt(np.sum(W**2, axis))).
"""

KIND = "wrong"
LOSES = ["test_max_norm_conv", "test_max_norm_keras_step"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=float)
    if isinstance(axis, list):
        axis = tuple(axis)
    norms = np.linalg.norm(W, axis=axis, keepdims=True)
    return np.where(norms > c, W * (c / norms), W)
""",
}
