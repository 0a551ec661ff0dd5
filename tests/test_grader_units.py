"""Units of the grader: feedback hides hidden tests only, merge survives a corrupt job output."""

import nbformat
from nbformat.v4 import new_code_cell, new_notebook, new_output

from autograder.feedback import HideHiddenTests


def _cell(source, **nbgrader):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade_id": nbgrader.pop("grade_id"),
                                 "locked": False, "task": False, **nbgrader}
    return cell


def test_a_student_cell_with_the_marker_text_is_kept_and_tests_still_lose_their_hidden_part():
    student = _cell("def f(x):\n    # ### BEGIN HIDDEN TESTS (a student's joke)\n    return x\n",
                    grade_id="f", solution=True, grade=False)
    test = _cell("assert f(1) == 1\n### BEGIN HIDDEN TESTS\nassert f(2) == 3\n"
                 "### END HIDDEN TESTS\n", grade_id="test_f", solution=False, grade=True,
                 points=1)
    test.outputs = [new_output("error", ename="AssertionError", evalue="f(2) is wrong",
                               traceback=["long traceback with assert f(2) == 3"])]
    notebook = new_notebook(cells=[student, test])
    done, _ = HideHiddenTests(enforce_metadata=False).preprocess(notebook, {})
    assert done.cells[0].source == student.source  # no error on its unmatched marker
    assert "f(2) == 3" not in done.cells[1].source and "assert f(1) == 1" in done.cells[1].source
    assert done.cells[1].outputs[0].traceback == ["AssertionError: f(2) is wrong"]
    nbformat.validate(done)


def test_merge_scores_a_corrupt_graded_notebook_zero_and_goes_on(tmp_path):
    import graderkit as gk
    from nbgrader.api import Gradebook

    from autograder.grade import merge

    course = gk.make_course(tmp_path / "course")
    gk.submit(course.dir("submitted") / "eve" / "lab01", gk.fill(gk.released(course),
                                                                 gk.SOLUTIONS))
    result = {"lab": "lab01", "student": "eve", "status": "ok", "notes": [],
              "files": {"lab01_tiny.ipynb": b'{"cells": []}{"forged": true}'}}
    entry = merge(course, result)
    assert any("could not be read" in note for note in entry["notes"])
    with Gradebook(course.db_url, course.course_id) as gb:
        assert gb.find_submission("lab01", "eve").score == 0
