"""A throwaway nbgrader course (tmp copy of autograder/, tmp gradebook) for real autograde runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder import release
from autograder.release import COURSE_DIR, nbgrader_env

COURSE_ID = "cnnlab"


class Course:
    """``autograder/``'s config and sources copied under ``root``; releases go to ``root/release``.

    ``submit`` files a notebook as ``submitted/<student>/<lab>/``; ``autograde`` runs the real
    ``nbgrader autograde``; ``scores`` reads the per-test-cell scores back from the gradebook.
    """

    def __init__(self, root: Path, labs: list[str]):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.generated: set[str] = set()
        shutil.copy(COURSE_DIR / "nbgrader_config.py", self.root / "nbgrader_config.py")
        for lab in labs:
            shutil.copytree(
                COURSE_DIR / "source" / lab,
                self.root / "source" / lab,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
            )

    @property
    def db_url(self) -> str:
        return "sqlite:///" + str(self.root / "gradebook.db")

    @property
    def release_dir(self) -> Path:
        return self.root / "release"

    def generate(self, lab: str) -> None:
        """``generate_assignment`` into ``release/`` and the gradebook (once per lab)."""
        if lab not in self.generated:
            release.generate([lab], self.release_dir, use_gradebook=True, root=self.root)
            self.generated.add(lab)

    def submit(self, lab: str, student: str, notebook: NotebookNode, name: str) -> Path:
        folder = self.root / "submitted" / student / lab
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        nbformat.write(notebook, str(path))
        return path

    def autograde(self, lab: str) -> None:
        """Autograde every submission of ``lab`` (nbgrader sets NBGRADER_EXECUTION itself)."""
        settings = {"CourseDirectory": {"release_directory": str(self.release_dir)}}
        release.run_nbgrader("autograde", lab, root=self.root, settings=settings)

    def scores(self, lab: str, student: str, notebook_id: str) -> dict[str, float]:
        """``{grade_id: score}`` of every graded cell of one autograded submission."""
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url, COURSE_ID) as gradebook:
            submitted = gradebook.find_submission_notebook(notebook_id, lab, student)
            return {grade.name: float(grade.score) for grade in submitted.grades}

    def autograded(self, lab: str, student: str, name: str) -> NotebookNode:
        path = self.root / "autograded" / student / lab / name
        return nbformat.read(str(path), as_version=4)


def cell_stderr(cell: NotebookNode) -> str:
    """Everything a code cell wrote to stderr."""
    return "".join(
        output.get("text", "")
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    )


def cell_error(cell: NotebookNode) -> str | None:
    """``"Name: value"`` of the exception a code cell raised, or None."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return f"{output.get('ename')}: {output.get('evalue')}"
    return None


def grading_env() -> dict[str, str]:
    """The environment of a kernel under autograde: ours plus NBGRADER_EXECUTION."""
    return {**os.environ, **nbgrader_env(), "NBGRADER_EXECUTION": "autograde"}
