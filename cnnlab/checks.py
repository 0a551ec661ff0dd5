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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from cnnlab import architecture
from cnnlab.architecture import LayerSpec

__all__ = ["check_shape", "check_dtype", "check_close", "check_equal", "check_keys",
           "check_model", "check_vectorized", "numpy_only", "from_scratch", "python_lines",
           "rel_error", "absolute_tolerance", "is_close", "RTOL", "ATOL", "PRECISIONS"]


def rel_error(a: Any, b: Any) -> float:
    """Largest elementwise relative error ``|a - b| / max(|a| + |b|, 1e-8)`` (CS231n's measure).

    Around 1e-7 or less means equal up to float32 rounding; 1e-2 or more means a real bug.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0 and b.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


# The tolerance policy of every lab's check_close. A student may compute in float32 (7
# significant digits) or float64, and the reference is float64, so the comparison allows what
# float32 rounding can do and nothing a mistake does:
# - RTOL, relative to each expected value: float32 sums of up to a few thousand products keep 4
#   or more significant digits;
# - ATOL times the largest magnitude in the reference, for values near zero: rounding errors
#   scale with the size of the terms that were summed (the largest values), not with the small
#   result that their cancellation leaves. An all-zero reference gets ATOL itself.
# Measured on 3,000 random float32 convolutions against float64 (1-7 channels, kernels 1-5,
# inputs scaled 1e-3 to 1e3): the largest error used 1.3% of this allowance, while rtol 1e-5
# with a fixed atol 1e-6 failed 13.7% of them and rtol 1e-4, atol 1e-5 still 1.4%.
# A model run in mixed bfloat16 (8 significant bits, 2-3 decimal digits) is compared with its
# float32 run by the same rule at ``precision="bfloat16"``: 3e-2 relative and absolute.
RTOL = 1e-4
ATOL = 1e-5
PRECISIONS = {"float32": (RTOL, ATOL), "bfloat16": (3e-2, 3e-2)}


def absolute_tolerance(expected: Any, precision: str = "float32") -> float:
    """The policy's absolute tolerance for a reference: ``ATOL`` times its largest magnitude."""
    values = np.abs(np.asarray(expected, dtype=np.float64))
    values = values[np.isfinite(values)]
    scale = float(values.max()) if values.size else 0.0
    return PRECISIONS[precision][1] * (scale if scale > 0 else 1.0)


def is_close(actual: Any, expected: Any, precision: str = "float32") -> bool:
    """Whether ``actual`` equals ``expected`` under the tolerance policy (shape included).

    For a test that decides between explanations (error carried forward, which mistake)
    rather than failing; ``check_close`` applies the same rule and explains a failure.
    """
    try:
        got = np.asarray(actual, dtype=np.float64)
        want = np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return False
    return got.shape == want.shape and bool(np.allclose(
        got, want, rtol=PRECISIONS[precision][0], atol=absolute_tolerance(want, precision)))


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
    precision: str = "float32",
    mistakes: Mapping[str, Any] | None = None,
    hint: str | None = None,
    rtol: float | None = None,
    atol: float | None = None,
) -> None:
    """Fail unless ``actual`` equals ``expected`` up to the tolerance policy (``np.allclose``).

    The policy (``RTOL``, ``ATOL``, ``PRECISIONS``: see there) lets every correct float32 or
    float64 answer pass; ``precision="bfloat16"`` compares a mixed-precision result with its
    float32 reference. ``rtol``/``atol`` exist for checks of ``cnnlab`` itself; the labs use the
    policy. ``mistakes`` maps a description of a mistake to the value that mistake produces;
    when the answer matches one of them (same shape and close), the message names it.
    """
    array = _as_array(name, actual, hint)
    reference = np.asarray(expected)
    if rtol is None:
        rtol = PRECISIONS[precision][0]
    if atol is None:
        atol = absolute_tolerance(reference, precision)
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


