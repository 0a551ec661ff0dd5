"""elastic_net_penalty puts the L2 penalty's 1/2 on the squared part."""

KIND = "wrong"
LOSES = ["test_elastic_net_penalty"]
SOLUTIONS = {
    "elastic_net_penalty": """\
def elastic_net_penalty(weights, lam1, lam2):
    return l1_penalty(weights, lam1) + l2_penalty(weights, lam2)
""",
}
