"""max_norm computes one norm per entry of `axis` (it sums over the other axes), the opposite of
Keras' MaxNorm(axis=...).
"""

KIND = "wrong"
LOSES = ["test_max_norm", "test_max_norm_conv", "test_max_norm_keras_step"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float64)
    keep = set(np.atleast_1d(axis) % W.ndim)
    others = tuple(i for i in range(W.ndim) if i not in keep)
    norms = np.sqrt(np.sum(W ** 2, axis=others, keepdims=True))
    return W * np.minimum(1.0, c / np.maximum(norms, 1e-300))
""",
}
