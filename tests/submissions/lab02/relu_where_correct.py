"""relu with np.where on a copy."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "relu": """\
def relu(x):
    return np.where(x > 0, x, 0.0)
""",
}
