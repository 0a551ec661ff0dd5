"""A notebook saved with another kernel: nbgrader runs python3; full marks, noted."""

EXPECT = {"status": "ok", "points": "full", "why": "kernel 'ir' replaced", "review": False}


def make(nb, ctx):
    nb.metadata["kernelspec"] = {"name": "ir", "display_name": "R", "language": "R"}
    return nb
