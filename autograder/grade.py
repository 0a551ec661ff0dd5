"""Autograde every student's labs in parallel; only this process writes the gradebook.

Each student-lab is one job (``sandbox.run_job``) in a local thread pool of ``workers`` sandboxed
processes, or on a Dask distributed cluster (``scheduler``). As each job finishes, the parent
copies its autograded notebooks into ``autograded/`` and saves the grades with nbgrader's own
``SaveAutoGrades`` and ``AssignLatePenalties`` preprocessors, one job at a time, in one process:
the SQLite gradebook never sees two writers, and formgrader and manual grading work as after a
plain ``nbgrader autograde``. Then the job is journaled (``journal.py``), which makes a killed run
resumable.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import nbformat

from autograder import sandbox
from autograder.course import REPO_ROOT, Course
from autograder.journal import Journal, digest

MAX_FILE_MB = 50


@dataclass(frozen=True)
class Limits:
    """Per-job limits: seconds per cell, seconds per notebook, MB per process, MB of output."""

    cell_timeout: float = 120
    notebook_timeout: float = 600
    memory_mb: int = 4096
    output_mb: float = 10


def template_gradebook(course: Course) -> bytes:
    """The gradebook with every assignment and cell but no student (what a worker needs)."""
    from nbgrader.api import Gradebook

    url = course.db_url
    if not url.startswith("sqlite:///"):
        raise SystemExit(f"grade needs an SQLite gradebook; this course uses {url}")
    source = Path(url[len("sqlite:///"):])
    if not source.exists():
        raise SystemExit(f"no gradebook at {source}: run `python -m autograder release` first")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "gradebook.db"
        with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        with Gradebook(f"sqlite:///{copy}") as gb:
            for student in list(gb.students):
                gb.remove_student(student.id)
        return copy.read_bytes()


def _files(folder: Path, prefix: str, notes: list[str], *, notebooks_only: bool = False
           ) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file() or path.is_symlink() or ".ipynb_checkpoints" in path.parts:
            continue
        if notebooks_only and path.suffix != ".ipynb":
            # A file beside the notebook would sit in the kernel's working folder, first on
            # sys.path: a numpy.py or sitecustomize.py there would run as the grader's code.
            notes.append(f"{path.relative_to(folder)}: only the lab's notebooks are graded; "
                         "this file was ignored")
            continue
        if path.stat().st_size > MAX_FILE_MB * 2**20:
            notes.append(f"{path.name}: larger than {MAX_FILE_MB} MB; not graded")
            continue
        files[f"{prefix}/{path.relative_to(folder)}"] = path.read_bytes()
    return files


def build_job(course: Course, lab: str, student: str, limits: Limits, gradebook: bytes) -> dict:
    """The self-contained job for one student-lab (file contents, limits, isolation)."""
    notes: list[str] = []
    submitted = course.dir("submitted") / student / lab
    files = {"gradebook.db": gradebook,
             **_files(course.dir("source") / lab, f"source/{lab}", notes),
             **_files(submitted, f"submitted/{student}/{lab}", notes, notebooks_only=True)}
    if course.config_file.exists():
        files["nbgrader_config.py"] = course.config_file.read_bytes()
    readonly = [str(p) for p in (REPO_ROOT / "cnnlab", REPO_ROOT / "autograder", Path(sys.prefix))
                if p.is_dir() and str(p) != "/"]
    env = {k: v for k, v in os.environ.items() if k.startswith("CNNLAB_")}
    return {"lab": lab, "student": student, "notebooks": course.notebooks(lab), "files": files,
            "submitted": any(submitted.glob("*.ipynb")), "pre_notes": notes,
            "hide": [str(course.root)], "readonly": readonly, "env": env, **asdict(limits)}


def merge(course: Course, result: dict) -> dict:
    """Write one job's autograded notebooks and grades into the course; return its journal entry.

    Grades are saved by nbgrader's preprocessors, as ``nbgrader autograde`` saves them; tests
    that ran on tampered objects get 0 and are marked as needing a manual grade.
    """
    from nbgrader.api import Gradebook
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import AssignLatePenalties, SaveAutoGrades

    lab, student = result["lab"], result["student"]
    cfg = course.config()
    warnings.filterwarnings("ignore", message=".*not in session.*")  # nbgrader's own, harmless
    target = course.dir("autograded") / student / lab
    staging = target.parent / f".{lab}.incoming"
    shutil.rmtree(staging, ignore_errors=True)
    for rel, data in result.get("files", {}).items():
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    staging.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)

    coursedir = CourseDirectory(config=cfg)
    timestamp = coursedir.get_existing_timestamp(str(course.dir("submitted") / student / lab))
    tampered = _tampered_tests(result)
    with Gradebook(course.db_url, course.course_id) as gb:
        gb.update_or_create_student(student)
        if timestamp:
            gb.update_or_create_submission(lab, student, timestamp=timestamp)
        else:
            gb.update_or_create_submission(lab, student)
        names = [nb.name for nb in gb.find_assignment(lab).notebooks]
    for name in names:
        path = target / f"{name}.ipynb"
        graded = None
        if path.exists():
            try:
                graded = nbformat.read(path, as_version=4)
            except Exception as error:  # a job's corrupt output costs its points, not the run
                result.setdefault("notes", []).append(
                    f"{name}.ipynb: the graded notebook could not be read "
                    f"({type(error).__name__}); scored 0")
        if graded is not None:
            resources = {"nbgrader": {"notebook": name, "assignment": lab, "student": student,
                                      "db_url": course.db_url}}
            SaveAutoGrades(config=cfg).preprocess(graded, resources)
            AssignLatePenalties(config=cfg).preprocess(graded, resources)
        with Gradebook(course.db_url, course.course_id) as gb:
            submission = gb.find_submission_notebook(name, lab, student)
            for grade in submission.grades:
                if graded is None:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
                elif grade.name in tampered.get(name, {}):
                    grade.auto_score = 0
                    grade.needs_manual_grade = True
            gb.db.commit()
    return _entry(course, result, tampered)


def _tampered_tests(result: dict) -> dict[str, dict[str, list[str]]]:
    """{notebook: {test grade id: [why]}} from the static scan and the runtime checks."""
    found: dict[str, dict[str, list[str]]] = {}
    for name, static in result.get("static", {}).items():
        for test in static.get("zeroed", []):
            found.setdefault(name, {}).setdefault(test, []).extend(static["patching"])
    for name, reports in result.get("runtime", {}).items():
        for test, why in reports.items():
            if why:
                found.setdefault(name, {}).setdefault(test, []).extend(why)
    return found


def _entry(course: Course, result: dict, tampered: dict) -> dict:
    flags = []
    for name, static in result.get("static", {}).items():
        flags += [f"{name}: patches {text}" for text in static.get("patching", [])]
        flags += [f"{name}: suspicious {text}" for text in static.get("suspicious", [])]
    for name, tests in tampered.items():
        for test, why in tests.items():
            flags.append(f"{name}/{test}: no credit, tests ran on tampered objects: "
                         + "; ".join(dict.fromkeys(why)))
    return {
        "student": result["student"], "lab": result["lab"], "status": result["status"],
        "reason": result.get("reason"), "notes": result.get("notes", []),
        "flags": flags, "review": bool(flags), "scores": result.get("scores", {}),
        "errors": result.get("errors", {}),
        "seconds": result.get("seconds"), "peak_mb": result.get("peak_mb"),
        "graded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _executor(workers: int, scheduler: str | None) -> tuple[Callable, Callable, int, Callable]:
    """(submit, wait_any, slots, close) for a local pool or a Dask cluster."""
    if scheduler:
        from distributed import Client
        from distributed import wait as wait_dask

        client = Client(scheduler)
        slots = max(1, sum(client.nthreads().values()))
        return (lambda job: client.submit(sandbox.run_job, job, pure=False),
                lambda fs: wait_dask(fs, return_when="FIRST_COMPLETED"), slots, client.close)
    pool = ThreadPoolExecutor(max_workers=workers)
    return (lambda job: pool.submit(sandbox.run_job, job),
            lambda fs: wait_futures(fs, return_when=FIRST_COMPLETED), workers,
            lambda: pool.shutdown(wait=True, cancel_futures=True))


def pending(course: Course, labs: list[str], force: bool = False,
            students: list[str] | None = None) -> Iterator[tuple]:
    """(lab, student, digest) of every job without an up-to-date journal entry."""
    journal = Journal(course.grading_dir / "journal")
    for lab in labs:
        source = digest(course.dir("source") / lab)
        for student in course.students(lab):
            if students and student not in students:
                continue
            key = digest(course.dir("submitted") / student / lab) + source
            entry = journal.get(lab, student)
            if force or not entry or entry.get("digest") != key:
                yield lab, student, key


def warm_dataset_cache() -> None:
    """Decode CIFAR-10 into cnnlab's cache once, here, before any job starts.

    Jobs run with the checkout read-only, so a job that found no cache would decode all
    60,000 images itself (10-30 s of a cell's time limit) and could not keep the result.
    """
    from cnnlab import data

    try:
        data.load_cifar10()
    except (data.DatasetNotFoundError, data.DatasetError) as error:
        first_line = str(error).splitlines()[0]
        print(f"warning: CIFAR-10 is not available ({first_line}); cells of labs that load it "
              "will fail. Set CNNLAB_DATA or run `cnnlab data download`.", file=sys.stderr)


def grade(course: Course, labs: list[str], *, workers: int | None = None,
          scheduler: str | None = None, limits: Limits | None = None, force: bool = False,
          progress: bool = True, students: list[str] | None = None) -> list[dict]:
    """Grade every pending student-lab of ``labs``; return the journal entries written now."""
    from tqdm import tqdm

    workers = workers or os.cpu_count() or 1
    limits = limits or Limits()
    todo = list(pending(course, labs, force, students))
    total = sum(len([s for s in course.students(lab) if not students or s in students])
                for lab in labs)
    journal = Journal(course.grading_dir / "journal")
    done: list[dict] = []
    if not todo:
        print(f"all {total} student-labs are graded and up to date", file=sys.stderr)
        return done
    sandbox.sweep_stale()
    warm_dataset_cache()
    gradebook = template_gradebook(course)
    submit, wait_any, slots, close = _executor(workers, scheduler)
    bar = tqdm(total=total, initial=total - len(todo), unit="student-lab", desc="grading",
               disable=not progress, file=sys.stderr, dynamic_ncols=True)
    failures = 0
    queue = iter(todo)
    running: dict = {}
    started = time.monotonic()
    try:
        while True:
            while len(running) < 2 * slots:
                item = next(queue, None)
                if item is None:
                    break
                lab, student, key = item
                job = build_job(course, lab, student, limits, gradebook)
                running[submit(job)] = (key, job["pre_notes"])
            if not running:
                break
            finished, _ = wait_any(list(running))
            for future in finished:
                key, pre_notes = running.pop(future)
                result = future.result()
                result["notes"] = pre_notes + result.get("notes", [])
                entry = merge(course, result)
                entry["digest"] = key
                journal.put(entry)
                done.append(entry)
                failures += entry["status"] != "ok" or entry["review"]
                bar.set_postfix(problems=failures)
                bar.update(1)
    finally:
        bar.close()
        close()
    print(f"graded {len(done)} student-labs in {time.monotonic() - started:.1f} s "
          f"({failures} with problems; {sandbox.isolation_summary()})", file=sys.stderr)
    return done
