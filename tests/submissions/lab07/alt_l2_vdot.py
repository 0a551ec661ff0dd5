"""l2_penalty as one dot product of all weights with themselves."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "l2_penalty": """\
def l2_penalty(weights, lam):
    flat = np.concatenate([np.ravel(w).astype(np.float64) for w in weights])
    return lam * np.dot(flat, flat) / 2
""",
}
