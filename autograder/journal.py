"""The results journal: one JSON file per graded student-lab, written atomically.

A job is journaled only after its grades are committed to the gradebook, so a run killed at any
moment loses nothing: the next run redoes exactly the jobs without an up-to-date entry (their
gradebook writes are idempotent). An entry is up to date when its ``digest`` matches the
submission and the lab's source as they are now.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path


def digest(*folders: Path) -> str:
    """sha256 over the relative paths and contents of every file under ``folders``."""
    h = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                h.update(str(path.relative_to(folder)).encode() + b"\0")
                h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


class Journal:
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, lab: str, student: str) -> Path:
        return self.folder / lab / f"{student}.json"

    def get(self, lab: str, student: str) -> dict | None:
        try:
            return json.loads(self._path(lab, student).read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def put(self, entry: dict) -> None:
        path = self._path(entry["lab"], entry["student"])
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w") as handle:
            json.dump(entry, handle, indent=1, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def entries(self) -> list[dict]:
        found = []
        for path in sorted(self.folder.glob("*/*.json")):
            try:
                found.append(json.loads(path.read_text()))
            except json.JSONDecodeError:
                continue
        return found
