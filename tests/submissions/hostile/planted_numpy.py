"""A numpy.py beside the notebook (the kernel's folder is first on sys.path): it is not graded."""

EXPECT = {"status": "ok", "points": "full", "why": "this file was ignored", "review": False}


def make(nb, ctx):
    import nbformat

    planted = b"raise ImportError('the planted numpy.py ran inside the grader')\n"
    return {"lab01_tiny.ipynb": nbformat.writes(nb).encode(), "numpy.py": planted,
            "sitecustomize.py": planted}
