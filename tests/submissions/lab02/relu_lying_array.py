"""relu returns zeros as an ndarray subclass that claims to equal anything (compared as data)."""

KIND = "wrong"
LOSES = ["test_relu"]
SOLUTIONS = {
    "relu": """\
class Agreeable(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(self), dtype=bool)

    def __array_ufunc__(self, *args, **kwargs):
        return np.ones(1, dtype=bool)


def relu(x):
    return np.zeros(np.shape(x)).view(Agreeable)
""",
}
