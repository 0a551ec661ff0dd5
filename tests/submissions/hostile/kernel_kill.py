"""The kernel kills itself with SIGKILL (a crash): graded 0 with the reason."""

EXPECT = {"status": "crashed", "points": "zero", "why": "kernel died", "review": False}
CODE = "import os\nimport signal\nos.kill(os.getpid(), signal.SIGKILL)\n"
