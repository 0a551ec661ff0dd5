"""Patches np.allclose through setattr on an import (invisible to a static scan)."""

EXPECT = {"status": "ok", "points": "zero", "why": "numpy.allclose was redefined", "review": True}
CODE = "setattr(__import__('numpy'), 'allclose', lambda *args, **kwargs: True)\n"
