"""Unmounts what hides the course and protects the code, then writes the gradebook and another
student's files: the kernel has no capability left, so nothing is unmounted and nothing lands."""

EXPECT = {"status": "ok", "points": "full", "why": "outside the submission", "review": True,
          "isolation": True}


def make(nb, ctx):
    targets = [ctx.gradebook, ctx.other_submitted, ctx.other_autograded]
    code = (
        "import subprocess\n"
        "_points = [line.split()[1] for line in open('/proc/self/mounts')]\n"
        "for _point in reversed(_points):\n"
        "    if _point != '/':\n"
        "        subprocess.run(['umount', '-l', _point], capture_output=True)\n"
        f"for _t in {targets!r}:\n"
        "    try:\n"
        "        with open(_t, 'w') as _f:\n"
        "            _f.write('overwritten after umount')\n"
        "    except OSError:\n"
        "        pass\n"
    )
    return ctx.prepend(nb, code)
