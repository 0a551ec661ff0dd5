"""cnnlab.train, cnnlab.pipeline: budget, schedule, fit, data order, precision policy."""

from __future__ import annotations

import time

import numpy as np
import pytest

import cnnlab

keras = pytest.importorskip("keras")
from cnnlab import pipeline, train  # noqa: E402  (after the Keras check)


def tiny_model(num_classes: int = 3) -> keras.Model:
    return keras.Sequential([
        keras.Input((8, 8, 3)),
        keras.layers.Conv2D(4, 3, activation="relu"),
        keras.layers.GlobalAveragePooling2D(),
        keras.layers.Dense(num_classes, activation="softmax"),
    ])


def tiny_data(n: int = 96, num_classes: int = 3, seed: int = 0):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % num_classes
    x = rng.random((n, 8, 8, 3)).astype(np.float32) * 0.2
    x[..., 0] += y[:, None, None] / num_classes  # learnable: the class shifts channel 0
    return x, y


def test_budget_is_seconds_for_a_student_and_fixed_work_under_grading(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert not train.in_grading()
    assert train.budget(120, grading_images=5000) == train.Budget(seconds=120.0)
    assert train.budget(2, grading_seconds=0.5) == train.Budget(seconds=2.0)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert train.in_grading()
    assert train.budget(120, grading_images=5000) == train.Budget(images=5000)
    assert train.budget(2, grading_seconds=0.5) == train.Budget(seconds=0.5)
    assert str(train.Budget(images=5000)) == "5,000 images"


@pytest.mark.parametrize("kwargs", [{}, {"grading_images": 10, "grading_seconds": 1}])
def test_budget_needs_exactly_one_grading_budget(kwargs):
    with pytest.raises(ValueError, match="exactly one"):
        train.budget(120, **kwargs)


@pytest.mark.parametrize("bad", [{"seconds": 0}, {"images": 0}, {"images": 2.5},
                                 {"images": True}, {}, {"seconds": 1, "images": 1}])
def test_budget_rejects_bad_values(bad):
    with pytest.raises(ValueError):
        train.Budget(**bad)


def test_a_budget_of_images_trains_exactly_that_work_and_repeats_bit_for_bit():
    x, y = tiny_data(96)

    def run():
        cnnlab.set_seed(3)
        model = tiny_model()
        history = train.fit(model, x, y, budget=train.Budget(images=200), batch_size=16,
                            validation_data=(x[:30], y[:30]), augment=True, verbose=False)
        return history, [w.copy() for w in model.get_weights()]

    (first, weights), (second, again) = run(), run()
    # 200 images in batches of 16: stops after the 13th batch (208 images), 2.17 epochs.
    assert first.epochs == pytest.approx(208 / 96)
    assert len(first.history["loss"]) == 3  # two full epochs, then the partial third
    assert first.history["epochs"] == pytest.approx([1.0, 2.0, 208 / 96])  # reported as such
    assert first.history["lr"][-1] == pytest.approx(0.0, abs=1e-4)
    for w, v in zip(weights, again, strict=True):
        np.testing.assert_array_equal(w, v)
    assert first.history["val_accuracy"] == second.history["val_accuracy"]


def test_a_budget_of_images_ignores_the_clock(monkeypatch):
    # A machine 1000x slower (every perf_counter call 5 s later) trains the same images.
    x, y = tiny_data(64)
    clock = iter(range(10**6))
    monkeypatch.setattr(train.time, "perf_counter", lambda: 5.0 * next(clock))
    history = train.fit(tiny_model(), x, y, budget=train.Budget(images=128), batch_size=32,
                        verbose=False)
    assert history.epochs == pytest.approx(2.0)


def test_learning_rate_warms_up_then_decays_to_zero_at_the_end():
    peak, warmup = 2e-3, 0.15
    fractions = np.linspace(0, 1, 201)
    rates = np.array([train.learning_rate(f, peak, warmup) for f in fractions])
    top = int(np.argmax(rates))
    assert rates[0] == 0.0
    assert fractions[top] == pytest.approx(warmup, abs=0.005)
    assert rates[top] == pytest.approx(peak)
    assert np.all(np.diff(rates[: top + 1]) > 0)  # warmup rises
    assert np.all(np.diff(rates[top:]) < 0)  # decay falls
    # Both phases are linear: halfway through each, half the peak.
    assert train.learning_rate(warmup / 2, peak, warmup) == pytest.approx(peak / 2)
    assert train.learning_rate((1 + warmup) / 2, peak, warmup) == pytest.approx(peak / 2)
    assert train.learning_rate(1.0, peak, warmup) == 0.0
    assert train.learning_rate(1.7, peak, warmup) == 0.0  # past the budget: stays at 0


@pytest.fixture(scope="module")
def fitted():
    """One short fit shared by the tests that only read its result."""
    cnnlab.set_seed(0)
    x, y = tiny_data()
    model = tiny_model()
    start = time.perf_counter()
    history = train.fit(model, x, y, budget=2.0, validation_data=(x[:30], y[:30]),
                        batch_size=16, label_smoothing=0.1, augment=True, verbose=False)
    return model, history, time.perf_counter() - start


def test_fit_stops_at_the_budget(fitted):
    _, history, wall = fitted
    # Generous bound: tracing and the last validation pass come on top of the 2 s budget.
    assert wall < 30
    assert history.seconds <= wall
    assert 1.0 < history.history["seconds"][-1] < 30


def test_fit_history_format(fitted):
    model, history, _ = fitted
    keys = {"loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds", "epochs"}
    assert keys <= set(history.history)
    lengths = {len(values) for values in history.history.values()}
    assert len(lengths) == 1 and lengths.pop() >= 1
    assert all(isinstance(v, float) for values in history.history.values() for v in values)
    assert np.all(np.diff(history.history["seconds"]) > 0)
    assert history.history["lr"][-1] < 0.5 * 1e-3  # decayed towards 0 by the end
    assert history.epochs > 0 and history.images_per_second > 0
    assert history.precision == keras.mixed_precision.global_policy().name
    assert model.loss.get_config()["label_smoothing"] == pytest.approx(0.1)


def test_fit_is_silent_under_grading(monkeypatch, capfd):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    x, y = tiny_data(48)
    train.fit(tiny_model(), x, y, budget=0.5, validation_data=(x, y), batch_size=16)
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_fit_shows_progress_on_stdout_for_a_person(monkeypatch, capfd):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    x, y = tiny_data(48)
    train.fit(tiny_model(), x, y, budget=0.5, batch_size=16)
    out, err = capfd.readouterr()
    assert "train |" in out and "epoch" in out
    assert err == ""


def test_fit_rejects_bad_input():
    x, y = tiny_data(32)
    with pytest.raises(ValueError, match=r"\(N, H, W, C\)"):
        train.fit(tiny_model(), x[..., 0], y, budget=1)
    with pytest.raises(ValueError, match="shape"):
        train.fit(tiny_model(), x, y[:-1], budget=1)
    with pytest.raises(ValueError, match="model.compile"):
        train.fit(tiny_model(), x, y, budget=1, compile=False)
    compiled = tiny_model()
    compiled.compile("sgd", "sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match="compile=True"):
        train.fit(compiled, x, y, budget=1, compile=False, label_smoothing=0.1)


def test_fit_keeps_the_models_own_compile_when_asked():
    x, y = tiny_data(32)
    model = tiny_model()
    model.compile(keras.optimizers.SGD(0.1), "sparse_categorical_crossentropy")
    history = train.fit(model, x, y, budget=0.5, batch_size=16, compile=False, verbose=False)
    assert isinstance(model.optimizer, keras.optimizers.SGD)
    assert "loss" in history.history and "accuracy" not in history.history


def epoch_orders(seed: int, epochs: int = 2) -> list[list[int]]:
    x = np.zeros((50, 2, 2, 1), np.uint8)
    dataset = pipeline.make_dataset(x, np.arange(50), batch_size=8, seed=seed, shuffle=True)
    return [np.concatenate([b.numpy() for _, b in dataset]).tolist() for _ in range(epochs)]


def test_data_order_depends_only_on_the_seed():
    first, again, other = epoch_orders(3), epoch_orders(3), epoch_orders(4)
    assert first == again
    assert first != other
    assert first[0] != first[1]  # a new order every epoch
    assert all(sorted(order) == list(range(50)) for order in first)  # each epoch: a permutation


def shifted_versions(image: np.ndarray, max_shift: int = 2) -> list[np.ndarray]:
    """Every flip/shift of ``image`` that flip_and_shift may produce (independent numpy)."""
    padded = np.pad(image, ((max_shift, max_shift), (max_shift, max_shift), (0, 0)))
    h, w = image.shape[:2]
    versions = []
    for source in (padded, padded[:, ::-1]):
        for dy in range(2 * max_shift + 1):
            for dx in range(2 * max_shift + 1):
                versions.append(source[dy:dy + h, dx:dx + w])
    return versions


def test_flip_and_shift_moves_whole_images_and_repeats_per_seed():
    rng = np.random.default_rng(0)
    images = rng.integers(1, 255, (16, 6, 6, 3), dtype=np.uint8)
    seeds = (np.array([1, 2]), np.array([3, 4]))
    out = pipeline.flip_and_shift(images, *seeds).numpy()
    again = pipeline.flip_and_shift(images, *seeds).numpy()
    assert out.shape == images.shape and out.dtype == np.uint8
    np.testing.assert_array_equal(out, again)
    for image, augmented in zip(images, out, strict=True):
        assert any(np.array_equal(augmented, v) for v in shifted_versions(image))
    assert not np.array_equal(out, images)  # 16 images: some moved


def test_evaluate_and_flip_tta(fitted):
    model, _, _ = fitted
    x, y = tiny_data()
    expected = np.mean(np.argmax(model.predict(x, verbose=0), axis=1) == y)
    assert train.evaluate(model, x, y) == pytest.approx(expected)
    assert 0.0 <= train.evaluate(model, x, y, tta_flip=True) <= 1.0


def test_use_best_precision_sets_the_keras_policy(monkeypatch):
    monkeypatch.setenv("CNNLAB_PRECISION", "mixed_bfloat16")
    try:
        assert train.use_best_precision() == "mixed_bfloat16"
        assert keras.mixed_precision.global_policy().name == "mixed_bfloat16"
    finally:
        keras.mixed_precision.set_global_policy("float32")
