"""The student's folder has no notebook at all: 0 points, reported as missing."""

EXPECT = {"status": "ok", "points": "zero", "why": "missing from the submission",
          "review": False}


def make(nb, ctx):
    return {"README.txt": b"I could not finish, sorry"}
