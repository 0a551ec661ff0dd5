"""Probe a cnnlab module for a hidden answer key (used by tests/test_demos.py, test_plots.py).

Students can import anything in cnnlab, so no function, class, method or attribute there may
compute a graded lab function's full output for an arbitrary input. ``answer_keys`` calls every
callable that a module defines (public or private, module-level functions, classes and their
methods, on the instances it manages to build) with the given argument lists and reports each
one whose result (or the attribute of a returned object) is an array of the forbidden shape.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import Any

import numpy as np


def _own_members(module: ModuleType) -> list[tuple[str, Any]]:
    return [(name, obj) for name, obj in sorted(vars(module).items())
            if (inspect.isfunction(obj) or inspect.isclass(obj))
            and getattr(obj, "__module__", None) == module.__name__]


def _call(func: Any, args: Sequence[Any]) -> tuple[bool, Any]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = func(*args)
    except Exception:  # most argument lists do not fit: that is the point of trying many
        return False, None
    if hasattr(result, "_draw_was_started"):  # a matplotlib animation: never to be rendered,
        result._draw_was_started = True  # so no "deleted without rendering" warning
    return True, result


def _leaks(value: Any, shape: tuple[int, ...], depth: int = 0) -> list[str]:
    """Where ``value`` holds an array of ``shape``: itself, or one of its attributes."""
    if isinstance(value, np.ndarray) or (
        isinstance(value, (list, tuple)) and value and not isinstance(value[0], str)
    ):
        try:
            if np.asarray(value, dtype=float).shape == shape:
                return ["the returned value"]
        except (TypeError, ValueError):
            pass
        return []
    if depth > 0 or not hasattr(value, "__dict__") or inspect.isroutine(value):
        return []
    return [f"attribute {name!r}" for name, attr in vars(value).items()
            if _leaks(attr, shape, depth + 1)]


def answer_keys(
    modules: Iterable[ModuleType],
    arg_lists: Sequence[Sequence[Any]],
    method_arg_lists: Sequence[Sequence[Any]],
    shapes: Iterable[tuple[int, ...]],
) -> tuple[list[str], int]:
    """``(leaks, n_calls_that_ran)``: every callable found returning (or holding) an array of
    one of ``shapes``, and how many calls ran without error (a probe that ran nothing proves
    nothing)."""
    shapes = [tuple(s) for s in shapes]
    found: list[str] = []
    ran = 0

    def inspect_result(where: str, value: Any) -> None:
        for shape in shapes:
            found.extend(f"{where}: {what} has shape {shape}" for what in _leaks(value, shape))

    for module in modules:
        for name, obj in _own_members(module):
            for args in arg_lists:
                ok, result = _call(obj, args)
                if not ok:
                    continue
                ran += 1
                inspect_result(f"{module.__name__}.{name}{tuple(map(type, args))}", result)
                if not inspect.isclass(obj):
                    continue
                for method_name, method in inspect.getmembers(result, inspect.ismethod):
                    if method_name.startswith("__"):
                        continue
                    for method_args in method_arg_lists:
                        ok, value = _call(method, method_args)
                        if ok:
                            ran += 1
                            inspect_result(f"{module.__name__}.{name}.{method_name}", value)
                            inspect_result(f"{module.__name__}.{name} after {method_name}",
                                           result)
    return found, ran
