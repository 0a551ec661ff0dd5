"""l2_penalty with plain Python loops over every entry."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "l2_penalty": """\
def l2_penalty(weights, lam):
    total = 0.0
    for array in weights:
        for value in np.asarray(array, dtype=float).ravel():
            total += value * value
    return 0.5 * lam * total
""",
}
