"""cnnlab.checks: correct answers pass silently; wrong ones fail with a message that teaches."""

import numpy as np
import pytest

from cnnlab import checks


def failure(check, *args, **kwargs) -> str:
    with pytest.raises(AssertionError) as info:
        check(*args, **kwargs)
    return str(info.value)


IMAGES = np.arange(2 * 2 * 2 * 3, dtype=np.uint8).reshape(2, 2, 2, 3)
VECTORS = IMAGES.reshape(2, -1).astype(np.float32) / 255


def test_rel_error_matches_the_cs231n_measure():
    assert checks.rel_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert checks.rel_error([1.0], [3.0]) == pytest.approx(0.5)
    assert checks.rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert checks.rel_error([], []) == 0.0


def test_correct_values_pass_silently(capsys):
    checks.check_shape("x", VECTORS, (2, 12))
    checks.check_shape("x", [[1, 2, 3]], [1, 3])
    checks.check_dtype("x", VECTORS, np.float32)
    checks.check_dtype("x", VECTORS, "float32")
    checks.check_close("x", VECTORS, VECTORS.astype(np.float64) + 1e-9)
    checks.check_close("x", 3, 3.0)
    checks.check_equal("n", 36, 36)
    checks.check_equal("n", np.int64(36), 36)
    checks.check_equal("d", {"a": 1, "b": np.int64(2)}, {"b": 2, "a": 1})
    checks.check_equal("a", np.array([1, 2]), np.array([1, 2]))
    checks.check_equal("t", (1, 2), (1, 2))
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_a_wrong_value_names_the_mistake_it_matches():
    raw = IMAGES.reshape(2, -1).astype(np.float32)
    channels_first = IMAGES.transpose(0, 3, 1, 2).reshape(2, -1).astype(np.float32) / 255
    mistakes = {
        "pixel values not divided by 255": raw,
        "channels-first flattening": channels_first,
    }
    message = failure(checks.check_close, "vectorize(images)", raw, VECTORS, mistakes=mistakes)
    assert "vectorize(images)" in message
    assert "Your result matches pixel values not divided by 255" in message
    assert "relative error" in message
    message = failure(
        checks.check_close, "vectorize(images)", channels_first, VECTORS, mistakes=mistakes
    )
    assert "channels-first flattening" in message
    assert "pixel values" not in message


def test_check_equal_names_the_mistake_and_the_ratio():
    message = failure(
        checks.check_equal,
        "dense_params(3072, 100)",
        307200,
        307300,
        mistakes={"the biases forgotten (one per unit)": 307200},
        hint="Each unit has one weight per input plus one bias.",
    )
    assert "307200" in message and "307300" in message
    assert "the biases forgotten" in message
    assert "Each unit has one weight per input" in message


def test_messages_stay_short_for_big_arrays():
    big = np.zeros((64, 64, 3))
    message = failure(checks.check_close, "out", big + 1, big)
    assert len(message) < 600
    assert "[" not in message.split("index")[0]  # no array dump


def test_shape_messages_explain_common_shape_mistakes():
    assert "batch" in failure(checks.check_shape, "v", np.zeros(12), (1, 12)).lower()
    assert "batch" in failure(checks.check_close, "v", np.zeros(12), np.zeros((1, 12))).lower()
    assert "swapped" in failure(checks.check_shape, "v", np.zeros((3, 5)), (5, 3))
    assert "off by one" in failure(checks.check_shape, "v", np.zeros((31, 31)), (30, 30))
    assert "reshape" in failure(checks.check_shape, "v", np.zeros((4, 3)), (12,))


def test_check_close_names_a_mistake_with_a_different_shape():
    lost_batch = VECTORS.reshape(-1)
    message = failure(
        checks.check_close,
        "vectorize(images)",
        lost_batch,
        VECTORS,
        mistakes={"the batch dimension flattened away": lost_batch},
    )
    assert "(24,)" in message and "(2, 12)" in message
    assert "the batch dimension flattened away" in message


def test_none_means_a_forgotten_return():
    for check, args in [
        (checks.check_shape, ("f(x)", None, (2,))),
        (checks.check_dtype, ("f(x)", None, np.float32)),
        (checks.check_close, ("f(x)", None, np.zeros(2))),
        (checks.check_equal, ("f(x)", None, 3)),
    ]:
        assert "return" in failure(check, *args)


def test_dtype_messages_say_how_to_convert():
    message = failure(checks.check_dtype, "vectorize(images)", IMAGES, np.float32)
    assert "uint8" in message and "float32" in message and ".astype(np.float32)" in message
    message = failure(checks.check_dtype, "v", VECTORS.astype(np.float64), np.float32)
    assert "float64" in message
    assert "NumPy array" in failure(checks.check_dtype, "v", [1.0, 2.0], np.float32)


def test_generic_diagnoses_without_listed_mistakes():
    want = np.array([1.0, 2.0, 3.0, 4.0])
    assert "255 times" in failure(checks.check_close, "v", want * 255, want)
    assert "wrong order" in failure(checks.check_close, "v", want[::-1], want)
    assert "same amount" in failure(checks.check_close, "v", want + 1, want)
    assert "NaN" in failure(checks.check_close, "v", np.array([np.nan, 1.0]), np.ones(2))


