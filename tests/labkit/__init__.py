"""Test machinery shared by every lab (tests/test_labs.py) and the grader's tests.

A lab takes part by existing: ``autograder/source/<lab>/<notebook>.ipynb`` is discovered, and
so is every ``tests/submissions/<lab>/<entry>.py`` (format in ``labkit.catalogue``).

- ``labkit.notebooks``: ``labs()``, ``source_path(lab)``, ``release_path(lab)``, ``read(path)``,
  ``solution_cells(nb)`` ``{grade_id: index}``, ``graded_tests(nb)`` ``{grade_id: points}``,
  ``graded_test_indices(nb)``, ``submission(lab, solutions=None)`` (release notebook with the
  source's solutions, or the given ones, in its solution cells).
- ``labkit.catalogue``: ``Entry``, ``entries(lab)``, ``problems(entry)``,
  ``expected_scores(entry, tests)``.
- ``labkit.course``: ``Course(root, labs)`` a temporary copy of the nbgrader course with
  ``generate(lab)``, ``submit(lab, student, nb, name)``, ``autograde(lab)`` (real nbgrader),
  ``scores(lab, student, notebook_id)``, ``autograded(lab, student, name)``; ``cell_error``,
  ``cell_stderr``, ``grading_env``.
- ``labkit.kernel``: ``LabKernel(lab, workdir)``, a context manager that runs the source under
  autograde conditions once, then ``grade(solutions) -> Graded`` per submission in the same
  kernel, scored with nbgrader's ``determine_grade``.
- ``labkit.report``: ``CatalogueReport``, the catch-rate lines of the terminal summary.
"""
