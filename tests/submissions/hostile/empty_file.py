"""An empty .ipynb file: graded as missing (0) with the reason."""

EXPECT = {"status": "ok", "points": "zero", "why": "empty file", "review": False}


def make(nb, ctx):
    return b""
