"""param_counts_1d gives the hidden layer one neuron per input."""

KIND = "wrong"
LOSES = ["test_param_counts_1d_fully_connected", "test_param_counts_1d_local"]
SOLUTIONS = {
    "param_counts_1d": """\
def param_counts_1d(n_inputs, field):
    return {"fully_connected": n_inputs * n_inputs, "local": field * n_inputs, "shared": field}
""",
}
