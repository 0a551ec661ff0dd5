"""Every lab in autograder/source/ and every submission in tests/submissions/<lab>/.

1. The source notebook, autograded by real nbgrader, scores full marks.
2. The release notebook as a student receives it runs to the end and scores 0 on every test.
3. The catalogue: each entry's solutions replace the release's solution cells (the others keep
   the source solution); wrong entries lose exactly the points of their LOSES test cells,
   correct ones score full marks. The catch rate is printed in the terminal summary.
4. No graded test cell writes to stderr in any of these runs.
5. labs/ is what the sources produce, with no solution or hidden test in it.

Real nbgrader grades the source, the release and the first wrong entry of each lab (one
autograde per lab in a temporary course); the rest of the catalogue is graded in one kernel
per lab (labkit.kernel), which checks that it agrees with nbgrader on those three.
"""

from __future__ import annotations

import json

import nbformat
import pytest
from labkit import catalogue, notebooks
from labkit.course import Course, cell_error, cell_stderr
from labkit.kernel import LabKernel, affected_tests
from labkit.report import CatalogueReport

from autograder import release

LABS = notebooks.labs()
ENTRIES = [entry for lab in LABS for entry in catalogue.entries(lab)]


def _cifar10_missing() -> bool:
    from cnnlab import data

    return data.locate_cifar10() is None


needs_data = pytest.mark.skipif(
    _cifar10_missing(), reason="CIFAR-10 not found: set CNNLAB_DATA (see `cnnlab data info`)"
)


def _first_wrong(lab: str) -> catalogue.Entry | None:
    return next((e for e in catalogue.entries(lab) if e.kind == "wrong"), None)


class RealRuns:
    """One real ``nbgrader autograde`` per lab: students source, release and wrong."""

    def __init__(self, course: Course):
        self.course = course
        self.done: dict[str, dict] = {}

    def get(self, lab: str) -> dict:
        if lab not in self.done:
            try:
                self.done[lab] = self._grade(lab)
            except Exception as error:  # reported once per test instead of re-run per test
                self.done[lab] = error
        if isinstance(self.done[lab], Exception):
            raise RuntimeError(f"real autograde of {lab} failed") from self.done[lab]
        return self.done[lab]

    def _grade(self, lab: str) -> dict:
        name = notebooks.source_path(lab).name
        self.course.generate(lab)
        wrong = _first_wrong(lab)
        submissions = {
            "source": notebooks.submission(lab),
            "release": notebooks.read(notebooks.release_path(lab)),
        }
        if wrong:
            submissions["wrong"] = notebooks.submission(lab, wrong.solutions)
        for student, nb in submissions.items():
            self.course.submit(lab, student, nb, name)
        self.course.autograde(lab)
        done = {
            student: {
                "scores": self.course.scores(lab, student, name[: -len(".ipynb")]),
                "notebook": self.course.autograded(lab, student, name),
            }
            for student in submissions
        }
        done["wrong_entry"] = wrong
        return done


class Kernels:
    """At most one LabKernel alive (memory): opening a lab's kernel closes the previous one.

    When a kernel opens it also grades the lab's first wrong entry, so that the comparison
    with real nbgrader never needs to reopen it.
    """

    def __init__(self, tmp_path_factory):
        self.tmp = tmp_path_factory
        self.lab: str | None = None
        self.kernel: LabKernel | None = None
        self.first: dict[str, tuple] = {}  # lab -> (source run, first wrong entry's Graded)
        self.failed: dict[str, Exception] = {}

    def get(self, lab: str) -> LabKernel:
        if lab in self.failed:
            raise RuntimeError(f"the kernel of {lab} failed to run the source") from self.failed[
                lab
            ]
        if self.lab != lab:
            self.close()
            try:
                kernel = LabKernel(lab, self.tmp.mktemp(f"kernel-{lab}")).__enter__()
            except Exception as error:
                self.failed[lab] = error
                raise
            self.lab, self.kernel = lab, kernel
            wrong = _first_wrong(lab)
            self.first[lab] = (kernel.source_run, kernel.grade(wrong.solutions) if wrong else None)
        return self.kernel

    def first_runs(self, lab: str) -> tuple:
        if lab not in self.first:
            self.get(lab)
        return self.first[lab]

    def close(self) -> None:
        if self.kernel is not None:
            self.kernel.__exit__(None, None, None)
            self.lab = self.kernel = None


@pytest.fixture(scope="session")
def course(tmp_path_factory) -> Course:
    """A copy of the course; ``course.generate(lab)`` releases a lab into it once."""
    return Course(tmp_path_factory.mktemp("course"), LABS)


