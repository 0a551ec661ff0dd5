"""A grading run killed part-way loses nothing: the re-run redoes only the missing work, and the
gradebook ends with exactly one submission per student. Also: the same jobs on a Dask
LocalCluster (loopback) give the same grades."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import graderkit as gk
import pytest

from autograder.course import REPO_ROOT, tool_env
from autograder.grade import Limits, grade
from autograder.journal import Journal

ARGS = ["--cell-timeout", "10", "--notebook-timeout", "120", "--memory-mb", "2048",
        "--no-progress"]


def make_class(root, n: int):
    course = gk.make_course(root)
    release = gk.released(course)
    expected = {}
    for i in range(n):
        right = i % 2 == 0
        gk.submit(course.dir("submitted") / f"s{i}" / "lab01",
                  gk.fill(release, gk.SOLUTIONS if right else gk.WRONG))
        expected[f"s{i}"] = 3.0 if right else 0.0
    return course, expected


def totals(course) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {s.id: gb.find_submission("lab01", s.id).score for s in gb.students}


def test_killed_run_resumes_without_losing_or_duplicating(tmp_path):
    course, expected = make_class(tmp_path / "course", 5)
    journal = Journal(course.grading_dir / "journal")
    cmd = [sys.executable, "-m", "autograder", "--course", str(course.root), "grade",
           "--workers", "1", *ARGS]
    proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=tool_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while len(journal.entries()) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the grader and the sandbox it is running
    proc.wait()
    done = {e["student"] for e in journal.entries()}
    assert 2 <= len(done) < 5, "the run was not killed part-way"

    again = subprocess.run([*cmd[:-len(ARGS)], *ARGS], cwd=REPO_ROOT, env=tool_env(),
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"graded {5 - len(done)} student-labs" in again.stderr
    assert {e["student"] for e in journal.entries()} == set(expected)
    assert totals(course) == expected
    assert not [p for p in Path(tempfile.gettempdir()).glob("cnnlab-grade-*")
                if (p / "owner").exists() and (p / "owner").read_text() == str(proc.pid)]
    with sqlite3.connect(course.db_url[len("sqlite:///"):]) as db:
        rows = db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()[0]
        assert rows == 5
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_dask_local_cluster_gives_the_same_grades(tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    course, expected = make_class(tmp_path / "course", 3)
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))  # the Dask workers import autograder
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        entries = grade(course, ["lab01"], scheduler=cluster.scheduler_address,
                        limits=Limits(cell_timeout=10, notebook_timeout=120, memory_mb=2048),
                        progress=False)
    assert len(entries) == 3 and all(e["status"] == "ok" for e in entries)
    assert totals(course) == expected
