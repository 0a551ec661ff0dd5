"""Patches builtins (AssertionError, abs) behind the tests' back."""

EXPECT = {"status": "ok", "points": "zero", "why": "builtins.AssertionError was redefined",
          "review": True}
CODE = ("import builtins\n"
        "builtins.AssertionError = type('AssertionError', (Exception,), {})\n"
        "builtins.abs = lambda x: 0\n")
