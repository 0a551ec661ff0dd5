"""elastic_net_penalty swaps the strengths: lam1 on the squares, lam2 on the absolute values."""

KIND = "wrong"
LOSES = ["test_elastic_net_penalty"]
SOLUTIONS = {
    "elastic_net_penalty": """\
def elastic_net_penalty(weights, lam1, lam2):
    absolute = sum(float(np.sum(np.abs(w))) for w in weights)
    squares = sum(float(np.sum(w ** 2)) for w in weights)
    return lam2 * absolute + lam1 * squares
""",
}
