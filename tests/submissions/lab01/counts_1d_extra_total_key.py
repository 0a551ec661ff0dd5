"""param_counts_1d right, plus a "total" key the task does not ask for: loses one test only."""

KIND = "wrong"
LOSES = ["test_param_counts_1d_fully_connected"]
SOLUTIONS = {
    "param_counts_1d": """\
def param_counts_1d(n_inputs, field):
    hidden = n_inputs - field + 1
    counts = {"fully_connected": n_inputs * hidden, "local": field * hidden, "shared": field}
    counts["total"] = sum(counts.values())
    return counts
""",
}
