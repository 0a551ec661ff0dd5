"""keras_l2_factor returns 2 * lam (the 1/2 applied the wrong way round)."""

KIND = "wrong"
LOSES = ["test_keras_l2_factor"]
SOLUTIONS = {
    "keras_l2_factor": """\
def keras_l2_factor(lam):
    return 2 * lam
""",
}
