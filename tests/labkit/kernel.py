"""Grade many submissions of one lab in one kernel: run the source once, then swap solutions.

nbgrader autograde restores every test cell from the gradebook (hidden tests included) and
scores a test cell 0 when it raised or wrote to stderr (``nbgrader.utils.determine_grade``).
``LabKernel`` does the same in one long-lived kernel: it executes the source notebook under
autograde conditions, then for each submission removes the names its solution cells define,
runs the submission's code in their place, re-runs the test cells and scores them with
nbgrader's own function, and finally re-runs the source solutions so the next one starts clean.

Only the test cells that can see the replaced functions are re-run: those whose code names
them, directly or through any function the notebook defines that names them (transitively).
The others keep their scores from the source run. A cell whose code does not parse is always
re-run. ``grade(..., every_test=True)`` re-runs them all.
"""

from __future__ import annotations

import ast
import copy
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbgrader.utils import determine_grade

from labkit import notebooks
from labkit.course import cell_error, cell_stderr, grading_env


@dataclass
class Graded:
    """Per-test-cell outcome of one submission."""

    scores: dict[str, float]  # grade_id -> points scored
    errors: dict[str, str] = field(default_factory=dict)  # grade_id -> "Name: message"
    stderr: dict[str, str] = field(default_factory=dict)  # grade_id -> text written to stderr
    solution_errors: dict[str, str] = field(default_factory=dict)  # solution grade_id -> error


def _references(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _code_references(code: str) -> set[str] | None:
    """Every name a cell's code mentions, or None when it is not plain Python (magics)."""
    try:
        return _references(ast.parse(code))
    except SyntaxError:
        return None


def _definitions(cells) -> dict[str, set[str] | None]:
    """``{name: names its body mentions}`` for the top-level functions/classes/assignments."""
    found: dict[str, set[str] | None] = {}
    for cell in cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found[node.name] = _references(node)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = _references(node.value)
    return found


def affected_tests(cells, test_index: dict[str, int], replaced: list[str]) -> list[str]:
    """The test cells (``{grade_id: index}``) whose code reaches a ``replaced`` name."""
    definitions = _definitions(cells)
    affected = set(replaced)
    grew = True
    while grew:
        grew = False
        for name, refs in definitions.items():
            if name not in affected and refs is not None and refs & affected:
                affected.add(name)
                grew = True
    chosen = []
    for grade_id, index in test_index.items():
        refs = _code_references(cells[index].source)
        if refs is None or refs & affected:
            chosen.append(grade_id)
    return chosen


def _defined_names(code: str) -> list[str]:
    names = []
    for node in ast.parse(code).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return names


class LabKernel:
    """A kernel that has run ``lab``'s source notebook under autograde; grades submissions."""

    def __init__(self, lab: str, workdir: Path, timeout: int = 120):
        self.lab = lab
        source_file = notebooks.source_path(lab)
        shutil.copytree(
            source_file.parent,
            workdir,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"),
        )
        self.nb = notebooks.read(source_file)
        self.solutions = notebooks.solution_cells(self.nb)
        self.tests = notebooks.graded_tests(self.nb)
        self.test_index = notebooks.graded_test_indices(self.nb)
        self._pristine = copy.deepcopy(self.nb)
        self.client = NotebookClient(
            self.nb,
            timeout=timeout,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(workdir)}},
        )
        self._context = None
        self.source_run: Graded | None = None

    def __enter__(self) -> LabKernel:
        self._context = self.client.setup_kernel(env=grading_env())
        self._context.__enter__()
        for index, cell in enumerate(self.nb.cells):
            if cell.cell_type == "code":
                self.client.execute_cell(cell, index)
        self._source_cells = copy.deepcopy(self.nb.cells)
        self.source_run = self._collect(self._source_cells, {})
        return self

    def affected_tests(self, replaced: list[str]) -> list[str]:
        """Test cells that can reach any of the ``replaced`` names (see the module doc)."""
        return affected_tests(self._pristine.cells, self.test_index, replaced)

    def __exit__(self, *exc) -> None:
        if self._context is not None:
            self._context.__exit__(*exc)
            self._context = None

    def _run(self, code: str, index: int) -> nbformat.NotebookNode:
        cell = nbformat.v4.new_code_cell(code)
        self.client.execute_cell(cell, index)
        return cell

    def grade(self, solutions: dict[str, str], every_test: bool = False) -> Graded:
        """Scores of the submission whose solution cells ``solutions`` replace the source's."""
        unknown = set(solutions) - set(self.solutions)
        if unknown:
            raise KeyError(f"{self.lab} has no solution cell(s) {sorted(unknown)}")
        names = [
            n
            for gid in solutions
            for n in _defined_names(self._pristine.cells[self.solutions[gid]].source)
        ]
        self._run(f"for _name in {names!r}:\n    globals().pop(_name, None)\ndel _name", 0)
        solution_errors = {}
        for grade_id, code in solutions.items():
            ran = self._run(code, self.solutions[grade_id])
            if cell_error(ran):
                solution_errors[grade_id] = cell_error(ran)
        cells = copy.deepcopy(self._source_cells)
        rerun = list(self.test_index) if every_test else self.affected_tests(names)
        for grade_id in rerun:
            index = self.test_index[grade_id]
            cells[index] = copy.deepcopy(self._pristine.cells[index])
            cells[index].outputs = []
            self.client.execute_cell(cells[index], index)
        graded = self._collect(cells, solution_errors)
        for grade_id in solutions:
            self._run(
                self._pristine.cells[self.solutions[grade_id]].source, self.solutions[grade_id]
            )
        return graded

    def _collect(self, cells, solution_errors: dict[str, str]) -> Graded:
        graded = Graded(scores={}, solution_errors=solution_errors)
        for grade_id, index in self.test_index.items():
            cell = cells[index]
            graded.scores[grade_id] = float(determine_grade(cell)[0])
            if cell_error(cell):
                graded.errors[grade_id] = cell_error(cell)
            if cell_stderr(cell):
                graded.stderr[grade_id] = cell_stderr(cell)
        return graded
