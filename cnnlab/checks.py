"""Checks for the labs' test cells: pass silently, or fail with a message a student can act on.

Every check raises ``AssertionError`` with a short plain-text message (no huge arrays) that says
what was received, what was expected, and, when the answer equals the result of a known mistake,
names that mistake::

    checks.check_close("vectorize(images)", student, reference,
                       mistakes={"pixel values not divided by 255": images.reshape(2, -1)})

The references themselves are computed in the lab's test cells (Keras ops, hand-computed
fixtures); this module only compares and explains.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

__all__ = ["check_shape", "check_dtype", "check_close", "check_equal", "rel_error"]


def rel_error(a: Any, b: Any) -> float:
    """Largest elementwise relative error ``|a - b| / max(|a| + |b|, 1e-8)`` (CS231n's measure).

    Around 1e-7 or less means equal up to float32 rounding; 1e-2 or more means a real bug.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0 and b.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def check_shape(name: str, actual: Any, expected_shape: tuple, hint: str | None = None) -> None:
    """Fail unless ``actual`` is an array (or array-like) of shape ``expected_shape``."""
    array = _as_array(name, actual, hint)
    expected_shape = tuple(int(n) for n in expected_shape)
    if array.shape != expected_shape:
        raise AssertionError(_join(_shape_message(name, array.shape, expected_shape), hint))


def check_dtype(name: str, actual: Any, dtype: Any) -> None:
    """Fail unless ``actual`` is a NumPy array whose dtype is ``dtype``."""
    expected = np.dtype(dtype)
    if actual is None:
        raise AssertionError(_none_message(name))
    got = getattr(actual, "dtype", None)
    if got is None:
        raise AssertionError(
            f"{name} is a {type(actual).__name__}, but a NumPy array of dtype {expected} was "
            f"expected: build it with NumPy (np.asarray(...).astype(np.{expected}))."
        )
    got = np.dtype(got)
    if got == expected:
        return
    advice = f"convert it with .astype(np.{expected})"
    if np.issubdtype(got, np.integer) and np.issubdtype(expected, np.floating):
        advice = f"integer arithmetic keeps integers: {advice} before or while you compute with it"
    elif np.issubdtype(got, np.floating) and np.issubdtype(expected, np.floating):
        advice = f"NumPy computes in float64 unless told otherwise: {advice}"
    raise AssertionError(f"{name} has dtype {got}, but {expected} was expected: {advice}.")


def check_close(
    name: str,
    actual: Any,
    expected: Any,
    *,
    rtol: float = 1e-5,
    atol: float = 1e-6,
    mistakes: Mapping[str, Any] | None = None,
    hint: str | None = None,
) -> None:
    """Fail unless ``actual`` equals ``expected`` up to ``rtol``/``atol`` (``np.allclose``).

    ``mistakes`` maps a description of a mistake to the value that mistake produces; when the
    answer matches one of them (same shape and close), the message names it.
    """
    array = _as_array(name, actual, hint)
    reference = np.asarray(expected)
    if array.shape != reference.shape:
        message = _shape_message(name, array.shape, reference.shape)
        raise AssertionError(_join(message, _matching_mistake(array, mistakes, rtol, atol), hint))
    if not np.issubdtype(array.dtype, np.number) and array.dtype != np.bool_:
        raise AssertionError(
            _join(f"{name} holds {array.dtype} values, but numbers were expected.", hint)
        )
    got = array.astype(np.float64)
    want = reference.astype(np.float64)
    if np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=False):
        return
    if not np.all(np.isfinite(got)) and np.all(np.isfinite(want)):
        bad = int(np.sum(~np.isfinite(got)))
        message = (
            f"{name} contains {bad} NaN or infinite value(s) where all values should be finite: "
            "look for an overflow (a huge exponent) or a division by zero."
        )
        raise AssertionError(_join(message, _matching_mistake(array, mistakes, rtol, atol), hint))
    message = _difference_message(name, got, want, rtol, atol)
    diagnosis = _matching_mistake(array, mistakes, rtol, atol) or _generic_diagnosis(got, want)
    raise AssertionError(_join(message, diagnosis, hint))


def check_equal(
    name: str,
    actual: Any,
    expected: Any,
    *,
    mistakes: Mapping[str, Any] | None = None,
    hint: str | None = None,
) -> None:
    """Fail unless ``actual == expected`` exactly (ints, strings, tuples, dicts, integer arrays).

    ``mistakes`` maps a description of a mistake to the value that mistake produces; when the
    answer equals one of them, the message names it.
    """
    if _equal(actual, expected):
        return
    if actual is None:
        raise AssertionError(_join(_none_message(name), hint))
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        message = _dict_message(name, actual, expected)
    elif isinstance(expected, Mapping):
        message = (
            f"{name} is a {type(actual).__name__}, but a dict with keys "
            f"{sorted(expected)} was expected."
        )
    elif isinstance(expected, np.ndarray) or isinstance(actual, np.ndarray):
        message = _array_equal_message(name, actual, expected)
    else:
        message = f"{name} is {_short(actual)}, but {_short(expected)} was expected"
        if _is_number(actual) and _is_number(expected) and expected != 0:
            ratio = float(actual) / float(expected)
            if np.isfinite(ratio) and abs(ratio - 1) > 0.05:
                message += f" (your value is {ratio:.3g} times the expected one)"
        message += "."
    diagnosis = None
    for description, value in (mistakes or {}).items():
        if _equal(actual, value):
            diagnosis = f"Your result matches {description}."
            break
    raise AssertionError(_join(message, diagnosis, hint))


# --- helpers -----------------------------------------------------------------------------------


def _join(*parts: str | None) -> str:
    return " ".join(part.strip() for part in parts if part)