def test_tolerances_are_respected():
    checks.check_close("v", [1.0 + 1e-3], [1.0], rtol=1e-2)
    failure(checks.check_close, "v", [1.0 + 1e-3], [1.0])


def test_check_equal_on_dicts_and_arrays():
    expected = {"fully_connected": 36, "local": 24, "shared": 6}
    message = failure(
        checks.check_equal,
        "param_counts_1d(9, 6)",
        {"fully_connected": 36, "local": 24, "shared": 24},
        expected,
        mistakes={"shared weights counted once per position": {**expected, "shared": 24}},
    )
    assert "'shared': 24 instead of 6" in message
    assert "shared weights counted once per position" in message
    assert "missing key(s) ['shared']" in failure(
        checks.check_equal, "d", {"fully_connected": 36, "local": 24}, expected
    )
    assert "dict" in failure(checks.check_equal, "d", 3, expected)
    message = failure(checks.check_equal, "a", np.array([1, 5, 3]), np.array([1, 2, 3]))
    assert "1 of 3 values differ" in message and "index (1,)" in message


def test_numpy_only_passes_numpy_code_and_returns_its_result():
    def softmax(z):
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    out = checks.numpy_only("softmax(z)", softmax, np.array([[1.0, 2.0]]))
    np.testing.assert_allclose(out.sum(), 1.0)


def test_numpy_only_names_a_library_call_however_it_is_reached():
    keras = pytest.importorskip("keras")
    import importlib

    def direct(z):
        return keras.ops.softmax(z)

    def helper(z):
        return direct(z)

    def by_string(z):
        return importlib.import_module("ker" + "as").ops.relu(z)

    def through_tensorflow(z):
        import tensorflow as tf

        return tf.nn.softmax(z).numpy()

    named = r"calls (keras|tensorflow)\S* \((Keras|TensorFlow)\)"
    for function in (direct, helper, by_string, through_tensorflow):
        with pytest.raises(AssertionError, match=named):
            checks.numpy_only("f(z)", function, np.ones((2, 3), dtype="float32"))


def test_numpy_only_sees_scipy():
    special = pytest.importorskip("scipy.special")
    with pytest.raises(AssertionError, match="SciPy"):
        checks.numpy_only("f(z)", lambda z: special.softmax(z, axis=-1), np.ones((2, 3)))


def test_numpy_only_leaves_the_profiler_as_it_was():
    import sys

    before = sys.getprofile()
    with pytest.raises(ZeroDivisionError):
        checks.numpy_only("f()", lambda: 1 / 0)
    assert sys.getprofile() is before


def test_from_scratch_guards_every_call_and_wraps_once():
    keras = pytest.importorskip("keras")

    def relu(x):
        return np.maximum(x, 0)

    def relu_keras(x):
        return keras.ops.convert_to_numpy(keras.ops.relu(x))

    guarded = checks.from_scratch(relu)
    assert checks.from_scratch(guarded) is guarded and guarded.__name__ == "relu"
    np.testing.assert_array_equal(guarded(np.array([-1.0, 2.0])), [0.0, 2.0])
    with pytest.raises(AssertionError, match=r"relu_keras\(\) calls keras"):
        checks.from_scratch(relu_keras)(np.array([-1.0, 2.0]))
    assert checks.from_scratch(None) is None


class LyingInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class LyingArray(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(self), dtype=bool)

    def __array_ufunc__(self, *args, **kwargs):
        return np.ones(1, dtype=bool)


def test_values_that_pretend_to_be_equal_compare_as_what_they_hold():
    with pytest.raises(AssertionError, match="7, but 30 was expected"):
        checks.check_equal("f()", LyingInt(7), 30)
    fake = np.zeros((2, 2)).view(LyingArray)
    with pytest.raises(AssertionError):
        checks.check_equal("f()", fake, np.ones((2, 2)))
    with pytest.raises(AssertionError):
        checks.check_close("f()", fake, np.ones((2, 2)))
    with pytest.raises(AssertionError):
        checks.check_equal("f()", {"a": LyingInt(1)}, {"a": 2})


def test_honest_numbers_of_other_types_keep_passing():
    checks.check_equal("f()", np.int64(30), 30)
    checks.check_equal("f()", 90.0, 90)
    checks.check_equal("f()", LyingInt(30), 30)
    checks.check_equal("f()", [1, 2], (1, 2))
    checks.check_equal("f()", {"a": np.int32(3)}, {"a": 3})
    checks.check_close("f()", [[1, 2]], np.array([[1.0, 2.0]]))
    with pytest.raises(AssertionError):
        checks.check_equal("f()", "30", 30)


