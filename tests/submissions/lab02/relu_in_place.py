"""relu writes into its input x (np.maximum(x, 0, out=x))."""

KIND = "wrong"
LOSES = ["test_relu"]
SOLUTIONS = {
    "relu": """\
def relu(x):
    return np.maximum(x, 0, out=x)
""",
}
