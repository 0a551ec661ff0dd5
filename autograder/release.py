"""Release the labs: ``nbgrader generate_assignment`` into ``labs/``, then check every release.

    python -m autograder.release            # every lab in autograder/source/
    python -m autograder.release lab01      # some labs
    python -m autograder.release --check    # regenerate into a temporary folder, compare with labs/

A release is refused (exit status 1, one line per problem) when it shows a solution or a hidden
test, when a test or instruction cell is not locked, when grade ids repeat, or when a test cell
has no points.
"""

from __future__ import annotations

import argparse
import filecmp
import io
import json
import logging
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

COURSE_DIR = Path(__file__).resolve().parent
SOURCE_DIR = COURSE_DIR / "source"
RELEASE_DIR = COURSE_DIR.parent / "labs"

_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
_REGION = {
    "solution": re.compile(r"^\s*#+\s*BEGIN SOLUTION.*?^\s*#+\s*END SOLUTION[^\n]*", re.M | re.S),
    "hidden test": re.compile(
        r"^\s*#+\s*BEGIN HIDDEN TESTS.*?^\s*#+\s*END HIDDEN TESTS[^\n]*", re.M | re.S
    ),
}


class ReleaseError(RuntimeError):
    """``generate_assignment`` failed, or a release does not pass its checks."""


