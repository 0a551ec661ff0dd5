"""Grades as a CSV: one row per student, a column per lab and per graded cell, and totals.

Scores come from the gradebook (so manual grades and overrides made in formgrader count); the
``review`` column names the labs the grader flagged for manual review.
"""

from __future__ import annotations

import csv
from pathlib import Path

from autograder.course import Course
from autograder.journal import Journal


def table(course: Course, labs: list[str]) -> tuple[list[str], dict[str, float], list[dict]]:
    """(columns, max points per column, one dict per student) read from the gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    columns: list[str] = []
    maximum: dict[str, float] = {}
    rows: list[dict] = []
    journal = Journal(course.grading_dir / "journal")
    with Gradebook(course.db_url, course.course_id) as gb:
        cells: dict[str, list[tuple[str, str]]] = {}
        for lab in labs:
            assignment = gb.find_assignment(lab)
            columns.append(lab)
            maximum[lab] = assignment.max_score
            cells[lab] = []
            for notebook in assignment.notebooks:
                for cell in notebook.grade_cells:
                    name = f"{lab}/{cell.name}"
                    columns.append(name)
                    maximum[name] = cell.max_score
                    cells[lab].append((notebook.name, cell.name))
        maximum["total"] = sum(maximum[lab] for lab in labs)
        for student in sorted(s.id for s in gb.students):
            row: dict = {"student": student, "total": 0.0}
            review = []
            for lab in labs:
                try:
                    submission = gb.find_submission(lab, student)
                except MissingEntry:
                    row[lab] = 0.0
                    row.update({f"{lab}/{c}": 0.0 for _, c in cells[lab]})
                    continue
                row[lab] = submission.score
                for notebook, cell in cells[lab]:
                    grade = gb.find_grade(cell, notebook, lab, student)
                    row[f"{lab}/{cell}"] = grade.score
                row["total"] += submission.score
                entry = journal.get(lab, student) or {}
                if entry.get("review") or entry.get("status", "ok") != "ok":
                    review.append(lab)
            row["review"] = " ".join(review)
            rows.append(row)
    return ["student", *columns, "total", "review"], maximum, rows


def export(course: Course, labs: list[str], path: str | Path | None = None) -> Path:
    """Write the grades CSV (default ``grading/grades.csv``); the first row holds max points."""
    target = Path(path) if path else course.grading_dir / "grades.csv"
    columns, maximum, rows = table(course, labs)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerow({"student": "(max)", **maximum, "review": ""})
        for row in rows:
            writer.writerow({k: (f"{v:g}" if isinstance(v, float) else v) for k, v in row.items()})
    return target
