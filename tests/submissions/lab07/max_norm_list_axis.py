"""max_norm passes `axis` to np.sum as given: a list [0, 1, 2] (as Keras writes it) raises
TypeError.
"""

KIND = "wrong"
LOSES = ["test_max_norm_conv"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float64)
    norms = np.sqrt(np.sum(W ** 2, axis=axis, keepdims=True))
    return W * np.minimum(1.0, c / np.maximum(norms, 1e-300))
""",
}
