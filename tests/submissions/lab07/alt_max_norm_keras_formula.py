"""max_norm with Keras' own formula in float32: W * clip(norm, 0, c) / (1e-7 + norm)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float32)
    axis = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    norms = np.sqrt(np.sum(np.square(W), axis=axis, keepdims=True))
    return W * (np.clip(norms, 0, c) / (1e-7 + norms))
""",
}