def list_labs() -> list[str]:
    """Ids of the labs that have a source folder with a notebook (``lab01``, ...), sorted."""
    if not SOURCE_DIR.is_dir():
        return []
    return sorted(p.name for p in SOURCE_DIR.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def nbgrader_env() -> dict[str, str]:
    """The environment nbgrader needs: this interpreter's ``bin/`` first (it runs ``alembic``)."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def run_nbgrader(
    command: str,
    lab: str,
    *,
    root: Path | str = COURSE_DIR,
    settings: dict[str, dict] | None = None,
) -> None:
    """Run nbgrader's ``generate_assignment`` or ``autograde`` for ``lab`` in this process.

    The course is ``root`` with its ``nbgrader_config.py``; ``settings`` overrides it
    (``{"CourseDirectory": {"release_directory": ...}}``). Running in-process saves nbgrader's
    start-up (seconds) per call; it is the same converter ``nbgrader COMMAND`` runs.
    """
    from nbgrader.converters import Autograde, GenerateAssignment
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    converters = {"generate_assignment": GenerateAssignment, "autograde": Autograde}
    if command not in converters:
        raise ValueError(f"command must be one of {sorted(converters)}, got {command!r}")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    for section, values in (settings or {}).items():
        for key, value in values.items():
            config[section][key] = value
    config.CourseDirectory.assignment_id = lab
    saved_path = os.environ.get("PATH", "")
    os.environ["PATH"] = nbgrader_env()["PATH"]
    try:
        coursedir = CourseDirectory(config=config)
        app = converters[command](coursedir=coursedir, config=config)
        app.force = True
        log = io.StringIO()
        handler = logging.StreamHandler(log)
        handler.setLevel(logging.ERROR)
        app.log.addHandler(handler)
        try:
            with warnings.catch_warnings():
                # nbgrader's own SQLAlchemy notices about its session; nothing we can act on.
                warnings.simplefilter("ignore")
                app.start()
        finally:
            app.log.removeHandler(handler)
    except Exception as error:
        # nbgrader logs the real cause and raises a generic "see the traceback above".
        causes = _causes(log.getvalue()) if "log" in locals() else []
        raise ReleaseError(
            f"nbgrader {command} {lab} failed: {error}" + "".join(f"\n  {c}" for c in causes)
        ) from error
    finally:
        os.environ["PATH"] = saved_path


def _causes(log: str) -> list[str]:
    """The exception lines and error notices of an nbgrader log, each once, in order."""
    pattern = re.compile(r"^([\w.]+(Error|Exception): |There was an error)")
    found = []
    for line in log.splitlines():
        if pattern.match(line) and line not in found:
            found.append(line)
    return found


def generate(
    labs: Sequence[str] | None = None,
    release_dir: Path | str | None = None,
    *,
    use_gradebook: bool | None = None,
    root: Path | str = COURSE_DIR,
) -> list[Path]:
    """Run ``nbgrader generate_assignment`` for ``labs`` (all by default) into ``release_dir``.

    ``release_dir`` defaults to ``labs/``; the gradebook is updated only for that default unless
    ``use_gradebook`` says otherwise; ``root`` is the course (a copy of this one, for tests).
    Returns the released notebooks, outputs cleared.
    """
    labs = _known(labs)
    target = Path(release_dir).resolve() if release_dir else RELEASE_DIR
    if use_gradebook is None:
        use_gradebook = release_dir is None
    settings = {"CourseDirectory": {"release_directory": str(target)}}
    if not use_gradebook:
        settings["GenerateAssignment"] = {"no_database": True}
        settings["SaveCells"] = {"enabled": False}
    written = []
    for lab in labs:
        run_nbgrader("generate_assignment", lab, root=root, settings=settings)
        for notebook in sorted((target / lab).glob("*.ipynb")):
            clear_outputs(notebook)
            written.append(notebook)
    return written


def verify(lab: str, release_dir: Path | str | None = None) -> list[str]:
    """Problems of one lab's release (empty when it is fit to hand out)."""
    target = Path(release_dir).resolve() if release_dir else RELEASE_DIR
    problems = []
    sources = sorted((SOURCE_DIR / lab).glob("*.ipynb"))
    for source in sources:
        released = target / lab / source.name
        if not released.is_file():
            problems.append(f"{lab}: {source.name} was not released")
            continue
        problems += [f"{lab}/{source.name}: {p}" for p in check_notebook(source, released)]
    return problems


def release(
    labs: Sequence[str] | None = None,
    release_dir: Path | str | None = None,
    *,
    use_gradebook: bool | None = None,
) -> list[Path]:
    """``generate`` then ``verify`` every lab; raise ``ReleaseError`` listing all problems."""
    labs = _known(labs)
    written = generate(labs, release_dir, use_gradebook=use_gradebook)
    problems = [problem for lab in labs for problem in verify(lab, release_dir)]
    if problems:
        raise ReleaseError("the release is not fit to hand out:\n  " + "\n  ".join(problems))
    return written


def differences(labs: Sequence[str] | None = None) -> list[str]:
    """Files of ``labs/`` that differ from what the sources produce now (empty when in sync)."""
    labs = _known(labs)
    with tempfile.TemporaryDirectory() as tmp:
        release(labs, tmp, use_gradebook=False)
        return compare(tmp, labs)


def compare(fresh_dir: Path | str, labs: Sequence[str] | None = None) -> list[str]:
    """Files of ``labs/`` that differ from a fresh release of ``labs`` in ``fresh_dir``."""
    fresh_dir = Path(fresh_dir)
    found = []
    for lab in _known(labs):
        fresh = sorted(
            p.relative_to(fresh_dir) for p in (fresh_dir / lab).rglob("*") if p.is_file()
        )
        committed = sorted(
            p.relative_to(RELEASE_DIR)
            for p in (RELEASE_DIR / lab).rglob("*")
            if p.is_file() and ".ipynb_checkpoints" not in p.parts
        )
        for path in sorted(set(fresh) | set(committed)):
            if path not in committed:
                found.append(f"labs/{path} is missing")
            elif path not in fresh:
                found.append(f"labs/{path} is not produced by the sources")
            elif not filecmp.cmp(fresh_dir / path, RELEASE_DIR / path, shallow=False):
                found.append(f"labs/{path} differs from what the source produces")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.release", description=__doc__)
    parser.add_argument("labs", nargs="*", help="lab ids (default: every lab in source/)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write labs/: regenerate into a temporary folder and compare",
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            found = differences(args.labs or None)
            for line in found:
                print(line)
            if found:
                print("labs/ is out of date: run `python -m autograder.release`")
                return 1
            print("labs/ matches the sources")
            return 0
        for notebook in release(args.labs or None):
            print(f"released {notebook.relative_to(RELEASE_DIR.parent)}")
    except ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _known(labs: Sequence[str] | None) -> list[str]:
    available = list_labs()
    if not labs:
        return available
    unknown = [lab for lab in labs if lab not in available]
    if unknown:
        raise ReleaseError(
            f"unknown lab(s) {', '.join(unknown)}: the labs in {SOURCE_DIR} are "
            f"{', '.join(available) or 'none'}"
        )
    return list(labs)


def clear_outputs(path: Path) -> None:
    """Drop outputs and execution counts; write in nbformat's canonical layout."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    path.write_text(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def _lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


def _significant(text: str) -> set[str]:
    """Lines that would give an answer away (not blank, not comments, not trivial syntax)."""
    return {
        line
        for line in _lines(text)
        if not line.startswith("#") and len(line) >= 8 and not any(m in line for m in _MARKERS)
    }


def check_notebook(source: Path, released: Path) -> list[str]:
    """Problems of one released notebook, compared with its source (empty when fine)."""
    problems = []
    text = released.read_text(encoding="utf-8")
    for marker in _MARKERS:
        if marker in text:
            problems.append(f"contains the marker {marker!r}")
    src = json.loads(source.read_text(encoding="utf-8"))
    rel = json.loads(text)
    release_lines = set()
    for cell in rel["cells"]:
        release_lines |= _lines("".join(cell["source"]))
    source_text = ["".join(cell["source"]) for cell in src["cells"]]
    for kind, region in _REGION.items():
        inside = set()
        outside = set()
        for cell_text in source_text:
            for match in region.finditer(cell_text):
                inside |= _significant(match.group(0))
            outside |= _lines(region.sub("", cell_text))
        for line in sorted((inside - outside) & release_lines):
            problems.append(f"shows {kind} code: {line!r}")
    ids = []
    for index, cell in enumerate(rel["cells"]):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        where = f"cell {index} ({meta.get('grade_id', cell['cell_type'])})"
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count")):
            problems.append(f"{where} has outputs")
        if meta.get("grade_id"):
            ids.append(meta["grade_id"])
        is_test = meta.get("grade") and not meta.get("solution")
        is_instruction = cell["cell_type"] == "markdown" and not meta.get("solution")
        if (is_test or is_instruction) and not _locked(cell):
            problems.append(f"{where} is not locked (mark it read-only in the source)")
        if meta.get("grade"):
            points = meta.get("points")
            if not isinstance(points, (int, float)) or points <= 0:
                problems.append(f"{where} has no points")
    for grade_id in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"grade id {grade_id!r} is used more than once")
    return problems


def _locked(cell: dict) -> bool:
    meta = cell.get("metadata", {})
    nbgrader = meta.get("nbgrader", {})
    return (
        meta.get("editable") is False
        and meta.get("deletable") is False
        and bool(nbgrader.get("locked") or nbgrader.get("grade"))
    )


if __name__ == "__main__":
    sys.exit(main())