def check_keys(
    name: str,
    actual: Any,
    required: Iterable[str],
    *,
    allowed: Iterable[str] | None = None,
) -> None:
    """Fail unless ``actual`` is a dict-like holding every key of ``required``.

    With ``allowed``, keys outside it fail too. A function returning several named numbers is
    tested one number per test: each test requires only its own key, and one test alone passes
    ``allowed``, so that a missing key costs the test of that key and an extra key costs one
    test, never every test of the function.
    """
    if not isinstance(actual, Mapping):
        message = (_none_message(name) if actual is None else
                   f"{name} is a {type(actual).__name__}, but a dict was expected.")
        raise AssertionError(message)
    missing = [key for key in required if key not in actual]
    if missing:
        raise AssertionError(
            f"{name} has no key {', '.join(repr(key) for key in missing)} "
            f"(its keys: {sorted(map(str, actual))})."
        )
    if allowed is not None:
        allowed = list(allowed)
        extra = [key for key in actual if key not in allowed]
        if extra:
            raise AssertionError(
                f"{name} has the key(s) {', '.join(repr(key) for key in extra)}, which the task "
                f"does not ask for: return exactly the keys {allowed}."
            )


# Libraries that already have the operations the labs ask for in NumPy: {top-level module: name}.
LIBRARIES = {"keras": "Keras", "tensorflow": "TensorFlow", "tf_keras": "Keras", "torch": "PyTorch",
             "jax": "JAX", "jaxlib": "JAX", "scipy": "SciPy", "skimage": "scikit-image",
             "sklearn": "scikit-learn", "cv2": "OpenCV"}


def numpy_only(name: str, function: Any, *args: Any, forbidden: Mapping[str, Any] | None = None,
               **kwargs: Any) -> Any:
    """``function(*args, **kwargs)``, failing if it calls into a library of ``LIBRARIES``.

    For the functions a lab asks for in NumPy: every Python function and built-in called during
    the call is looked at (``sys.setprofile``), so a call through a helper of the student's, an
    alias or a string import is seen as well as a direct one. ``forbidden`` maps a description
    to a (student) function that must not be called either, however it is reached (for example
    ``{"your loop version conv2d": conv2d}`` for the vectorized one). Returns the result.
    """
    import inspect
    import sys

    seen: list[str] = []  # library calls
    delegated: list[str] = []  # calls of a forbidden function
    codes = {}
    for description, other in (forbidden or {}).items():
        code = getattr(inspect.unwrap(other), "__code__", None) if callable(other) else None
        if code is not None:
            codes[code] = description

    def library(module: str | None) -> str | None:
        top = (module or "").split(".")[0]
        return top if top in LIBRARIES else None

    def watch(frame, event, arg):  # noqa: ANN001 - the profiler's protocol
        if seen or delegated:
            return
        if event == "call":
            if frame.f_code in codes:
                delegated.append(codes[frame.f_code])
                return
            module = frame.f_globals.get("__name__")
            if library(module):
                seen.append(f"{module}.{frame.f_code.co_name}")
        elif event == "c_call":
            module = getattr(arg, "__module__", None) or getattr(
                getattr(arg, "__self__", None), "__name__", None)
            if library(module if isinstance(module, str) else None):
                seen.append(f"{module}.{getattr(arg, '__name__', '?')}")

    previous = sys.getprofile()
    sys.setprofile(watch)
    try:
        result = function(*args, **kwargs)
    finally:
        sys.setprofile(previous)
    if delegated:
        raise AssertionError(
            f"{name} calls {delegated[0]}: this function must compute its result with its own "
            "code, so it scores 0 on every test while it does."
        )
    if seen:
        top = seen[0].split(".")[0]
        raise AssertionError(
            f"{name} calls {seen[0]} ({LIBRARIES[top]}): this function must do its own "
            "arithmetic with NumPy, so it scores 0 on every test while it calls a library "
            "that already has the operation."
        )
    return result


def from_scratch(function: Any, name: str | None = None, *,
                 forbidden: Mapping[str, Any] | None = None) -> Any:
    """``function`` wrapped so that every call of it runs under ``numpy_only``.

    A lab's test cell rebinds the student's function with it (``conv2d =
    checks.from_scratch(conv2d)``): every call in the test, and every call from another of the
    student's functions, then fails the test when it reaches a library that already has the
    operation, or one of the ``forbidden`` functions (see ``numpy_only``). Wrapping twice
    changes nothing unless the second adds ``forbidden`` functions; a non-callable is returned
    as it is (the test then fails on it with its own message).
    """
    import functools

    if not callable(function):
        return function
    if getattr(function, "_cnnlab_from_scratch", False):
        if not forbidden:
            return function
        function = function.__wrapped__
    label = name or getattr(function, "__name__", "the function")

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        return numpy_only(f"{label}()", function, *args, forbidden=forbidden, **kwargs)

    guarded._cnnlab_from_scratch = True
    return guarded


