"""End to end on a tiny real nbgrader course: release -> collect -> grade -> feedback -> export.

The scores the parallel, sandboxed grader writes must equal those of a plain sequential
``nbgrader autograde`` of the same submissions.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
import zipfile

import graderkit as gk
import nbformat
import pytest

from autograder import collect, export, feedback, integrity, report, validate
from autograder.course import REPO_ROOT, Course, tool_env
from autograder.grade import Limits
from autograder.journal import Journal

LIMITS = ["--cell-timeout", "10", "--notebook-timeout", "120", "--memory-mb", "2048"]
#: wrong on arrays only: the visible test passes, the hidden one fails with its message.
SCALAR_ONLY = "def add(a, b):\n    return a + b if np.isscalar(a) else np.zeros_like(a)"


def cli(course: Course, *args: str) -> subprocess.CompletedProcess:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "autograder", "--course", str(course.root),
                           *args], cwd=REPO_ROOT, env=tool_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    print(f"autograder {args[0]}: {time.monotonic() - started:.1f} s")
    return proc


def scores(course: Course) -> dict[tuple[str, str], float]:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {(s.id, g.name): g.score for s in gb.students
                for sub in gb.student_submissions(s.id) if sub is not None
                for nb in sub.notebooks for g in nb.grades}


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Course, Course]:
    root = tmp_path_factory.mktemp("e2e") / "course"
    course = gk.make_course(root)
    release = gk.released(course)
    folders = root.parent / "folders"
    gk.submit(folders / "alice", gk.fill(release, gk.SOLUTIONS))
    gk.submit(folders / "bob" / "lab01", gk.fill(release, gk.WRONG))
    gk.submit(folders / "carol", gk.fill(release, {**gk.SOLUTIONS, "add": SCALAR_ONLY}))
    flat = root.parent / "flat"
    gk.submit(flat, gk.fill(release, {**gk.SOLUTIONS, "mul": gk.WRONG["mul"]}), "dave_lab01.ipynb")
    gk.submit(flat, release, "lab01_tiny_erin.ipynb")
    gk.submit(flat, release, "Untitled.ipynb")
    archive = root.parent / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in flat.iterdir():
            zf.write(path, path.name)
    assert len(collect.collect(course, folders).filed) == 3
    out = cli(course, "collect", str(archive)).stdout
    assert "Untitled.ipynb" in out and "filed 2 notebooks for 2 students" in out
    plain = Course(root.parent / "plain")
    shutil.copytree(root, plain.root)
    plain.nbgrader("autograde", "lab01")
    cli(course, "grade", "--workers", "2", *LIMITS)
    feedback.generate(course, ["lab01"])
    export.export(course, ["lab01"])
    report.report(course, ["lab01"])
    return course, plain


@pytest.fixture(scope="module")
def graded(both) -> Course:
    return both[0]


def test_scores_equal_plain_sequential_nbgrader(both):
    ours, plain = scores(both[0]), scores(both[1])
    assert len(ours) == 5 * 2  # 5 students x 2 test cells
    assert ours == plain
    assert ours[("alice", "test_mul")] == 2 and ours[("bob", "test_mul")] == 0
    assert ours[("carol", "test_add")] == 0 and ours[("carol", "test_mul")] == 2


def test_export_has_a_row_per_student_and_a_column_per_test(graded):
    with open(graded.grading_dir / "grades.csv") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"(max)", "alice", "bob", "carol", "dave", "erin"}
    assert rows["(max)"]["total"] == "3.0"
    assert rows["alice"]["lab01/test_add"] == "1" and rows["alice"]["total"] == "3"
    assert rows["dave"]["lab01"] == "1" and rows["erin"]["total"] == "0"
    assert {"lab01", "lab01/test_add", "lab01/test_mul", "total", "review"} <= set(rows["alice"])


def test_feedback_hides_hidden_tests_but_shows_their_message(graded):
    page = (graded.dir("feedback") / "carol" / "lab01" / "lab01_tiny.html").read_text()
    assert "must work elementwise on arrays (hidden check)" in page
    assert "white-space: pre-wrap" in page  # a long failure message wraps in its box
    assert "HIDDEN TESTS" not in page and "np.arange(3), 2)" not in page
    assert "cnnlab-integrity" not in page and "__cnnlab_integrity" not in page
    assert (graded.dir("feedback") / "alice" / "lab01" / "lab01_tiny.html").exists()


def test_report_and_autograded_notebooks(graded):
    folder = graded.grading_dir / "report"
    assert {"scores_lab01.png", "pass_rate.png", "hardest.png", "report.md"} <= \
        {p.name for p in folder.iterdir()}
    nb = nbformat.read(graded.dir("autograded") / "alice" / "lab01" / "lab01_tiny.ipynb", 4)
    assert not any(integrity.TAG in c.metadata.get("tags", []) for c in nb.cells)
    # The figure is an inline image, not the text "<Figure size ...>" (a forced Agg backend).
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    entries = Journal(graded.grading_dir / "journal").entries()
    assert len(entries) == 5 and all(e["status"] == "ok" and not e["review"] for e in entries)


def test_grade_again_redoes_only_changed_work(graded, tmp_path):
    out = cli(graded, "grade", *LIMITS).stderr
    assert "all 5 student-labs are graded and up to date" in out
    before = scores(graded)
    nb = gk.fill(gk.released(graded), gk.SOLUTIONS)
    gk.submit(graded.dir("submitted") / "bob" / "lab01", nb)
    out = cli(graded, "grade", "--workers", "1", *LIMITS).stderr
    assert "graded 1 student-labs" in out
    after = scores(graded)
    assert after[("bob", "test_mul")] == 2
    assert {k: v for k, v in after.items() if k[0] != "bob"} == \
        {k: v for k, v in before.items() if k[0] != "bob"}


def test_validate_release_fails_every_test_and_source_passes(graded):
    assert validate.validate(graded, ["lab01"], Limits(cell_timeout=10, memory_mb=2048)) == []


def test_collect_reports_what_it_cannot_match(tmp_path):
    course = Course(tmp_path)
    (tmp_path / "source" / "lab01").mkdir(parents=True)
    (tmp_path / "source" / "lab01" / "lab01_tiny.ipynb").write_text("{}")
    (tmp_path / "source" / "lab02").mkdir()
    for name in ("lab02_a.ipynb", "lab02_b.ipynb"):
        (tmp_path / "source" / "lab02" / name).write_text("{}")
    export = tmp_path / "export"
    files = ["x/ann/lab01.ipynb", "ann_lab01_tiny.ipynb", "bo b_lab01.ipynb", "lab02_cy.ipynb",
             "dee_lab02_b.ipynb", "dee/notes.txt", "eve/Untitled.ipynb", "lab01.ipynb",
             "fay/lab01_tiny.ipynb", "fay/lab01/lab01_tiny.ipynb"]
    for name in files:
        (export / name).parent.mkdir(parents=True, exist_ok=True)
        (export / name).write_text("{}")
    report = collect.collect(course, export)
    filed = {(s, lab, nb) for s, lab, nb, _ in report.filed}
    assert filed == {("ann", "lab01", "lab01_tiny"), ("x", "lab01", "lab01_tiny"),
                     ("dee", "lab02", "lab02_b")}
    why = dict(report.unmatched)
    assert "characters" in why["bo b_lab01.ipynb"]
    assert "which of its notebooks" in why["lab02_cy.ipynb"]
    assert "no lab id" in why["eve/Untitled.ipynb"]
    assert "no student" in why["lab01.ipynb"]
    assert "not a notebook" in why["dee/notes.txt"]
    assert any("several files" in w for w in why.values())
    assert (tmp_path / "submitted" / "dee" / "lab02" / "lab02_b.ipynb").exists()


def test_collect_refuses_unsafe_zip(tmp_path):
    course = Course(tmp_path)
    (tmp_path / "source" / "lab01").mkdir(parents=True)
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escape_lab01.ipynb", "{}")
    with pytest.raises(ValueError, match="unsafe path"):
        collect.collect(course, archive)


@pytest.mark.parametrize("code, flagged", [
    ("np.allclose = lambda *a: True", True),
    ("np.testing.assert_allclose = None", True),
    ("import numpy.testing as npt\nnpt.assert_allclose = None", True),
    ("setattr(np, 'allclose', f)", True),
    ("sys.modules['numpy'] = fake", True),
    ("__builtins__['len'] = f", True),
    ("import fake_numpy as np", True),
    ("checks = None", True),
    ("import numpy as np\nx = np.zeros(3)\nx[0] = 1\nnp.random.seed(0)", False),
    ("def f(x):\n    y = x.copy()\n    y.shape = (3,)\n    return y", False),
])
def test_static_scan(code, flagged):
    patching, _ = integrity.scan_source(code)
    assert bool(patching) == flagged, patching


def test_static_scan_marks_tools_as_suspicious_only():
    patching, suspicious = integrity.scan_source("import ctypes\nexec('x = 1')")
    assert not patching and len(suspicious) == 2
