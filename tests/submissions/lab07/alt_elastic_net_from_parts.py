"""elastic_net_penalty built from l1_penalty and twice l2_penalty (which has the 1/2)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "elastic_net_penalty": """\
def elastic_net_penalty(weights, lam1, lam2):
    return l1_penalty(weights, lam1) + 2 * l2_penalty(weights, lam2)
""",
}
