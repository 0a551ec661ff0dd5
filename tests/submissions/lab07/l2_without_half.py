"""l2_penalty forgets the slide's 1/2: lam * sum(W**2)."""

KIND = "wrong"
LOSES = ["test_l2_penalty"]
SOLUTIONS = {
    "l2_penalty": """\
def l2_penalty(weights, lam):
    return lam * sum(float(np.sum(w ** 2)) for w in weights)
""",
}
