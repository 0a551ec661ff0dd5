"""l2_penalty penalizes only the first array of the list."""

KIND = "wrong"
LOSES = ["test_l2_penalty"]
SOLUTIONS = {
    "l2_penalty": """\
def l2_penalty(weights, lam):
    return lam / 2 * float(np.sum(np.square(weights[0])))
""",
}
