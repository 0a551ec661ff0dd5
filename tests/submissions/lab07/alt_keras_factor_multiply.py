"""keras_l2_factor written as 0.5 * lam."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "keras_l2_factor": """\
def keras_l2_factor(lam):
    return 0.5 * lam
""",
}
