"""nbgrader configuration of the cnnlab course (instructor side).

The course root is this folder: sources with solutions and hidden tests in ``source/<lab>/``,
the student versions that ``generate_assignment`` writes in ``../labs/<lab>/`` (committed without
outputs), the gradebook in ``gradebook.db`` and nbgrader's ``submitted/``, ``autograded/`` and
``feedback/`` folders beside it (all git-ignored). Run nbgrader from this folder, or use
``python -m autograder.release``.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "cnnlab"
c.CourseDirectory.root = HERE
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "../labs"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db")
# Only the notebooks are released: no checkpoints, caches or generated pictures.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.png", "*.npz"]

# Every graded notebook runs in under 30 s under autograde; a cell that hangs is stopped.
c.ExecutePreprocessor.timeout = 120
c.Execute.timeout = 120

# Releases are deterministic: no outputs, no execution counts, student-facing stubs.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearOutput.remove_metadata_fields = ["collapsed", "scrolled", "execution", "ExecuteTime"]
