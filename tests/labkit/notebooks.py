"""Read lab notebooks and find their graded cells; build submissions from catalogue entries."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from autograder.release import RELEASE_DIR, SOURCE_DIR


def labs() -> list[str]:
    """Every lab with a source notebook in ``autograder/source/`` (``lab01``, ...), sorted."""
    if not SOURCE_DIR.is_dir():
        return []
    return sorted(p.name for p in SOURCE_DIR.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def source_path(lab: str) -> Path:
    """The one graded source notebook of ``lab`` (labs have exactly one, LABS.md)."""
    found = sorted((SOURCE_DIR / lab).glob("*.ipynb"))
    if len(found) != 1:
        raise ValueError(f"{SOURCE_DIR / lab} must hold exactly one notebook, found {found}")
    return found[0]


def release_path(lab: str) -> Path:
    """The committed student version of ``lab`` in ``labs/``."""
    return RELEASE_DIR / lab / source_path(lab).name


def read(path: Path) -> NotebookNode:
    return nbformat.read(str(path), as_version=4)


def _nbgrader(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def solution_cells(nb: NotebookNode) -> dict[str, int]:
    """``{grade_id: cell index}`` of the autograded-answer (solution) code cells."""
    return {
        _nbgrader(c)["grade_id"]: i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and _nbgrader(c).get("solution")
    }


def graded_tests(nb: NotebookNode) -> dict[str, float]:
    """``{grade_id: points}`` of the autograder-test cells, in notebook order."""
    return {
        _nbgrader(c)["grade_id"]: float(_nbgrader(c)["points"])
        for c in nb.cells
        if c.cell_type == "code" and _nbgrader(c).get("grade") and not _nbgrader(c).get("solution")
    }


def graded_test_indices(nb: NotebookNode) -> dict[str, int]:
    """``{grade_id: cell index}`` of the autograder-test cells."""
    wanted = graded_tests(nb)
    return {
        _nbgrader(c).get("grade_id"): i
        for i, c in enumerate(nb.cells)
        if _nbgrader(c).get("grade_id") in wanted
    }


def submission(lab: str, solutions: dict[str, str] | None = None) -> NotebookNode:
    """The release notebook of ``lab`` as a student would hand it in.

    Every solution cell holds the source's solution, except those named in ``solutions``
    (``{grade_id: code}``), which hold that code. ``solutions=None`` gives the full solution.
    """
    source = read(source_path(lab))
    release = read(release_path(lab))
    source_code = {gid: source.cells[i].source for gid, i in solution_cells(source).items()}
    chosen = {**source_code, **(solutions or {})}
    unknown = set(chosen) - set(source_code)
    if unknown:
        raise KeyError(f"{lab} has no solution cell(s) {sorted(unknown)}")
    nb = copy.deepcopy(release)
    for grade_id, index in solution_cells(nb).items():
        nb.cells[index].source = chosen[grade_id]
    return nb
