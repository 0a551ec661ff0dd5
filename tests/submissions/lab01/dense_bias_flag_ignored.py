"""dense_params always adds the biases, even with bias=False."""

KIND = "wrong"
LOSES = ["test_dense_params_no_bias"]
SOLUTIONS = {
    "dense_params": """\
def dense_params(n_inputs, n_units, bias=True):
    return (n_inputs + 1) * n_units
""",
}
