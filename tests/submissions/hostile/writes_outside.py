"""Writes to the gradebook, another student's files and up the tree: all land nowhere."""

EXPECT = {"status": "ok", "points": "full", "why": "outside the submission", "review": True,
          "isolation": True}


def make(nb, ctx):
    targets = [ctx.gradebook, ctx.other_submitted, ctx.other_autograded]
    code = (
        "import glob, os\n"
        f"for _t in {targets!r} + glob.glob('../../../**/*.ipynb', recursive=True)[:20]:\n"
        "    try:\n"
        "        with open(_t, 'w') as _f:\n"
        "            _f.write('overwritten by a hostile submission')\n"
        "    except OSError:\n"
        "        pass\n"
    )
    return ctx.prepend(nb, code)
