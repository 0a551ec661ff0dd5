"""dense_params counts one bias for the whole layer instead of one per unit."""

KIND = "wrong"
LOSES = ["test_dense_params"]
SOLUTIONS = {
    "dense_params": """\
def dense_params(n_inputs, n_units, bias=True):
    return n_inputs * n_units + (1 if bias else 0)
""",
}
