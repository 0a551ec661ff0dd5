"""``python -m autograder bundle``: the zip students get, and nothing an instructor keeps.

    python -m autograder bundle                  # dist/cnnlab-student.zip
    python -m autograder bundle --out x.zip

What goes in is listed here (an allowlist, so instructor material stays out by construction),
all under the top folder ``cnnlab-student/``: the released notebooks ``labs/<lab>/*.ipynb``, the
``cnnlab`` package (Python files only), ``data/manifest.json`` and ``data/README.md`` (cnnlab
keeps its CIFAR-10 cache beside the manifest) and the student set-up files of
``autograder/student/`` (README, pyproject.toml, environment.yml, Makefile, nbgrader_config.py).
The bundle is refused when a file holds an nbgrader solution or hidden-test marker, or when
``labs/`` is not what ``python -m autograder release`` makes of the sources now. The zip is
deterministic: sorted names, fixed timestamps and permissions.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from autograder import release
from autograder.course import PACKAGE_DIR, REPO_ROOT

TOP = "cnnlab-student"
DEFAULT_OUT = REPO_ROOT / "dist" / f"{TOP}.zip"
STUDENT_DIR = PACKAGE_DIR / "student"
#: set-up files for students, kept as reviewable templates in autograder/student/.
STUDENT_FILES = ("README.md", "pyproject.toml", "environment.yml", "Makefile",
                 "nbgrader_config.py")
DATA_FILES = ("data/manifest.json", "data/README.md")
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
#: 1980-01-01, the earliest time a zip can hold: the same bytes for the same files.
_EPOCH = (1980, 1, 1, 0, 0, 0)


class BundleError(RuntimeError):
    """A file of the bundle is missing or shows instructor material, or labs/ is stale."""


def files() -> dict[str, Path]:
    """Every file of the bundle: its name inside the zip -> the file in this repository."""
    chosen: dict[str, Path] = {}
    for lab in release.list_labs():
        notebooks = sorted((release.RELEASE_DIR / lab).glob("*.ipynb"))
        if not notebooks:
            raise BundleError(f"labs/{lab} has no notebook: run `python -m autograder release`")
        for notebook in notebooks:
            chosen[f"labs/{lab}/{notebook.name}"] = notebook
    package = REPO_ROOT / "cnnlab"
    for module in sorted(package.rglob("*.py")):
        relative = module.relative_to(REPO_ROOT)
        if not any(part == "__pycache__" or part.startswith(".") for part in relative.parts):
            chosen[relative.as_posix()] = module
    for name in DATA_FILES:
        chosen[name] = REPO_ROOT / name
    for name in STUDENT_FILES:
        chosen[name] = STUDENT_DIR / name
    missing = sorted(name for name, path in chosen.items() if not path.is_file())
    if missing:
        raise BundleError("missing from the repository: " + ", ".join(missing))
    return chosen


def marker_problems(chosen: dict[str, Path]) -> list[str]:
    """One line per file that holds an nbgrader solution or hidden-test marker."""
    problems = []
    for name, path in sorted(chosen.items()):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += [f"{name} contains {marker!r}" for marker in MARKERS if marker in text]
    return problems


def check(chosen: dict[str, Path]) -> None:
    """Raise ``BundleError`` when a file shows a marker or ``labs/`` is out of date."""
    problems = marker_problems(chosen)
    if problems:
        raise BundleError("instructor material in the bundle:\n  " + "\n  ".join(problems))
    # Regenerating the releases into a temporary folder takes seconds (nbgrader in-process).
    stale = release.differences()
    if stale:
        raise BundleError("labs/ is out of date; run `python -m autograder release`:\n  "
                          + "\n  ".join(stale))


def write_zip(chosen: dict[str, Path], out: Path | str) -> Path:
    """Write ``chosen`` under ``cnnlab-student/`` into ``out`` (atomically); return ``out``."""
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f"{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(chosen):
                info = zipfile.ZipInfo(f"{TOP}/{name}", date_time=_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, chosen[name].read_bytes())
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return out


def build(out: Path | str | None = None) -> tuple[Path, int]:
    """Check, then write the student bundle (default ``dist/cnnlab-student.zip``).

    Returns (the zip, the number of files in it); raises ``BundleError`` (and
    ``release.ReleaseError`` when the sources cannot be released) without writing anything.
    """
    chosen = files()
    check(chosen)
    return write_zip(chosen, out or DEFAULT_OUT), len(chosen)
