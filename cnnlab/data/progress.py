"""Progress bars and notices for a person, on stdout, and silent under nbgrader.

nbgrader scores a test cell that writes to stderr as 0, and tqdm writes to stderr by default,
so every bar and notice of ``cnnlab.data`` goes to stdout, and none is shown while
``NBGRADER_EXECUTION`` is set (autograding).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


class _NoBar:
    def update(self, n: int = 1) -> None:
        """Ignore progress."""


def wanted(progress: bool | None) -> bool:
    """Resolve a ``progress=`` argument: None means "yes, unless nbgrader is grading"."""
    if progress is None:
        return not os.environ.get("NBGRADER_EXECUTION")
    return bool(progress)


@contextlib.contextmanager
def progress_bar(total: int | None, desc: str, unit: str, progress: bool | None) -> Iterator:
    """A tqdm bar on stdout when ``wanted(progress)``, else an object that ignores update()."""
    if not wanted(progress):
        yield _NoBar()
        return
    from tqdm import tqdm

    scale = unit == "B"
    with tqdm(total=total, desc=desc, unit=unit, unit_scale=scale, file=sys.stdout) as bar:
        yield bar


def say(message: str, progress: bool | None = None) -> None:
    """Print a one-line notice from cnnlab.data on stdout (not under nbgrader)."""
    if wanted(progress):
        print(f"cnnlab.data: {message}", flush=True)
