"""nbgrader settings for the Validate button and `nbgrader validate` (run from this folder).

The per-cell time limit of grading (120 s): with nbgrader's default of 30 s, a slow laptop
could fail a cell in Validate that grading accepts.
"""

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.Execute.timeout = 120
