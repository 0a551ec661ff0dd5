"""max_norm scales the whole array to norm c instead of each unit's vector."""

KIND = "wrong"
LOSES = ["test_max_norm", "test_max_norm_conv", "test_max_norm_keras_step"]
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.asarray(W, dtype=np.float64)
    norm = np.sqrt(np.sum(W ** 2))
    return W * min(1.0, c / norm) if norm > 0 else W
""",
}
