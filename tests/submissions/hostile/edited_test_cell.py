"""The first test cell edited to `pass` and its function unsolved: nbgrader restores the test."""

EXPECT = {"status": "ok", "points": "partial", "why": "was edited", "review": False}
CODE = "raise NotImplementedError('not solved')\n"


def make(nb, ctx):
    nb.cells[ctx.first_test(nb)].source = "pass"
    return nb
