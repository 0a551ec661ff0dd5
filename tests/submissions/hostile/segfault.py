"""A ctypes segfault in the kernel: graded 0; ctypes use is flagged for review."""

EXPECT = {"status": "crashed", "points": "zero", "why": "kernel died", "review": True}
CODE = "import ctypes\nctypes.string_at(0)\n"
