"""A tiny nbgrader course for the grader's tests (two graded functions, numpy only)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import nbformat

from autograder.course import Course

CONFIG = '''
import os
c = get_config()  # noqa: F821
HERE = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "tiny"
c.CourseDirectory.root = HERE
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db")
c.Execute.timeout = 10
'''

SOLUTIONS = {
    "add": "def add(a, b):\n    return np.add(a, b)",
    "mul": "def mul(a, b):\n    return np.multiply(a, b)",
}
WRONG = {
    "add": "def add(a, b):\n    return a - b",
    "mul": "def mul(a, b):\n    return a + b",
}
POINTS = {"test_add": 1, "test_mul": 2}


def _meta(grade_id, *, solution=False, grade=False, points=0, locked=False):
    meta = {"grade_id": grade_id, "solution": solution, "grade": grade, "locked": locked,
            "schema_version": 3}
    if grade:
        meta["points"] = points
    out = {"nbgrader": meta}
    if locked:
        out.update(editable=False, deletable=False)
    return out


def source_notebook():
    v4 = nbformat.v4
    cells = [
        v4.new_markdown_cell("# A tiny lab", metadata=_meta("title", locked=True)),
        v4.new_code_cell("import numpy as np", metadata=_meta("imports", locked=True)),
    ]
    for name, body in SOLUTIONS.items():
        head, ret = body.split("\n")
        code = f"{head}\n    ### BEGIN SOLUTION\n{ret}\n    ### END SOLUTION"
        cells.append(v4.new_code_cell(code, metadata=_meta(name, solution=True)))
        test = f"test_{name}"
        op = "np.add" if name == "add" else "np.multiply"
        cells.append(v4.new_code_cell(textwrap.dedent(f"""\
            np.testing.assert_allclose({name}(2, 3), {op}(2, 3))
            ### BEGIN HIDDEN TESTS
            assert np.allclose({name}(np.arange(3), 2), {op}(np.arange(3), 2)), \\
                "{name} must work elementwise on arrays (hidden check)"
            ### END HIDDEN TESTS"""), metadata=_meta(test, grade=True, points=POINTS[test],
                                                    locked=True)))
    # A figure: autograded notebooks, formgrader and feedback must show it as an image.
    cells.append(v4.new_code_cell(
        "import matplotlib.pyplot as plt\nplt.plot([0, 1], [1, 0])\nplt.show()\nprint('the end')"))
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


def make_course(root: Path, lab: str = "lab01", notebook: str = "lab01_tiny") -> Course:
    """Write the tiny course under ``root`` and release it (gradebook included)."""
    (root / "source" / lab).mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(CONFIG)
    nbformat.write(source_notebook(), root / "source" / lab / f"{notebook}.ipynb")
    course = Course.at(root)
    course.nbgrader("generate_assignment", lab, "--force")
    return course


def released(course: Course, lab: str = "lab01"):
    path = next((course.dir("release") / lab).glob("*.ipynb"))
    return nbformat.read(path, as_version=4)


def fill(nb, solutions: dict[str, str]):
    """A copy of ``nb`` with the named solution cells replaced."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in solutions:
            cell.source = solutions[grade_id]
    return nb


def submit(folder: Path, nb, name: str = "lab01_tiny.ipynb") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path
