"""An infinite loop in a solution cell: stopped at the per-cell limit, the rest still runs."""

EXPECT = {"status": "ok", "points": "partial", "why": "per-cell time limit", "review": False}
CODE = "while True:\n    pass\n"
