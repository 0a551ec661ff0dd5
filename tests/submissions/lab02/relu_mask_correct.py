"""relu as x times the mask x > 0."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "relu": """\
def relu(x):
    x = np.asarray(x)
    return x * (x > 0)
""",
}
