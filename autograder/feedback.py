"""HTML feedback per student with nbgrader's ``GenerateFeedback``, hidden tests kept hidden.

nbgrader's feedback shows every test cell as it ran, hidden tests included (nbgrader #917).
``HideHiddenTests`` removes the ``### BEGIN HIDDEN TESTS`` regions from the test cells and cuts
the traceback of a failing test down to its message, so a student reads what was wrong
("conv2d must add the bias per filter") without the hidden test's code. A student-lab that could
not be graded (crash, timeout, unreadable notebook) gets a short page that says why.
"""

from __future__ import annotations

import html

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

from autograder.course import Course
from autograder.journal import Journal


class HideHiddenTests(ClearHiddenTests):
    """Drop hidden-test code from test cells; keep only the failure message of their errors.

    Only the instructor's test cells are touched: a student's cell that happens to hold the
    text ``BEGIN HIDDEN TESTS`` (nbgrader would fail on its unmatched marker and write no
    feedback for that student) is shown as the student wrote it.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code" or not utils.is_grade(cell) or utils.is_solution(cell):
            return cell, resources
        hidden = self._remove_hidden_test_region(cell)
        if hidden and utils.is_grade(cell):
            for output in cell.outputs:
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


# Outputs wrap in the page: a failure message is one long line (its diagnosis and hint would sit
# far to the right of the box, off-screen), and nbconvert's page does not wrap them.
WRAP_CSS = ("<style>div.output_area pre, div.output_subarea pre, div.output_text pre "
            "{ white-space: pre-wrap; overflow-wrap: anywhere; }</style>")


def _wrap_long_lines(folder) -> None:
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        if WRAP_CSS not in text:
            page.write_text(text.replace("</head>", WRAP_CSS + "\n</head>", 1), encoding="utf-8")


def _placeholder(course: Course, lab: str, student: str, entry: dict | None) -> None:
    why = (entry or {}).get("reason") or "; ".join((entry or {}).get("notes", [])) \
        or "no graded notebook was found"
    folder = course.dir("feedback") / student / lab
    folder.mkdir(parents=True, exist_ok=True)
    for name in course.notebooks(lab):
        (folder / f"{name}.html").write_text(
            f"<html><body><h1>{html.escape(lab)}: {html.escape(name)}</h1>"
            f"<p>Your submission could not be graded automatically and scored 0:</p>"
            f"<pre>{html.escape(why.splitlines()[0] if why else '')}</pre>"
            "<p>Run the notebook from top to bottom (Kernel, Restart and run all) and "
            "<em>Validate</em> it before submitting again.</p></body></html>\n")


def generate(course: Course, labs: list[str], students: list[str] | None = None) -> list[str]:
    """Write ``feedback/<student>/<lab>/<notebook>.html``; return 'student/lab' written."""
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory

    journal = Journal(course.grading_dir / "journal")
    written = []
    for lab in labs:
        for student in students or course.students(lab):
            graded = course.dir("autograded") / student / lab
            if not any(graded.glob("*.ipynb")):
                _placeholder(course, lab, student, journal.get(lab, student))
                written.append(f"{student}/{lab}")
                continue
            cfg = course.config()
            cfg.CourseDirectory.assignment_id = lab
            cfg.CourseDirectory.student_id = student
            cfg.GenerateFeedback.preprocessors = [HideHiddenTests, GetGrades,
                                                  CSSHTMLHeaderPreprocessor]
            cfg.HideHiddenTests.enforce_metadata = False
            cfg.GenerateFeedback.force = True
            converter = GenerateFeedback(coursedir=CourseDirectory(config=cfg), config=cfg)
            try:
                converter.start()
                _wrap_long_lines(course.dir("feedback") / student / lab)
            except Exception:  # one broken notebook must not stop the others (#1941)
                _placeholder(course, lab, student, journal.get(lab, student))
            written.append(f"{student}/{lab}")
    return written
