"""l1_penalty with a loop over the arrays and np.abs."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "l1_penalty": """\
def l1_penalty(weights, lam):
    total = 0.0
    for array in weights:
        total = total + np.abs(np.asarray(array, dtype=np.float64)).sum()
    return lam * total
""",
}
