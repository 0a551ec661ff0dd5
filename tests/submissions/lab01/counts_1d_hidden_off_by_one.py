"""param_counts_1d uses n_inputs - field hidden neurons (off by one)."""

KIND = "wrong"
LOSES = ["test_param_counts_1d_fully_connected", "test_param_counts_1d_local"]
SOLUTIONS = {
    "param_counts_1d": """\
def param_counts_1d(n_inputs, field):
    hidden = n_inputs - field
    return {"fully_connected": n_inputs * hidden, "local": field * hidden, "shared": field}
""",
}
