"""keras_l2_factor returns lam: L2(lam) adds twice the slide's penalty. The build that uses it
is graded with error carried forward, and the facts skip the L2 runs.
"""

KIND = "wrong"
LOSES = ["test_keras_l2_factor"]
SOLUTIONS = {
    "keras_l2_factor": """\
def keras_l2_factor(lam):
    return lam
""",
}
