"""l1_penalty sums the weights themselves: negative weights cancel positive ones."""

KIND = "wrong"
LOSES = ["test_l1_penalty"]
SOLUTIONS = {
    "l1_penalty": """\
def l1_penalty(weights, lam):
    return lam * sum(float(np.sum(w)) for w in weights)
""",
}
