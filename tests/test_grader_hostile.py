"""The hostile catalogue (tests/submissions/hostile/): every entry is graded deterministically,
does not stop the batch, leaves the gradebook and the other students' results intact, and shows
up in the report with a clear reason."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import tempfile
import types
from pathlib import Path

import graderkit as gk
import nbformat
import pytest

from autograder import report, sandbox
from autograder.grade import Limits, grade
from autograder.journal import Journal

HOSTILE = Path(__file__).parent / "submissions" / "hostile"
LIMITS = Limits(cell_timeout=10, notebook_timeout=90, memory_mb=1536, output_mb=5)
MAX = sum(gk.POINTS.values())
# Stands for a token, password or key in the instructor's environment while grading runs.
SECRET = ("GRADER_TEST_SECRET", "d0-not-leak-7f3a9c")


def load_entries() -> dict[str, types.ModuleType]:
    entries = {}
    for path in sorted(HOSTILE.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"hostile_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        entries[path.stem] = module
    return entries


ENTRIES = load_entries()


def first_test(nb) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade")
                and not c.metadata["nbgrader"].get("solution"))


def prepend(nb, code: str):
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    cell.source = code + cell.source
    return nb


def build(entry, solved, ctx) -> dict[str, bytes]:
    nb = nbformat.from_dict(nbformat.reads(nbformat.writes(solved), 4))
    if getattr(entry, "CODE", None):
        nb = prepend(nb, entry.CODE)
    made = entry.make(nb, ctx) if hasattr(entry, "make") else nb
    if isinstance(made, dict) and "cells" not in made:
        return made
    if isinstance(made, bytes):
        return {"lab01_tiny.ipynb": made}
    # Raw JSON, not nbformat.writes: that would quietly repair duplicated cell ids.
    return {"lab01_tiny.ipynb": json.dumps(made, indent=1).encode()}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def totals(course) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {s.id: gb.find_submission("lab01", s.id).score for s in gb.students}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "course"
    course = gk.make_course(root)
    solved = gk.fill(gk.released(course), gk.SOLUTIONS)
    other = course.dir("submitted") / "other" / "lab01"
    gk.submit(other, solved)
    grade(course, ["lab01"], workers=2, limits=LIMITS, progress=False)
    before = {"submitted": sha(other / "lab01_tiny.ipynb"),
              "autograded": sha(course.dir("autograded") / "other" / "lab01" /
                                "lab01_tiny.ipynb")}
    ctx = types.SimpleNamespace(
        first_test=first_test, prepend=prepend, gradebook=course.db_url[len("sqlite:///"):],
        other_submitted=str(other / "lab01_tiny.ipynb"),
        other_autograded=str(course.dir("autograded") / "other" / "lab01" / "lab01_tiny.ipynb"),
        shared_tmp=tempfile.gettempdir())
    for name, entry in ENTRIES.items():
        folder = course.dir("submitted") / name / "lab01"
        folder.mkdir(parents=True)
        for filename, data in build(entry, solved, ctx).items():
            (folder / filename).write_bytes(data)
    os.environ[SECRET[0]] = SECRET[1]
    try:
        grade(course, ["lab01"], workers=2, limits=LIMITS, progress=False)
    finally:
        del os.environ[SECRET[0]]
    return course, before


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_hostile_entry_is_graded_with_a_reason(hostile, name):
    course, _ = hostile
    expect = ENTRIES[name].EXPECT
    if expect.get("isolation") and not sandbox.namespaces_available():
        pytest.skip("no user namespaces here: the grader cannot stop writes outside the copy")
    entry = Journal(course.grading_dir / "journal").get("lab01", name)
    assert entry is not None, "not graded"
    text = " ".join([entry.get("reason") or "", *entry["notes"], *entry["flags"]])
    assert entry["status"] == expect["status"], text
    assert expect["why"] in text, text
    assert entry["review"] == expect["review"], entry["flags"]
    total = totals(course)[name]
    kind = "zero" if total == 0 else "full" if total == MAX else "partial"
    assert kind == expect["points"], (total, text)
    if expect["why"]:
        lines = report.problems(course, ["lab01"])
        assert any(line.startswith(f"- {name} / lab01") for line in lines)


def test_others_results_and_the_gradebook_stay_intact(hostile):
    course, before = hostile
    assert totals(course)["other"] == MAX
    other = course.dir("submitted") / "other" / "lab01" / "lab01_tiny.ipynb"
    assert sha(other) == before["submitted"]
    autograded = course.dir("autograded") / "other" / "lab01" / "lab01_tiny.ipynb"
    if sandbox.namespaces_available():
        assert sha(autograded) == before["autograded"]
    with sqlite3.connect(course.db_url[len("sqlite:///"):]) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert len(totals(course)) == len(ENTRIES) + 1


def test_hostile_grades_are_deterministic(hostile):
    course, _ = hostile
    again = ["infinite_loop", "memory_hog", "patch_allclose_hidden"]
    first = {n: Journal(course.grading_dir / "journal").get("lab01", n)["scores"] for n in again}
    totals_before = totals(course)
    grade(course, ["lab01"], workers=2, limits=LIMITS, progress=False, force=True,
          students=again)
    journal = Journal(course.grading_dir / "journal")
    assert {n: journal.get("lab01", n)["scores"] for n in again} == first
    assert totals(course) == totals_before


def test_the_graders_environment_does_not_reach_a_submission(hostile):
    course, _ = hostile
    graded = course.dir("autograded") / "prints_environment" / "lab01" / "lab01_tiny.ipynb"
    text = graded.read_text()
    assert "environment:" in text and "'PATH'" in text  # it did print its environment
    assert SECRET[0] not in text and SECRET[1] not in text


def test_a_job_sees_no_other_job_in_the_temporary_folder(hostile):
    if not sandbox.namespaces_available():
        pytest.skip("no user namespaces here: jobs share the temporary folder")
    course, _ = hostile
    graded = course.dir("autograded") / "lists_other_jobs" / "lab01" / "lab01_tiny.ipynb"
    printed = next(line for cell in nbformat.read(graded, as_version=4).cells
                   for output in cell.get("outputs", []) if output.get("name") == "stdout"
                   for line in output["text"].splitlines() if line.startswith("shared tmp:"))
    listing = json.loads(printed[len("shared tmp:"):])
    assert len(listing) == 1 and listing[0].startswith("cnnlab-grade-"), listing
