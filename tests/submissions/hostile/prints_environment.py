"""Prints the kernel's whole environment into the notebook: the grader's secrets are not there."""

EXPECT = {"status": "ok", "points": "full", "why": "", "review": False}
CODE = "import os\nprint('environment:', sorted(os.environ.items()))\n"
