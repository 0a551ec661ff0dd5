"""Where an nbgrader course keeps its files, and how to run nbgrader on it.

A course is a folder with ``nbgrader_config.py``, ``source/<lab>/<notebook>.ipynb`` and, once
graded, ``gradebook.db``, ``submitted/``, ``autograded/`` and ``feedback/`` (nbgrader's layout).
What this tool adds lives in ``grading/``: the results journal, the CSV and the report.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config, PyFileConfigLoader

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DEFAULT_ROOT = PACKAGE_DIR


def tool_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for nbgrader and for sandboxed workers.

    nbgrader runs ``alembic`` by name, so this interpreter's ``bin/`` comes first on PATH, and
    the repository root is on PYTHONPATH so that ``autograder`` imports from any folder.
    """
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    paths = [str(REPO_ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class Course:
    """An nbgrader course folder (``autograder/`` by default)."""

    root: Path

    @classmethod
    def at(cls, root: str | os.PathLike | None = None) -> Course:
        path = Path(root or os.environ.get("CNNLAB_COURSE") or DEFAULT_ROOT).resolve()
        if not (path / "source").is_dir():
            raise FileNotFoundError(
                f"{path} is not an nbgrader course: it has no source/ folder. Pass --course PATH "
                "to the folder that holds nbgrader_config.py and source/<lab>/."
            )
        return cls(path)

    @property
    def config_file(self) -> Path:
        return self.root / "nbgrader_config.py"

    def config(self) -> Config:
        """The course's nbgrader configuration with this folder as the course root."""
        cfg = Config()
        if self.config_file.exists():
            cfg = PyFileConfigLoader(self.config_file.name, path=str(self.root)).load_config()
        cfg.CourseDirectory.root = str(self.root)
        return cfg

    @property
    def db_url(self) -> str:
        url = self.config().CourseDirectory.get("db_url")
        return url if isinstance(url, str) and url else f"sqlite:///{self.root / 'gradebook.db'}"

    @property
    def course_id(self) -> str:
        value = self.config().CourseDirectory.get("course_id")
        return value if isinstance(value, str) and value else "default_course"

    def dir(self, kind: str) -> Path:
        """nbgrader's ``source``/``submitted``/``autograded``/``feedback``/``release`` folder."""
        value = self.config().CourseDirectory.get(f"{kind}_directory")
        name = value if isinstance(value, str) and value else kind
        return (self.root / name).resolve()

    @property
    def grading_dir(self) -> Path:
        return self.root / "grading"

    def labs(self) -> list[str]:
        return sorted(p.name for p in self.dir("source").iterdir() if p.is_dir()
                      and any(p.glob("*.ipynb")))

    def notebooks(self, lab: str) -> list[str]:
        """Notebook names (without .ipynb) of a lab, as its source defines them."""
        return sorted(p.stem for p in (self.dir("source") / lab).glob("*.ipynb"))

    def pick_labs(self, labs: list[str] | None) -> list[str]:
        known = self.labs()
        unknown = [lab for lab in labs or [] if lab not in known]
        if unknown:
            raise SystemExit(f"unknown lab(s) {', '.join(unknown)}; this course has: "
                             f"{', '.join(known) or 'none'} (in {self.dir('source')})")
        return list(labs) if labs else known

    def students(self, lab: str | None = None) -> list[str]:
        """Students with a submitted folder (for ``lab`` when given)."""
        submitted = self.dir("submitted")
        if not submitted.is_dir():
            return []
        return sorted(p.name for p in submitted.iterdir() if p.is_dir()
                      and not p.name.startswith(".") and (lab is None or (p / lab).is_dir()))

    def nbgrader(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run ``nbgrader ARGS`` on this course (venv on PATH for alembic)."""
        cmd = [sys.executable, "-m", "nbgrader", *args,
               f"--CourseDirectory.root={self.root}"]
        proc = subprocess.run(cmd, cwd=self.root, env=tool_env(), capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{proc.stderr[-4000:]}")
        return proc
