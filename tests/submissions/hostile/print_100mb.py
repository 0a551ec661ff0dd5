"""Printing 100 MB: outputs are capped, the tests still run and score."""

EXPECT = {"status": "ok", "points": "full", "why": "truncated", "review": False}
CODE = "print('x' * 100_000_000)\n"
