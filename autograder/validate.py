"""Check a lab before handing it out, with the grader's own sandboxed autograde.

- the source (with solutions) scores full marks on every graded test;
- the release (as students get it) runs to the end and scores 0 on every graded test; only
  graded test cells may raise (a picture cell that uses an unsolved function must catch
  ``NotImplementedError`` and say so on stdout).

These are nbgrader's ``validate`` and ``validate --invert`` semantics, run the way grading runs.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from autograder import sandbox
from autograder.course import Course
from autograder.grade import Limits, template_gradebook


def _job(course: Course, lab: str, kind: str, limits: Limits, gradebook: bytes) -> dict:
    folder = course.dir("source" if kind == "source" else "release") / lab
    files = {"gradebook.db": gradebook}
    for path in course.dir("source").joinpath(lab).rglob("*"):
        if path.is_file() and path.suffix != ".ipynb":
            files[f"source/{lab}/{path.relative_to(course.dir('source') / lab)}"] = \
                path.read_bytes()
    for name in course.notebooks(lab):
        files[f"source/{lab}/{name}.ipynb"] = (course.dir("source") / lab /
                                               f"{name}.ipynb").read_bytes()
        if (folder / f"{name}.ipynb").exists():
            files[f"submitted/_{kind}/{lab}/{name}.ipynb"] = (folder / f"{name}.ipynb").read_bytes()
    if course.config_file.exists():
        files["nbgrader_config.py"] = course.config_file.read_bytes()
    return {"lab": lab, "student": f"_{kind}", "notebooks": course.notebooks(lab),
            "files": files, "submitted": True, "hide": [], "readonly": [], "env": {},
            **limits.__dict__}


def _problems(lab: str, kind: str, result: dict) -> list[str]:
    where = f"{lab} ({kind})"
    if result["status"] != "ok":
        return [f"{where}: {result['status']}: {(result.get('reason') or '').splitlines()[0]}"]
    found = [f"{where}: {note}" for note in result.get("notes", [])]
    graded = result.get("scores", {})
    if not graded:
        found.append(f"{where}: no graded cell was found")
    for test, (score, points) in graded.items():
        if score is None:
            continue  # manually graded answers
        if kind == "source" and score < points:
            why = result.get("errors", {}).get(test, "")
            found.append(f"{where}: {test} scores {score:g} of {points:g} {why}".rstrip())
        if kind == "release" and score > 0:
            found.append(f"{where}: {test} gives {score:g} points to an unsolved notebook")
    if kind == "release":
        for cell, error in result.get("errors", {}).items():
            if cell not in graded:
                found.append(f"{where}: {cell} raises {error.splitlines()[0]}; the release "
                             "must run to the end")
    for test in (result.get("errors", {}) if kind == "source" else {}):
        if test not in graded:
            found.append(f"{where}: {test} raises {result['errors'][test].splitlines()[0]}")
    return found


def validate(course: Course, labs: list[str], limits: Limits | None = None,
             workers: int = 2) -> list[str]:
    """Problems found in ``labs`` (empty when sources and releases behave)."""
    limits = limits or Limits()
    gradebook = template_gradebook(course)
    jobs = [(lab, kind) for lab in labs for kind in ("source", "release")]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda job: sandbox.run_job(_job(course, *job, limits, gradebook)),
                           jobs)
        return [p for (lab, kind), result in zip(jobs, results, strict=True)
                for p in _problems(lab, kind, result)]
