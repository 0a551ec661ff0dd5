"""relu returns |x| instead of max(x, 0)."""

KIND = "wrong"
LOSES = ["test_relu"]
SOLUTIONS = {
    "relu": """\
def relu(x):
    return np.abs(x)
""",
}
