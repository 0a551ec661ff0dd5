"""File student submissions into nbgrader's ``submitted/<student>/<lab>/<notebook>.ipynb``.

Accepts a folder or a zip in the shapes LMSs export:

- one folder per student: ``alice/lab01_vectorization.ipynb``, ``alice/lab01/...``;
- flat names: ``alice_lab01.ipynb``, ``alice_lab01_vectorization.ipynb``,
  ``lab01_vectorization_alice.ipynb``.

The lab comes from its id (``lab01``) or notebook name in the file name (or the folder, when the
file name is the notebook name); the student from the top folder or, for flat files, from what
remains of the file name. Nothing is guessed: a file whose lab, notebook or student is unclear,
or two files for the same notebook, are reported and not filed.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from autograder.course import Course

MAX_UNZIPPED_MB = 2048
_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")
_SKIP = {"__MACOSX", ".ipynb_checkpoints"}


@dataclass
class CollectReport:
    filed: list[tuple[str, str, str, str]] = field(default_factory=list)  # student, lab, nb, from
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # file, why

    def summary(self) -> str:
        students = {s for s, *_ in self.filed}
        lines = [f"filed {len(self.filed)} notebooks for {len(students)} students"]
        if self.unmatched:
            lines.append(f"could not file {len(self.unmatched)} files (fix their names and "
                         "collect again, or file them by hand into submitted/<student>/<lab>/):")
            lines += [f"  {name}: {why}" for name, why in self.unmatched]
        return "\n".join(lines)


def _unzip(archive: Path, into: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        total = 0
        for info in zf.infolist():
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts:
                raise ValueError(f"{archive.name}: unsafe path in zip: {info.filename}")
            total += info.file_size
            if total > MAX_UNZIPPED_MB * 2**20:
                raise ValueError(f"{archive.name}: more than {MAX_UNZIPPED_MB} MB unzipped")
        zf.extractall(into)


def _strip(text: str, token: str) -> str:
    return re.sub(re.escape(token), "", text, count=1, flags=re.I).strip(" _-.")


def _match(rel: PurePosixPath, labs: dict[str, list[str]]) -> tuple[str, str, str] | str:
    """(student, lab, notebook) for a file at ``rel`` in the export, or why it cannot be filed."""
    stem = rel.stem
    hits = []
    for lab, notebooks in labs.items():
        for nb in notebooks:
            if nb.lower() in stem.lower():
                hits.append((lab, nb, nb))
        if not any(h[0] == lab for h in hits) and re.search(
                rf"(?<![A-Za-z0-9]){re.escape(lab)}(?![0-9])", stem, re.I):
            if len(notebooks) == 1:
                hits.append((lab, notebooks[0], lab))
            else:
                return f"names {lab} but not which of its notebooks ({', '.join(notebooks)})"
    if not hits:
        known = ", ".join(f"{nb}.ipynb" for nbs in labs.values() for nb in nbs)
        return f"no lab id or notebook name in the file name (expected one of: {known})"
    if len(hits) > 1:
        return "matches several notebooks: " + ", ".join(h[1] for h in hits)
    lab, nb, token = hits[0]
    folders = [p for p in rel.parts[:-1] if p.lower() != lab.lower()]
    student = folders[0] if folders else _strip(stem, token)
    if not student:
        return "no student: put the file in a folder named after the student, or name it " \
            f"<student>_{lab}.ipynb"
    if not _STUDENT_ID.match(student):
        return f"student id {student!r} has characters nbgrader cannot use in a folder name"
    return student, lab, nb


def collect(course: Course, path: str | Path, labs: list[str] | None = None) -> CollectReport:
    """File the notebooks found in ``path`` (folder or .zip) into the course's submitted/."""
    path = Path(path)
    wanted = {lab: course.notebooks(lab) for lab in course.pick_labs(labs)}
    report = CollectReport()
    with tempfile.TemporaryDirectory() as tmp:
        if path.is_file() and zipfile.is_zipfile(path):
            _unzip(path, Path(tmp))
            base = Path(tmp)
        elif path.is_dir():
            base = path
        else:
            raise SystemExit(f"{path}: not a folder or a zip file")
        found: dict[tuple[str, str, str], list[Path]] = {}
        for file in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = PurePosixPath(file.relative_to(base).as_posix())
            if _SKIP & set(rel.parts) or rel.name.startswith("."):
                continue
            if file.suffix != ".ipynb":
                report.unmatched.append((str(rel), "not a notebook; ignored"))
                continue
            match = _match(rel, wanted)
            if isinstance(match, str):
                report.unmatched.append((str(rel), match))
            else:
                found.setdefault(match, []).append(file)
        for (student, lab, nb), files in sorted(found.items()):
            if len(files) > 1:
                names = ", ".join(str(f.relative_to(base)) for f in files)
                report.unmatched.append((names, f"several files for {student}'s {nb}.ipynb; "
                                                "keep one and collect again"))
                continue
            target = course.dir("submitted") / student / lab / f"{nb}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(files[0], target)
            report.filed.append((student, lab, nb, str(files[0].relative_to(base))))
    return report
