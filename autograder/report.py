"""Class statistics as PNG plots, and the list of submissions an instructor must look at.

``grading/report/``: ``scores_<lab>.png`` (histogram of lab scores), ``pass_rate.png`` (share of
students with full points, per test), ``hardest.png`` (the tests the fewest students pass) and
``report.md`` (every student-lab that crashed, timed out, was unreadable or is flagged for manual
review, with the reason).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from autograder.course import Course
from autograder.export import table
from autograder.journal import Journal


def _figures(columns, maximum, rows, labs, folder: Path) -> list[Path]:
    from cnnlab import plots
    from cnnlab._style import HIGHLIGHT, new_figure, style

    written = []
    tests = [c for c in columns if "/" in c]
    with style():
        for lab in labs:
            fig = new_figure(5, 3)
            ax = fig.add_subplot()
            scores = [row[lab] for row in rows]
            ax.hist(scores, bins=np.linspace(0, maximum[lab] or 1, 11), edgecolor="white")
            ax.set(title=f"{lab}: scores of {len(rows)} students", xlabel="points",
                   ylabel="students")
            written.append(plots.save(fig, folder / f"scores_{lab}.png"))
        rates = {t: np.mean([row[t] >= maximum[t] for row in rows]) if rows else 0.0
                 for t in tests}
        fig = new_figure(6, 0.3 * len(tests) + 1)
        ax = fig.add_subplot()
        ax.barh(tests[::-1], [100 * rates[t] for t in tests[::-1]])
        ax.set(xlim=(0, 100), xlabel="students with full points (%)", title="pass rate per test")
        written.append(plots.save(fig, folder / "pass_rate.png"))
        hardest = sorted(tests, key=lambda t: rates[t])[:10]
        fig = new_figure(6, 0.3 * len(hardest) + 1)
        ax = fig.add_subplot()
        ax.barh(hardest[::-1], [100 * (1 - rates[t]) for t in hardest[::-1]], color=HIGHLIGHT)
        ax.set(xlim=(0, 100), xlabel="students without full points (%)",
               title="the tasks students struggle with most")
        written.append(plots.save(fig, folder / "hardest.png"))
    return written


def problems(course: Course, labs: list[str]) -> list[str]:
    """One markdown line per student-lab that needs an instructor's eyes, with the reason."""
    lines = []
    for entry in Journal(course.grading_dir / "journal").entries():
        if entry["lab"] not in labs:
            continue
        why = []
        if entry["status"] != "ok":
            why.append(f"{entry['status']}: {(entry.get('reason') or '').splitlines()[0]}")
        why += entry.get("notes", [])
        why += entry.get("flags", [])
        if why:
            tag = " **manual review**" if entry.get("review") else ""
            lines.append(f"- {entry['student']} / {entry['lab']}{tag}: " + "; ".join(why))
    return lines


def report(course: Course, labs: list[str], folder: str | Path | None = None) -> list[Path]:
    """Write the plots and ``report.md``; return the paths written."""
    target = Path(folder) if folder else course.grading_dir / "report"
    target.mkdir(parents=True, exist_ok=True)
    columns, maximum, rows = table(course, labs)
    written = _figures(columns, maximum, rows, labs, target)
    means = [f"- {lab}: mean {np.mean([r[lab] for r in rows]) if rows else 0:.2f} of "
             f"{maximum[lab]:g} points ({len(rows)} students)" for lab in labs]
    issues = problems(course, labs)
    text = ["# Grading report", "", *means, "", "## Submissions to look at", "",
            *(issues or ["None: every submission ran and none was flagged."]), "",
            *[f"![{p.stem}]({p.name})" for p in written], ""]
    md = target / "report.md"
    md.write_text("\n".join(text))
    return [*written, md]
