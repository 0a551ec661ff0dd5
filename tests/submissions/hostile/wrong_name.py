"""The solved notebook under another name: not graded (0), the report names the expected file."""

import nbformat

EXPECT = {"status": "ok", "points": "zero", "why": "not a notebook of", "review": False}


def make(nb, ctx):
    return {"my_lab (1).ipynb": nbformat.writes(nb).encode()}
