"""l2_penalty adds the norms ||W|| of the arrays instead of their squared entries."""

KIND = "wrong"
LOSES = ["test_l2_penalty"]
SOLUTIONS = {
    "l2_penalty": """\
def l2_penalty(weights, lam):
    return lam / 2 * sum(float(np.linalg.norm(np.ravel(w))) for w in weights)
""",
}