def _none_message(name: str) -> str:
    return f"{name} is None: did you forget the `return` statement?"


def _as_array(name: str, actual: Any, hint: str | None) -> np.ndarray:
    if actual is None:
        raise AssertionError(_join(_none_message(name), hint))
    try:
        return np.asarray(actual)
    except (ValueError, TypeError) as error:
        message = f"{name} could not be read as a NumPy array ({error})."
        raise AssertionError(_join(message, hint)) from None


def _shape_message(name: str, got: tuple, want: tuple) -> str:
    message = f"{name} has shape {got}, but {want} was expected."
    if len(got) != len(want):
        message += f" It has {len(got)} dimension(s) instead of {len(want)}"
        if len(got) == len(want) - 1 and got == want[1:]:
            message += ": the first (batch) dimension is missing"
        elif len(got) + 1 == len(want) and want[0] == 1 and got == want[1:]:
            message += ": the leading dimension of size 1 is missing"
        elif int(np.prod(got)) == int(np.prod(want)):
            message += ": the number of values is right, reshape it"
        elif len(got) == len(want) + 1 and got[1:] == want:
            message += ": there is an extra leading dimension"
        message += "."
    elif sorted(got) == sorted(want):
        message += " The axes look swapped: keep the axis order of the specification."
    else:
        deltas = [g - w for g, w in zip(got, want, strict=True)]
        if all(abs(d) <= 2 for d in deltas) and any(deltas):
            message += " The sizes are off by one or two: check the output-size formula."
    return message


def _difference_message(name: str, got: np.ndarray, want: np.ndarray, rtol, atol) -> str:
    if got.ndim == 0:
        return (
            f"{name} is {_short(got.item())}, but {_short(want.item())} was expected "
            f"(relative error {rel_error(got, want):.1e})."
        )
    close = np.isclose(got, want, rtol=rtol, atol=atol)
    diff = np.abs(got - want)
    diff[~np.isfinite(diff)] = np.inf
    index = np.unravel_index(int(np.argmax(np.where(close, -1.0, diff))), got.shape)
    return (
        f"{name} is not correct: {int(np.sum(~close))} of {got.size} values differ from the "
        f"reference (relative error {rel_error(got, want):.1e}; a correct answer is below "
        f"{max(rtol, 1e-7):.0e}). At index {tuple(int(i) for i in index)} you have "
        f"{_short(got[index])} where {_short(want[index])} was expected."
    )


def _matching_mistake(array: np.ndarray, mistakes, rtol: float, atol: float) -> str | None:
    for description, value in (mistakes or {}).items():
        value = np.asarray(value)
        if value.shape != array.shape:
            continue
        try:
            if np.allclose(array.astype(float), value.astype(float), rtol=rtol, atol=atol):
                return f"Your result matches {description}."
        except (TypeError, ValueError):
            continue
    return None


def _generic_diagnosis(got: np.ndarray, want: np.ndarray) -> str | None:
    """Name common patterns that no listed mistake covered."""
    if got.size > 1 and np.allclose(np.sort(got, axis=None), np.sort(want, axis=None)):
        return (
            "The values are the right ones but in the wrong order: check the order of the axes "
            "(e.g. rows vs. columns, channels-last) and of your loops."
        )
    scale = _constant_factor(got, want)
    if scale is not None:
        return f"Every value is {scale:.4g} times the expected one: a scaling factor is off."
    offset = got - want
    if got.size > 1 and np.ptp(offset) <= 1e-6 * max(1.0, float(np.max(np.abs(want)))):
        return f"Every value is off by the same amount ({float(offset.flat[0]):.4g})."
    return None


def _constant_factor(got: np.ndarray, want: np.ndarray) -> float | None:
    nonzero = np.abs(want) > 1e-12
    if not np.any(nonzero) or np.any(np.abs(got[~nonzero]) > 1e-12):
        return None
    ratios = got[nonzero] / want[nonzero]
    ratio = float(np.median(ratios))
    if ratio == 0 or abs(ratio - 1) < 1e-6:
        return None
    if np.allclose(ratios, ratio, rtol=1e-4):
        return ratio
    return None


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, Mapping) or isinstance(b, Mapping):
        if not (isinstance(a, Mapping) and isinstance(b, Mapping)) or set(a) != set(b):
            return False
        return all(_equal(a[key], b[key]) for key in b)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            return bool(np.array_equal(np.asarray(a), np.asarray(b)))
        except (TypeError, ValueError):
            return False
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _dict_message(name: str, actual: Mapping, expected: Mapping) -> str:
    missing = [key for key in expected if key not in actual]
    extra = [key for key in actual if key not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing key(s) {missing}")
        if extra:
            parts.append(f"unexpected key(s) {extra}")
        return f"{name} has {' and '.join(parts)}; expected exactly the keys {list(expected)}."
    wrong = [
        f"{key!r}: {_short(actual[key])} instead of {_short(expected[key])}"
        for key in expected
        if not _equal(actual[key], expected[key])
    ]
    return f"{name} has wrong value(s): " + "; ".join(wrong) + "."


def _array_equal_message(name: str, actual: Any, expected: Any) -> str:
    got = np.asarray(actual)
    want = np.asarray(expected)
    if got.shape != want.shape:
        return _shape_message(name, got.shape, want.shape)
    wrong = got != want
    if got.ndim == 0:
        return f"{name} is {_short(got.item())}, but {_short(want.item())} was expected."
    index = np.unravel_index(int(np.argmax(wrong)), got.shape)
    return (
        f"{name} is not correct: {int(np.sum(wrong))} of {got.size} values differ. At index "
        f"{tuple(int(i) for i in index)} you have {_short(got[index])} where "
        f"{_short(want[index])} was expected."
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def _short(value: Any) -> str:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
