"""Grading speed: ``python bench/grading.py [--students 10] [--labs lab01 ...]``.

Prints, on this machine:
- the median seconds to autograde one complete submission (every lab that has a source), one
  sandboxed job per lab, run one after the other;
- the throughput on the same N solved submissions of plain sequential ``nbgrader autograde``
  versus ``python -m autograder grade`` with 1 and 2 workers (and the ratios);
- the peak memory (RSS) of one sandboxed job (worker + kernel).
Everything runs in a temporary copy of the course; figures go to bench/results/grading.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograder import sandbox  # noqa: E402
from autograder.course import PACKAGE_DIR, Course  # noqa: E402
from autograder.grade import Limits, build_job, grade, template_gradebook  # noqa: E402


def make_course(root: Path, labs: list[str], students: int) -> Course:
    root.mkdir(parents=True)
    shutil.copy(PACKAGE_DIR / "nbgrader_config.py", root)
    for lab in labs:
        shutil.copytree(PACKAGE_DIR / "source" / lab, root / "source" / lab)
    course = Course.at(root)
    for lab in labs:
        course.nbgrader("generate_assignment", lab, "--force")
        for i in range(students):
            target = course.dir("submitted") / f"student{i:02d}" / lab
            target.mkdir(parents=True)
            for notebook in (course.dir("source") / lab).glob("*.ipynb"):
                shutil.copy(notebook, target)
    return course


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--complete", type=int, default=3,
                        help="complete submissions timed for the median")
    parser.add_argument("--labs", nargs="*")
    args = parser.parse_args()
    labs = args.labs or sorted(p.name for p in (PACKAGE_DIR / "source").iterdir()
                               if any(p.glob("*.ipynb")))
    limits = Limits(cell_timeout=120, notebook_timeout=600)
    figures: dict = {"labs": labs, "students": args.students,
                     "isolation": sandbox.isolation_summary()}
    with tempfile.TemporaryDirectory() as tmp:
        base = make_course(Path(tmp) / "base" / "autograder", labs, args.students)
        gradebook = template_gradebook(base)
        complete, peaks = [], []
        for i in range(args.complete):
            started = time.monotonic()
            for lab in labs:
                result = sandbox.run_job(build_job(base, lab, f"student{i:02d}", limits,
                                                   gradebook))
                assert result["status"] == "ok", result["reason"]
                peaks.append(result["peak_mb"])
            complete.append(time.monotonic() - started)
            print(f"complete submission {i + 1}: {complete[-1]:.1f} s", flush=True)
        figures["complete_submission_median_s"] = round(statistics.median(complete), 1)
        figures["peak_mb_per_job_max"] = max(peaks)

        plain_root = Path(tmp) / "plain" / "autograder"
        shutil.copytree(base.root, plain_root)
        plain = Course.at(plain_root)
        started = time.monotonic()
        for lab in labs:
            plain.nbgrader("autograde", lab)
        figures["plain_nbgrader_s"] = round(time.monotonic() - started, 1)
        print(f"plain sequential nbgrader autograde: {figures['plain_nbgrader_s']} s", flush=True)
        for workers in (1, 2):
            root = Path(tmp) / f"w{workers}" / "autograder"
            shutil.copytree(base.root, root)
            started = time.monotonic()
            entries = grade(Course.at(root), labs, workers=workers, limits=limits,
                            progress=False)
            seconds = time.monotonic() - started
            assert all(e["status"] == "ok" for e in entries)
            figures[f"workers_{workers}_s"] = round(seconds, 1)
            figures[f"workers_{workers}_vs_plain"] = round(figures["plain_nbgrader_s"] / seconds,
                                                           2)
            print(f"autograder grade --workers {workers}: {seconds:.1f} s "
                  f"({figures[f'workers_{workers}_vs_plain']}x plain)", flush=True)
    print(json.dumps(figures, indent=1))
    out = Path(__file__).parent / "results" / "grading.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
