"""``python -m autograder COMMAND``: from lab sources to grades, feedback and statistics.

    python -m autograder release            # student versions into labs/, checked for leaks
    python -m autograder validate           # sources score full marks, releases score 0
    python -m autograder collect export.zip # LMS export -> submitted/<student>/<lab>/
    python -m autograder grade --workers 8  # sandboxed parallel autograde into the gradebook
    python -m autograder feedback           # feedback/<student>/<lab>/*.html
    python -m autograder export             # grading/grades.csv
    python -m autograder report             # grading/report/*.png + report.md
    python -m autograder bundle             # dist/cnnlab-student.zip, what students get
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from autograder.course import Course


def _limits(args, course: Course):
    from autograder.grade import Limits

    cfg_timeout = course.config().Execute.get("timeout")
    return Limits(
        cell_timeout=args.cell_timeout or (cfg_timeout if isinstance(cfg_timeout, int) else 120),
        notebook_timeout=args.notebook_timeout, memory_mb=args.memory_mb,
        output_mb=args.output_mb)


def _release(course: Course, args) -> int:
    labs = course.pick_labs(args.labs)
    if args.course is None and not os.environ.get("CNNLAB_COURSE"):
        from autograder import release

        try:
            for path in release.release(labs):
                print(f"released {path}")
        except release.ReleaseError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        return 0
    for lab in labs:
        course.nbgrader("generate_assignment", lab, "--force")
        print(f"released {lab} into {course.dir('release') / lab}")
    return 0


def _validate(course: Course, args) -> int:
    from autograder.validate import validate

    labs = course.pick_labs(args.labs)
    found = validate(course, labs, _limits(args, course), workers=args.workers or 2)
    for line in found:
        print(line)
    print(f"{len(labs)} labs validated: " + ("all good" if not found else f"{len(found)} problems"))
    return 1 if found else 0


def _collect(course: Course, args) -> int:
    from autograder.collect import collect

    report = collect(course, args.path, args.lab or None)
    print(report.summary())
    return 0


def _grade(course: Course, args) -> int:
    from autograder.grade import grade

    entries = grade(course, course.pick_labs(args.labs), workers=args.workers,
                    scheduler=args.scheduler, limits=_limits(args, course), force=args.force,
                    progress=not args.no_progress, students=args.student)
    problems = [e for e in entries if e["status"] != "ok" or e["review"]]
    for entry in problems:
        why = entry.get("reason") or "; ".join(entry["flags"] + entry["notes"])
        print(f"{entry['student']}/{entry['lab']}: {entry['status']}"
              f"{' (manual review)' if entry['review'] else ''}: {why.splitlines()[0]}")
    return 0


def _feedback(course: Course, args) -> int:
    from autograder.feedback import generate

    done = generate(course, course.pick_labs(args.labs), args.student or None)
    print(f"feedback written for {len(done)} student-labs in {course.dir('feedback')}")
    return 0


def _export(course: Course, args) -> int:
    from autograder.export import export

    print(f"wrote {export(course, course.pick_labs(args.labs), args.out)}")
    return 0


def _report(course: Course, args) -> int:
    from autograder.report import report

    paths = report(course, course.pick_labs(args.labs), args.out)
    print(f"wrote {len(paths)} files in {paths[-1].parent}")
    return 0


def _bundle(course: Course, args) -> int:
    from autograder import bundle, release

    try:
        path, count = bundle.build(args.out)
    except (bundle.BundleError, release.ReleaseError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path} ({count} files, {path.stat().st_size / 1e3:.0f} kB)")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m autograder", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--course", help="nbgrader course folder (default: autograder/, or "
                   "$CNNLAB_COURSE)")
    sub = p.add_subparsers(dest="command", required=True)

    def command(name, func, help_text, labs=True):
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if labs:
            cmd.add_argument("labs", nargs="*", metavar="LAB", help="lab ids (default: all)")
        cmd.set_defaults(func=func)
        return cmd

    def limits(cmd):
        cmd.add_argument("--workers", type=int, help="parallel jobs (default: CPU cores)")
        cmd.add_argument("--cell-timeout", type=float,
                         help="seconds per cell (default: the course's Execute.timeout)")
        cmd.add_argument("--notebook-timeout", type=float, default=600,
                         help="seconds per student-lab (default 600)")
        cmd.add_argument("--memory-mb", type=int, default=4096,
                         help="address-space limit per process in MB (default 4096)")
        cmd.add_argument("--output-mb", type=float, default=10,
                         help="outputs kept per notebook in MB (default 10)")

    command("release", _release, "generate the student versions and check them for leaks")
    limits(command("validate", _validate, "sources pass every test; releases fail them all"))
    col = command("collect", _collect, "file an LMS export into submitted/", labs=False)
    col.add_argument("path", help="folder or .zip of submissions")
    col.add_argument("--lab", action="append", help="only these labs (repeatable)")
    grd = command("grade", _grade, "autograde every submission into the gradebook")
    limits(grd)
    grd.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786)")
    grd.add_argument("--force", action="store_true", help="regrade even up-to-date work")
    grd.add_argument("--no-progress", action="store_true", help="no progress bar")
    grd.add_argument("--student", action="append", help="only these students (repeatable)")
    fb = command("feedback", _feedback, "HTML feedback per student (hidden tests hidden)")
    fb.add_argument("--student", action="append", help="only these students (repeatable)")
    command("export", _export, "grades CSV").add_argument("--out", help="CSV path")
    command("report", _report, "class statistics plots").add_argument("--out", help="folder")
    command("bundle", _bundle, "the student zip: released labs, cnnlab, set-up files",
            labs=False).add_argument("--out", help="zip path (default: dist/cnnlab-student.zip)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        course = Course.at(args.course)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return args.func(course, args)
