"""The first test cell duplicated: nbgrader drops the copy; full marks, no double points."""

import copy

EXPECT = {"status": "ok", "points": "full", "why": "duplicated cell", "review": False}


def make(nb, ctx):
    index = ctx.first_test(nb)
    nb.cells.insert(index, copy.deepcopy(nb.cells[index]))
    return nb
