"""The first graded test cell deleted: nbgrader scores the missing test 0."""

EXPECT = {"status": "ok", "points": "partial", "why": "missing from the submission",
          "review": False}


def make(nb, ctx):
    del nb.cells[ctx.first_test(nb)]
    return nb
