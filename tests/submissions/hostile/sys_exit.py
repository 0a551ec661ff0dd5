"""sys.exit() in a solution cell: IPython catches SystemExit; the function is never defined."""

EXPECT = {"status": "ok", "points": "partial", "why": "sys.exit", "review": False}
CODE = "import sys\nsys.exit(3)\n"
