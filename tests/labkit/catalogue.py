"""The submissions catalogue: ``tests/submissions/<lab>/<entry>.py``, one submission per file.

Each file holds a docstring (one line: the mistake or the alternative), ``KIND`` ("wrong" or
"correct"), ``LOSES`` (the test cells whose points a wrong entry must lose; empty for correct
ones) and ``SOLUTIONS`` (``{grade_id: code}`` replacing those solution cells).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from labkit import notebooks

SUBMISSIONS_DIR = Path(__file__).resolve().parents[1] / "submissions"


@dataclass(frozen=True)
class Entry:
    lab: str
    name: str
    path: Path
    description: str
    kind: str  # "wrong" or "correct"
    loses: tuple[str, ...]
    solutions: dict[str, str]

    @property
    def id(self) -> str:
        return f"{self.lab}/{self.name}"


def entries(lab: str) -> list[Entry]:
    """Every catalogue entry of ``lab``, sorted by file name (without running their code)."""
    folder = SUBMISSIONS_DIR / lab
    if not folder.is_dir():
        return []
    return [load(lab, path) for path in sorted(folder.glob("*.py")) if path.name[0] != "_"]


def load(lab: str, path: Path) -> Entry:
    """Read one entry's constants with ``ast`` (the file's code never runs in the test process)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("KIND", "LOSES", "SOLUTIONS"):
                values[target.id] = ast.literal_eval(node.value)
    missing = {"KIND", "SOLUTIONS"} - set(values)
    if missing:
        raise ValueError(f"{path}: missing {sorted(missing)}")
    return Entry(
        lab=lab,
        name=path.stem,
        path=path,
        description=(ast.get_docstring(tree) or "").strip(),
        kind=values["KIND"],
        loses=tuple(values.get("LOSES", ())),
        solutions=dict(values["SOLUTIONS"]),
    )


def problems(entry: Entry) -> list[str]:
    """What is malformed in an entry, checked against its lab's source notebook."""
    source = notebooks.read(notebooks.source_path(entry.lab))
    tests = notebooks.graded_tests(source)
    found = []
    if not entry.description:
        found.append("no docstring describing the mistake or alternative")
    if entry.kind not in ("wrong", "correct"):
        found.append(f"KIND must be 'wrong' or 'correct', not {entry.kind!r}")
    if entry.kind == "wrong" and not entry.loses:
        found.append("a wrong entry must list the test cells it LOSES")
    if entry.kind == "correct" and entry.loses:
        found.append("a correct entry must not LOSE any test cell")
    unknown = sorted(set(entry.loses) - set(tests))
    if unknown:
        found.append(f"LOSES names unknown test cells {unknown}")
    unknown = sorted(set(entry.solutions) - set(notebooks.solution_cells(source)))
    if unknown:
        found.append(f"SOLUTIONS names unknown solution cells {unknown}")
    if not entry.solutions:
        found.append("SOLUTIONS is empty")
    for grade_id, code in entry.solutions.items():
        try:
            compile(code, f"{entry.path}:{grade_id}", "exec")
        except SyntaxError as error:
            found.append(f"SOLUTIONS[{grade_id!r}] is not valid Python: {error}")
    return found


def expected_scores(entry: Entry | None, tests: dict[str, float]) -> dict[str, float]:
    """``{test grade_id: points expected}``: full marks except the entry's LOSES cells."""
    loses = set(entry.loses) if entry else set()
    return {grade_id: (0.0 if grade_id in loses else points) for grade_id, points in tests.items()}