def python_lines(function: Any, *args: Any, **kwargs: Any) -> tuple[Any, int]:
    """``function(*args, **kwargs)`` and the number of lines of its own module it executed.

    Counted with ``sys.settrace`` in the frames of code that shares ``function``'s globals (a
    notebook's functions, helpers and lambdas, also when NumPy calls them back), so that a
    Python loop shows up as lines that grow with its number of iterations, while NumPy's own
    Python code (whose path may depend on the sizes, as ``np.einsum(optimize=True)``'s does)
    is not counted.
    """
    import inspect
    import sys

    own = getattr(inspect.unwrap(function), "__globals__", None)
    count = 0

    def local(frame, event, arg):  # noqa: ANN001 - the tracer's protocol
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame, event, arg):  # noqa: ANN001
        return local if frame.f_globals is own else None

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        result = function(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return result, count


def check_vectorized(name: str, function: Any, small: Sequence[Any], large: Sequence[Any],
                     **kwargs: Any) -> None:
    """Fail if ``function`` runs more of its own lines on the ``large`` arguments than on ``small``.

    ``small`` and ``large`` are argument tuples that differ only in the image's size (the first
    argument), so a vectorized function runs the same lines on both, and a Python loop over
    pixels or output positions runs more on the large one. Decided by counting lines, not by
    timing, so that a slow or busy machine gives the same verdict. A loop whose length does not
    depend on the image (over the ``k x k`` kernel offsets, the channels, the filters) passes.
    """
    function(*small, **kwargs)  # first-call work (imports, caches) is not counted
    _, few = python_lines(function, *small, **kwargs)
    _, many = python_lines(function, *large, **kwargs)
    if many > few + VECTORIZED_SLACK:
        small_shape, large_shape = np.shape(small[0]), np.shape(large[0])
        raise AssertionError(
            f"{name} is not vectorized: your code ran {few} lines on an input of shape "
            f"{small_shape} but {many} on one of shape {large_shape}, so it loops in Python "
            "over pixels or output positions. Build every patch at once (im2col, or "
            "np.lib.stride_tricks.sliding_window_view) and combine them with the weights in one "
            "product (np.einsum, np.tensordot or @); a loop over the kernel's k x k offsets is "
            "fine, since its length does not grow with the image."
        )


# Python lines a vectorized function may run more on a larger image (a branch taken one way or
# the other); a loop over the rows of the larger images the labs use adds many more.
VECTORIZED_SLACK = 8


MODEL_ASPECTS = ("layers", "shapes", "params")


def check_model(
    name: str,
    model: Any,
    expected: Sequence[str | LayerSpec],
    *,
    aspects: Sequence[str] = MODEL_ASPECTS,
    params: int | None = None,
    input_shape: tuple[int, ...] | None = None,
    hint: str | None = None,
) -> None:
    """Fail unless the Keras ``model`` has the ``expected`` structure, however it is spelled.

    ``expected`` lists the operations as ``cnnlab.architecture`` writes them
    (``"conv2d 32 3x3 same -> 32x32x32 (896)"``; shape and weights optional). ``aspects``
    chooses what is compared: ``"layers"`` (kinds in order and their settings; a dropout may
    sit just before or just after its dense layer), ``"shapes"`` (every output shape the
    expectation gives) and ``"params"`` (``params``, or the sum of the expected weights, against
    ``model.count_params()``, and every layer's weights the expectation gives). The message
    names the first operation that differs and says what to change.
    """
    unknown = set(aspects) - set(MODEL_ASPECTS)
    if unknown:
        raise ValueError(f"aspects must be among {MODEL_ASPECTS}, got {sorted(unknown)}")
    if model is None:
        raise AssertionError(_join(_none_message(name), hint))
    try:
        got = architecture.describe(model, input_shape)
    except (ValueError, TypeError, AttributeError) as error:
        raise AssertionError(_join(f"{name} could not be read as a Keras model: {error}",
                                   hint)) from None
    want = [architecture.parse(x) if isinstance(x, str) else x for x in expected]
    for variant in architecture.dropout_placements(got):
        if _layers_difference(variant, want) is None:  # a dropout read before or after its dense
            got = variant
            break
    else:
        got, want = architecture.normalized(got), architecture.normalized(want)
    problem = _layers_difference(got, want)
    if problem and "layers" in aspects:
        raise AssertionError(_join(f"{name}: {problem}", hint))
    if problem:
        raise AssertionError(_join(
            f"{name}: its {' and '.join(a for a in aspects)} cannot be compared until its layers "
            f"match: {problem}", hint))
    pairs = list(zip(got, want, strict=True))
    if "shapes" in aspects:
        for mine, theirs in pairs:
            if theirs.output_shape is not None and mine.output_shape != theirs.output_shape:
                raise AssertionError(_join(f"{name}: {_shape_difference(mine, theirs)}", hint))
    if "params" in aspects:
        for mine, theirs in pairs:
            if theirs.params is not None and (mine.params or 0) != theirs.params:
                raise AssertionError(_join(
                    f"{name}: your {_where(mine)} has {mine.params or 0:,} weights, but "
                    f"{theirs.params:,} are expected: check its input depth and its bias.", hint))
        total = params if params is not None else (
            sum(spec.params or 0 for spec in want) if all(s.params is not None for s in want
                                                          if s.kind not in _ZERO_WEIGHTS)
            else None)
        count = int(model.count_params())
        if total is not None and count != total:
            raise AssertionError(_join(
                f"{name} has {count:,} weights in all, but {total:,} are expected "
                f"({count - total:+,}).", hint))


# Operations that never hold weights (an expectation need not give their count).
_ZERO_WEIGHTS = {"maxpool", "avgpool", "flatten", "dropout", "global_avgpool", "global_maxpool",
                 *architecture.ACTIVATIONS}


def _where(spec: LayerSpec) -> str:
    layer = f", Keras layer '{spec.source}'" if spec.source else ""
    return f"operation {spec.position} ({spec.head()}{layer})"


def _how(spec: LayerSpec) -> str:
    """The Keras spelling of an expected operation."""
    config = spec.config
    if spec.kind == "conv2d":
        k = config["kernel"]
        stride = "" if config["strides"] == (1, 1) else f", strides={config['strides'][0]}"
        return (f"keras.layers.Conv2D({config['filters']}, {k[0] if k[0] == k[1] else k}"
                f"{stride}, padding=\"{config['padding']}\")")
    if spec.kind in ("maxpool", "avgpool"):
        layer = "MaxPooling2D" if spec.kind == "maxpool" else "AveragePooling2D"
        pool, strides = config["pool"], config["strides"]
        stride = "" if strides == pool else f", strides={strides[0]}"
        return f"keras.layers.{layer}({pool[0]}{stride})"
    if spec.kind == "relu":
        return 'activation="relu" in the layer before it, or keras.layers.ReLU()'
    if spec.kind == "softmax":
        return 'activation="softmax" in the last Dense layer (or keras.layers.Softmax())'
    if spec.kind == "dense":
        return f"keras.layers.Dense({config['units']})"
    if spec.kind == "dropout":
        return f"keras.layers.Dropout({config['rate']:g})"
    if spec.kind == "flatten":
        return "keras.layers.Flatten()"
    if spec.kind == "lrn":
        return "your LocalResponseNormalization layer"
    return f"a {spec.head()} layer"


def _layers_difference(got: list[LayerSpec], want: list[LayerSpec]) -> str | None:
    """What to change so that ``got`` has the operations of ``want``, first difference only."""
    import difflib

    # Aligned on whole operations (kind and settings), so that a missing or extra layer reads
    # as such; a block of the same kinds with other settings reads as a setting to change.
    matcher = difflib.SequenceMatcher(None, [s.head() for s in got], [s.head() for s in want],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and [s.kind for s in got[i1:i2]] == [s.kind for s in want[j1:j2]]:
            for mine, theirs in zip(got[i1:i2], want[j1:j2], strict=True):
                problem = _settings_difference(mine, theirs)
                if problem:
                    return problem
        if tag == "insert":
            missing = want[j1]
            where = f"after your {_where(got[i1 - 1])}" if i1 > 0 else "at the start"
            more = f" (and {j2 - j1 - 1} more operation(s) after it)" if j2 - j1 > 1 else ""
            return (f"a {missing.head()} operation is missing {where}{more}: add "
                    f"{_how(missing)} there.")
        if tag == "delete":
            extra = got[i1]
            more = f" (and {i2 - i1 - 1} more after it)" if i2 - i1 > 1 else ""
            if extra.kind in architecture.ACTIVATIONS and i1 > 0 and \
                    got[i1 - 1].source == extra.source:
                return (f"your {_where(extra)} is not in the expected stack{more}: remove "
                        f"activation=\"{extra.kind}\" from layer '{extra.source}'.")
            return f"your {_where(extra)} is not in the expected stack{more}: remove it."
        mine, theirs = got[i1], want[j1]
        return (f"your {_where(mine)} should be {theirs.head()}: use {_how(theirs)} "
                f"instead.")
    return None


_SETTING_ADVICE = {
    "filters": "set filters={want} (the number of feature maps it outputs)",
    "kernel": "set kernel_size={want}",
    "padding": "pass padding=\"{want}\" ('valid' shrinks each side by kernel_size - 1 pixels, "
               "'same' keeps the size)",
    "strides": "set strides={want}",
    "units": "set units={want}",
    "pool": "set pool_size={want}",
    "rate": "set the rate to {want}",
}


def _settings_difference(mine: LayerSpec, theirs: LayerSpec) -> str | None:
    got, want = mine.config, theirs.config
    for key in list(want) + [k for k in got if k not in want]:
        if _equal(got.get(key), want.get(key)):
            continue
        if key == "pool" and want.get("strides") == want.get("pool"):
            want_text = want[key][0]
        elif isinstance(want.get(key), tuple) and len(set(want[key])) == 1:
            want_text = want[key][0]
        else:
            want_text = want.get(key)
        advice = _SETTING_ADVICE.get(key, f"set {key}={{want}}").format(want=want_text)
        return (f"your {_where(mine)} has {key}={_short(got.get(key))}, but {key}="
                f"{_short(want.get(key))} is expected: {advice}.")
    return None


def _shape_difference(mine: LayerSpec, theirs: LayerSpec) -> str:
    def text(shape):
        return "x".join(str(n) for n in shape) if shape else "unknown"

    message = (f"the output of your {_where(mine)} is {text(mine.output_shape)}, but "
               f"{text(theirs.output_shape)} is expected")
    if mine.position == 1 or (mine.output_shape and theirs.output_shape and
                              len(mine.output_shape) != len(theirs.output_shape)):
        return message + ": check the model's input shape (keras.Input(input_shape))."
    return message + ": the layers match, so check the input shape and every padding before it."


# --- helpers -----------------------------------------------------------------------------------


def _join(*parts: str | None) -> str:
    return " ".join(part.strip() for part in parts if part)


def _none_message(name: str) -> str:
    return f"{name} is None: did you forget the `return` statement?"


def _as_array(name: str, actual: Any, hint: str | None) -> np.ndarray:
    if actual is None:
        raise AssertionError(_join(_none_message(name), hint))
    try:
        # A copy as a plain ndarray: a subclass that redefines comparisons compares as its data.
        return np.array(plain(actual), copy=True, subok=False)
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


def plain(value: Any) -> Any:
    """``value`` as plain Python/NumPy data, so that only its contents can compare equal.

    Integers (``int`` and NumPy subclasses included) become ``int`` by their integer value,
    floats ``float``, arrays a base-class ``np.ndarray`` copy, and lists, tuples and dicts are
    converted item by item. A value that redefines ``==`` therefore compares as what it holds.
    Anything else is returned as it is.
    """
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, np.integer):
        return int(np.asarray(value).view(np.ndarray).item())
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, np.floating):
        return float(np.asarray(value).view(np.ndarray).item())
    if isinstance(value, np.ndarray):
        return np.array(value.view(np.ndarray), copy=True)
    if isinstance(value, Mapping):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(plain(item) for item in value) if type(value) in (list, tuple) \
            else [plain(item) for item in value]
    return value


def _equal(a: Any, b: Any) -> bool:
    a, b = plain(a), plain(b)
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
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b  # 90.0 == 90: a float with an integer value answers an integer question
    if type(a) is not type(b) and not (_is_number(a) and _is_number(b)):
        return False
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
