"""dense_params as a weight count plus a bias count, bias as an int."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "dense_params": """\
def dense_params(n_inputs, n_units, bias=True):
    weights = n_inputs * n_units
    biases = n_units * int(bias)
    return weights + biases
""",
}
