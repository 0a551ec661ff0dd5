"""param_counts_1d adds biases although the slide's example has none."""

KIND = "wrong"
LOSES = [
    "test_param_counts_1d_fully_connected",
    "test_param_counts_1d_local",
    "test_param_counts_1d_shared",
]
SOLUTIONS = {
    "param_counts_1d": """\
def param_counts_1d(n_inputs, field):
    hidden = n_inputs - field + 1
    return {"fully_connected": (n_inputs + 1) * hidden, "local": (field + 1) * hidden,
            "shared": field + 1}
""",
}
