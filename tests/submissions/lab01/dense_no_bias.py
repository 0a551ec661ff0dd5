"""dense_params forgets the biases (one per unit)."""

KIND = "wrong"
LOSES = ["test_dense_params"]
SOLUTIONS = {
    "dense_params": """\
def dense_params(n_inputs, n_units, bias=True):
    return n_inputs * n_units
""",
}