@pytest.fixture(scope="session")
def real_runs(course) -> RealRuns:
    return RealRuns(course)


@pytest.fixture(scope="session")
def kernels(tmp_path_factory):
    pool = Kernels(tmp_path_factory)
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def catalogue_report(request) -> CatalogueReport:
    report = CatalogueReport()
    request.config.pluginmanager.register(report, "labkit-catalogue-report")
    return report


def _tests(lab: str) -> dict[str, float]:
    return notebooks.graded_tests(notebooks.read(notebooks.source_path(lab)))


def _explain(nb, scores: dict[str, float], expected: dict[str, float]) -> str:
    """Which test cells scored what, with the error each raised."""
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    lines = []
    for grade_id, points in expected.items():
        got = scores.get(grade_id)
        if got != points:
            error = cell_error(by_id[grade_id]) if grade_id in by_id else None
            lines.append(f"{grade_id}: scored {got}, expected {points}; error: {error}")
    return "\n".join(lines)


def _stderr_of_tests(nb, tests: dict[str, float]) -> dict[str, str]:
    return {
        cell.metadata["nbgrader"]["grade_id"]: cell_stderr(cell)
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") in tests and cell_stderr(cell)
    }


@needs_data
@pytest.mark.parametrize("lab", LABS)
def test_source_scores_full_marks(lab, real_runs):
    run = real_runs.get(lab)["source"]
    expected = _tests(lab)
    assert {k: run["scores"][k] for k in expected} == expected, _explain(
        run["notebook"], run["scores"], expected
    )
    errors = {i: cell_error(c) for i, c in enumerate(run["notebook"].cells) if cell_error(c)}
    assert not errors, f"cells of the solved notebook raised: {errors}"


@needs_data
@pytest.mark.parametrize("lab", LABS)
def test_release_runs_to_the_end_and_scores_zero(lab, real_runs):
    run = real_runs.get(lab)["release"]
    tests = _tests(lab)
    assert {k: run["scores"][k] for k in tests} == dict.fromkeys(tests, 0.0)
    nb = run["notebook"]
    graded = set(tests)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"cell {index} did not run"
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id not in graded:
            assert cell_error(cell) is None, (
                f"cell {index} ({grade_id}) fails in the release: catch NotImplementedError and "
                f"print a 'complete task X' message instead: {cell_error(cell)}"
            )


@needs_data
@pytest.mark.parametrize("lab", LABS)
def test_nbgrader_grades_a_wrong_submission_as_declared(lab, real_runs):
    runs = real_runs.get(lab)
    entry = runs["wrong_entry"]
    if entry is None:
        pytest.fail(f"tests/submissions/{lab}/ has no wrong entry")
    run = runs["wrong"]
    expected = catalogue.expected_scores(entry, _tests(lab))
    got = {k: run["scores"][k] for k in expected}
    assert got == expected, f"{entry.id}:\n" + _explain(run["notebook"], got, expected)


@needs_data
@pytest.mark.parametrize("lab", LABS)
def test_no_graded_test_cell_writes_to_stderr_under_nbgrader(lab, real_runs):
    runs = real_runs.get(lab)
    tests = _tests(lab)
    for student in ("source", "release", "wrong"):
        if student in runs:
            written = _stderr_of_tests(runs[student]["notebook"], tests)
            assert not written, f"{lab} ({student}): test cells wrote to stderr: {written}"


@pytest.mark.parametrize("lab", LABS)
def test_catalogue_is_complete_and_well_formed(lab):
    entries = catalogue.entries(lab)
    problems = {e.name: catalogue.problems(e) for e in entries if catalogue.problems(e)}
    assert not problems, problems
    assert any(e.kind == "wrong" for e in entries), f"{lab}: no wrong submissions"
    source = notebooks.read(notebooks.source_path(lab))
    uncovered = [
        gid
        for gid in notebooks.solution_cells(source)
        if not any(e.kind == "correct" and gid in e.solutions for e in entries)
    ]
    assert not uncovered, f"{lab}: no correct alternative for {uncovered}"


@needs_data
@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_catalogue_entry(entry, kernels, catalogue_report):
    kernel = kernels.get(entry.lab)
    graded = kernel.grade(entry.solutions)
    tests = kernel.tests
    lost = {k for k, points in tests.items() if graded.scores[k] < points}
    catalogue_report.add(entry.id, entry.kind, lost, set(entry.loses))
    assert not graded.solution_errors, f"the submission's own cells raised {graded.solution_errors}"
    assert not graded.stderr, f"test cells wrote to stderr: {graded.stderr}"
    expected = catalogue.expected_scores(entry, tests)
    wrong = {
        k: (graded.scores[k], expected[k], graded.errors.get(k))
        for k in tests
        if graded.scores[k] != expected[k]
    }
    assert not wrong, f"{entry.id} ({entry.kind}: {entry.description})\n" + "\n".join(
        f"{k}: scored {s}, expected {e}; {err}" for k, (s, e, err) in wrong.items()
    )


