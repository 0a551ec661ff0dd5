"""The grader on the real lab01 (a copy of the course in a temporary folder): the solved source
scores full marks, the release scores 0 and runs to the end, a wrong catalogue entry loses
points, and nothing honest is flagged by the integrity checks."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import graderkit as gk
import nbformat
import pytest

from autograder.course import PACKAGE_DIR, Course
from autograder.grade import Limits, grade

LAB, NOTEBOOK = "lab01", "lab01_vectorization"
SOURCE = PACKAGE_DIR / "source" / LAB / f"{NOTEBOOK}.ipynb"
WRONG = Path(__file__).parent / "submissions" / LAB


@pytest.mark.skipif(not SOURCE.exists(), reason="lab01 has no source yet")
def test_real_lab01_is_graded_in_the_sandbox(tmp_path):
    root = tmp_path / "autograder"
    root.mkdir()
    shutil.copy(PACKAGE_DIR / "nbgrader_config.py", root)
    shutil.copytree(PACKAGE_DIR / "source" / LAB, root / "source" / LAB)
    course = Course.at(root)
    course.nbgrader("generate_assignment", LAB, "--force")
    release = nbformat.read(course.dir("release") / LAB / f"{NOTEBOOK}.ipynb", 4)
    gk.submit(course.dir("submitted") / "solved" / LAB, nbformat.read(SOURCE, 4),
              f"{NOTEBOOK}.ipynb")
    gk.submit(course.dir("submitted") / "blank" / LAB, release, f"{NOTEBOOK}.ipynb")
    wrong = sorted(p for p in WRONG.glob("*.py") if "KIND = \"wrong\"" in p.read_text())[:1]
    loses = []
    if wrong:
        spec = importlib.util.spec_from_file_location("entry", wrong[0])
        entry = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(entry)
        solved = nbformat.read(SOURCE, 4)
        gk.submit(course.dir("submitted") / "wrong" / LAB, gk.fill(solved, entry.SOLUTIONS),
                  f"{NOTEBOOK}.ipynb")
        loses = entry.LOSES
    entries = grade(course, [LAB], workers=2, progress=False,
                    limits=Limits(cell_timeout=60, notebook_timeout=300))
    by_student = {e["student"]: e for e in entries}
    for name, entry in by_student.items():
        assert entry["status"] == "ok", (name, entry["reason"])
        assert not entry["review"], (name, entry["flags"])
    solved_scores = by_student["solved"]["scores"]
    tests = {k: v for k, v in solved_scores.items() if v[0] is not None}
    assert tests and all(score == points for score, points in tests.values())
    blank = by_student["blank"]
    assert all(score == 0 for score, _ in
               (v for k, v in blank["scores"].items() if k in tests))
    assert not [k for k in blank["errors"] if k not in blank["scores"]], blank["errors"]
    if wrong:
        lost = {k.split("/")[1] for k, (score, points) in by_student["wrong"]["scores"].items()
                if score is not None and score < points}
        assert lost == set(loses)
