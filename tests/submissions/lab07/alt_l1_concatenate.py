"""l1_penalty on all weights concatenated, np.linalg.norm(ord=1)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "l1_penalty": """\
def l1_penalty(weights, lam):
    flat = np.concatenate([np.ravel(w).astype(np.float64) for w in weights])
    return lam * np.linalg.norm(flat, ord=1)
""",
}
