"""param_counts_1d without the "shared" key (the other two right): loses the shared test only."""

KIND = "wrong"
LOSES = ["test_param_counts_1d_shared"]
SOLUTIONS = {
    "param_counts_1d": """\
def param_counts_1d(n_inputs, field):
    hidden = n_inputs - field + 1
    return {"fully_connected": n_inputs * hidden, "local": field * hidden}
""",
}