def test_check_keys_requires_its_own_keys_and_refuses_extra_ones_only_when_asked():
    counts = {"fully_connected": 36, "local": 24, "shared": 6}
    checks.check_keys("counts", counts, ["local"])
    checks.check_keys("counts", counts, ["shared"], allowed=["fully_connected", "local", "shared"])
    with_extra = {**counts, "total": 66}
    checks.check_keys("counts", with_extra, ["local"])  # an extra key: not this test's business
    message = failure(checks.check_keys, "counts", with_extra, ["local"],
                      allowed=["fully_connected", "local", "shared"])
    assert "'total'" in message and "does not ask for" in message
    message = failure(checks.check_keys, "counts", {"fully_connected": 36}, ["local"])
    assert "no key 'local'" in message and "fully_connected" in message
    assert "None" in failure(checks.check_keys, "counts", None, ["local"])
    assert "is a list" in failure(checks.check_keys, "counts", [36, 24, 6], ["local"])


def _conv(x, w, b, dtype):
    """A correct "valid" stride-1 convolution in a given precision: (H, W, C) -> (H', W', F)."""
    windows = np.lib.stride_tricks.sliding_window_view(x.astype(dtype), w.shape[:2], axis=(0, 1))
    return np.einsum("hwcij,ijcf->hwf", windows, w.astype(dtype), optimize=True) + b.astype(dtype)


def test_the_tolerance_policy_passes_float32_rounding_and_fails_real_mistakes():
    rng = np.random.default_rng(0)
    for _ in range(200):
        scale = 10.0 ** rng.uniform(-3, 3)
        x = rng.normal(size=(9, 8, 5)) * scale
        w, b = rng.normal(size=(3, 3, 5, 4)), rng.normal(size=4) * scale
        reference = _conv(x, w, b, np.float64)
        checks.check_close("conv", _conv(x, w, b, np.float32), reference)
        with pytest.raises(AssertionError):  # the flipped kernel
            checks.check_close("conv", _conv(x, w[::-1, ::-1], b, np.float32), reference)
        with pytest.raises(AssertionError):  # one bias missing
            checks.check_close("conv", _conv(x, w, b * [1, 1, 1, 0], np.float32), reference)
    # small values are compared against their own scale, not an absolute 1e-6
    tiny = np.array([1e-7, 2e-7, -3e-7])
    with pytest.raises(AssertionError):
        checks.check_close("gradient", tiny * 1.5, tiny)
    assert checks.absolute_tolerance(np.zeros(3)) == checks.ATOL


def _vectorized(x, w, b):
    return _conv(x, w, b, np.float64)


def _row_loop(x, w, b):
    k = w.shape[0]
    return np.stack([_conv(x[i:i + k], w, b, np.float64)[0] for i in range(x.shape[0] - k + 1)])


def _kernel_offsets(x, w, b):
    k = w.shape[0]
    h, wd = x.shape[0] - k + 1, x.shape[1] - k + 1
    out = np.zeros((h, wd, w.shape[3])) + b
    for u in range(k):
        for v in range(k):
            out += x[u:u + h, v:v + wd] @ w[u, v]
    return out


def test_check_vectorized_counts_lines_so_only_loops_over_positions_fail():
    rng = np.random.default_rng(1)
    w, b = rng.normal(size=(3, 3, 2, 3)), rng.normal(size=3)
    small, large = (rng.normal(size=(6, 7, 2)), w, b), (rng.normal(size=(24, 27, 2)), w, b)
    checks.check_vectorized("f", _vectorized, small, large)  # einsum(optimize=True) inside
    checks.check_vectorized("f", _kernel_offsets, small, large)  # 9 iterations at every size
    message = failure(checks.check_vectorized, "f", _row_loop, small, large)
    assert "not vectorized" in message and "(6, 7, 2)" in message and "(24, 27, 2)" in message
    result, lines = checks.python_lines(_row_loop, *small)
    np.testing.assert_allclose(result, _vectorized(*small))
    assert lines > checks.python_lines(_row_loop, *large)[1] / 10 > 0


def test_from_scratch_forbids_the_functions_it_is_given_however_they_are_reached():
    def loops(x):
        return x + 1

    def helper(x):
        return loops(x)

    def delegates(x):
        return helper(x)

    def own(x):
        return x + 1

    forbidden = {"your loop version": loops}
    assert checks.from_scratch(own, forbidden=forbidden)(1) == 2
    with pytest.raises(AssertionError, match=r"delegates\(\) calls your loop version"):
        checks.from_scratch(delegates, forbidden=forbidden)(1)
    guarded = checks.from_scratch(checks.from_scratch(loops), forbidden=forbidden)
    with pytest.raises(AssertionError):  # a wrapped function is unwrapped to be recognized
        checks.from_scratch(delegates, forbidden={"it": guarded})(1)


def test_is_close_applies_the_policy_and_the_shape():
    reference = np.array([1.0, 2.0, 3.0])
    assert checks.is_close(reference.astype(np.float32) * (1 + 5e-5), reference)
    assert not checks.is_close(reference * (1 + 1e-3), reference)
    assert not checks.is_close(reference[:2], reference)
    assert not checks.is_close(None, reference) and not checks.is_close("abc", reference)
    assert checks.is_close(reference * 1.01, reference, precision="bfloat16")
