"""param_counts_1d by listing every connection of every hidden neuron."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "param_counts_1d": """\
def param_counts_1d(n_inputs, field):
    windows = [range(start, start + field) for start in range(n_inputs - field + 1)]
    fully = sum(n_inputs for _ in windows)
    local = sum(len(window) for window in windows)
    shared = len(set(offset for window in windows for offset in range(len(window))))
    return dict(shared=shared, local=local, fully_connected=fully)
""",
}