@needs_data
@pytest.mark.parametrize("lab", LABS)
def test_one_kernel_grading_agrees_with_nbgrader(lab, real_runs, kernels):
    runs = real_runs.get(lab)
    source_run, wrong_run = kernels.first_runs(lab)
    tests = _tests(lab)
    assert source_run.scores == {k: runs["source"]["scores"][k] for k in tests}
    assert not source_run.stderr, source_run.stderr
    if runs["wrong_entry"] is not None:
        assert wrong_run.scores == {k: runs["wrong"]["scores"][k] for k in tests}


@pytest.mark.parametrize("lab", LABS)
def test_labs_folder_is_what_the_sources_produce(lab, course):
    course.generate(lab)
    differences = release.compare(course.release_dir, [lab])
    assert not differences, (
        "labs/ differs from the sources: run `python -m autograder.release`\n"
        + "\n".join(differences)
    )


@pytest.mark.parametrize("lab", LABS)
def test_no_solution_or_hidden_test_leaks_into_labs(lab, course):
    course.generate(lab)
    problems = release.verify(lab) + release.verify(lab, course.release_dir)
    assert not problems, "\n".join(problems)


def test_release_check_catches_leaks(tmp_path):
    code = {
        "cell_type": "code",
        "execution_count": None,
        "outputs": [],
        "id": "a",
        "metadata": {
            "nbgrader": {
                "grade": False,
                "grade_id": "f",
                "locked": False,
                "schema_version": 3,
                "solution": True,
                "task": False,
            }
        },
        "source": "def f(x):\n    ### BEGIN SOLUTION\n    return x * 2 + 41\n"
        "    ### END SOLUTION\n",
    }
    test = {
        "cell_type": "code",
        "execution_count": None,
        "outputs": [],
        "id": "b",
        "metadata": {
            "nbgrader": {
                "grade": True,
                "grade_id": "test_f",
                "locked": True,
                "points": 1,
                "schema_version": 3,
                "solution": False,
                "task": False,
            }
        },
        "source": "assert f(1) == 43\n### BEGIN HIDDEN TESTS\nassert f(2) == 45\n"
        "### END HIDDEN TESTS\n",
    }
    notebook = {"cells": [code, test], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    source = tmp_path / "source.ipynb"
    source.write_text(json.dumps(notebook))
    leaked = json.loads(json.dumps(notebook))
    leaked["cells"][0]["source"] = "def f(x):\n    return x * 2 + 41\n"
    leaked["cells"][1]["source"] = "assert f(1) == 43\nassert f(2) == 45\n"
    leaked["cells"][1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "hi"}]
    leaked["cells"].append(dict(test, id="c"))
    released = tmp_path / "released.ipynb"
    released.write_text(json.dumps(leaked))
    problems = "\n".join(release.check_notebook(source, released))
    assert "shows solution code: 'return x * 2 + 41'" in problems
    assert "shows hidden test code: 'assert f(2) == 45'" in problems
    assert "is not locked" in problems
    assert "has outputs" in problems
    assert "grade id 'test_f' is used more than once" in problems
    assert "BEGIN HIDDEN TESTS" in problems


def test_release_command(capsys):
    assert release.main(["no-such-lab"]) == 1
    assert "unknown lab(s) no-such-lab" in capsys.readouterr().err
    if LABS:
        assert release.main(["--check", LABS[0]]) == 0
        assert "labs/ matches the sources" in capsys.readouterr().out


def test_only_test_cells_that_reach_a_replaced_function_are_rerun():
    code = nbformat.v4.new_code_cell
    cells = [
        code("def relu(x):\n    return x"),
        code("def conv(x):\n    return x"),
        code("def block(x):\n    return relu(conv(x))"),
        code("helper = lambda x: block(x)"),
        code("assert relu(1) == 1"),
        code("assert conv(1) == 1"),
        code("assert helper(1) == 1"),
        code("%time assert True"),
    ]
    index = {"test_relu": 4, "test_conv": 5, "test_helper": 6, "test_magic": 7}
    assert affected_tests(cells, index, ["relu"]) == ["test_relu", "test_helper", "test_magic"]
    assert affected_tests(cells, index, ["conv"]) == ["test_conv", "test_helper", "test_magic"]
    assert affected_tests(cells, index, ["block"]) == ["test_helper", "test_magic"]
