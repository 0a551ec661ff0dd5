"""os._exit() in a solution cell: the kernel dies; the notebook scores 0 with the reason."""

EXPECT = {"status": "crashed", "points": "zero", "why": "kernel died", "review": False}
CODE = "import os\nos._exit(0)\n"
