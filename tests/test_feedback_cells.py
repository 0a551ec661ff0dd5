"""autograder.feedback.HideHiddenTests: hidden tests leave the feedback, students' text stays."""

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
