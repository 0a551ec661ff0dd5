"""Replaces cnnlab.checks' functions with ones that never fail."""

EXPECT = {"status": "ok", "points": "zero", "why": "cnnlab.checks.check_close was redefined",
          "review": True}
CODE = ("import cnnlab.checks as _c\n"
        "for _name in ('check_close', 'check_equal', 'check_shape', 'check_dtype'):\n"
        "    setattr(_c, _name, lambda *args, **kwargs: None)\n")
