"""l1_penalty adds squares (the L2 form) instead of absolute values."""

KIND = "wrong"
LOSES = ["test_l1_penalty"]
SOLUTIONS = {
    "l1_penalty": """\
def l1_penalty(weights, lam):
    return lam * sum(float(np.sum(np.square(w))) for w in weights)
""",
}
