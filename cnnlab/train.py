"""Train a Keras model for a stated wall-clock budget: the one training helper of every lab.

Typical use in a lab (the precision must be chosen before the model is built)::

    from cnnlab import train
    train.use_best_precision()           # bfloat16 where it is faster, float32 elsewhere
    model = build_cnn()
    history = train.fit(model, x_train, y_train,
                        budget=train.budget(120, grading_images=6_000),
                        validation_data=(x_val, y_val))
    train.evaluate(model, x_test, y_test, tta_flip=True)

``fit`` compiles the model itself (Adam unless told otherwise, categorical cross-entropy with
optional label smoothing, accuracy) so that every lab trains the same way; pass
``compile=False`` to keep your own ``model.compile`` (then labels go to Keras as given). The
learning rate follows the budget: a linear warmup over the first 15% of it, then a linear decay
that reaches 0 when the budget ends, so a short budget still converges.

A budget is wall-clock seconds (a student's run: the lab takes the same time on every laptop)
or a fixed number of training images (grading: the same work, hence the same weights and the
same graded accuracy, on every run of a machine, however fast or loaded it is). Under autograde
(``NBGRADER_EXECUTION`` set) training is silent and ``budget`` returns the grading budget.
"""

from __future__ import annotations

import os
import time
import warnings
from dataclasses import dataclass, field
from typing import Any

import keras
import numpy as np

from cnnlab import hardware
from cnnlab._progress import Progress
from cnnlab.pipeline import make_dataset

GRADING_ENV = "NBGRADER_EXECUTION"


def in_grading() -> bool:
    """True while nbgrader executes the notebook (autograde or validate)."""
    return bool(os.environ.get(GRADING_ENV))


@dataclass(frozen=True)
class Budget:
    """How much to train: wall-clock ``seconds`` or a fixed number of training ``images``."""

    seconds: float | None = None
    images: int | None = None

    def __post_init__(self) -> None:
        if (self.seconds is None) == (self.images is None):
            raise ValueError("a Budget is either seconds or images, exactly one of them")
        if self.seconds is not None and not self.seconds > 0:
            raise ValueError(f"seconds must be a positive number, got {self.seconds!r}")
        if self.images is not None and not (
            isinstance(self.images, int) and not isinstance(self.images, bool) and self.images > 0
        ):
            raise ValueError(f"images must be a positive integer, got {self.images!r}")

    def __str__(self) -> str:
        return f"{self.seconds:g} s" if self.seconds is not None else f"{self.images:,} images"


def budget(seconds: float, *, grading_images: int | None = None,
           grading_seconds: float | None = None) -> Budget:
    """The budget to train (or time) with: ``seconds`` normally, the grading one under autograde.

    The only place where work shrinks for grading: labs write
    ``train.fit(..., budget=train.budget(120, grading_images=6_000))``, never their own ``if``.
    Training under grading is a fixed number of images (``grading_images``), so graded results
    do not depend on the grading machine's speed or load; ``grading_seconds`` is for cells that
    time something rather than train.
    """
    if (grading_images is None) == (grading_seconds is None):
        raise ValueError("give exactly one of grading_images (training) or grading_seconds")
    student = Budget(seconds=float(seconds))
    if grading_seconds is not None:
        grading = Budget(seconds=grading_seconds)
    else:
        grading = Budget(images=grading_images)
    return grading if in_grading() else student


def use_best_precision() -> str:
    """Set Keras' global dtype policy to the fastest one here; call it BEFORE building a model.

    Returns the policy name: ``"mixed_bfloat16"`` on CPUs with bfloat16 instructions (AMX-BF16
    or AVX512-BF16), else ``"float32"``
    (override with ``CNNLAB_PRECISION``). Layers take the policy when they are created, so a
    model built earlier keeps float32.
    """
    policy = hardware.choose_precision()
    keras.mixed_precision.set_global_policy(policy)
    return policy


def learning_rate(fraction: float, peak_lr: float, warmup_fraction: float = 0.15) -> float:
    """The learning rate when ``fraction`` (0..1) of the budget has elapsed.

    Rises linearly from 0 to ``peak_lr`` over the first ``warmup_fraction``, then falls
    linearly to exactly 0 at ``fraction == 1`` (and stays 0 after it).
    """
    fraction = min(max(float(fraction), 0.0), 1.0)
    if fraction < warmup_fraction:
        return peak_lr * fraction / warmup_fraction
    return peak_lr * (1.0 - fraction) / (1.0 - warmup_fraction)


@dataclass
class TrainHistory:
    """What ``fit`` returns; ``cnnlab.plots.training_curves`` draws it.

    ``history`` holds one entry per epoch (the last one usually partial): ``loss``,
    ``accuracy``, ``val_loss`` and ``val_accuracy`` (with validation data), ``lr`` (at the
    epoch's end), ``seconds`` (wall-clock since the start of ``fit`` at the epoch's end) and
    ``epochs`` (training images seen by the epoch's end / training-set size: 1, 2, ..., then
    e.g. 8.35 for a last epoch cut short by the budget; its loss and accuracy are over that
    fraction only).
    """

    history: dict[str, list[float]] = field(default_factory=dict)
    images_per_second: float = 0.0  # training speed (first, tracing step left out)
    epochs: float = 0.0  # images seen / training-set size (fractional)
    seconds: float = 0.0  # wall-clock of the whole call, last validation included
    precision: str = "float32"  # the model's dtype policy


def fit(
    model: Any,
    x: np.ndarray,
    y: np.ndarray,
    *,
    budget: Budget | float,
    validation_data: tuple[np.ndarray, np.ndarray] | None = None,
    batch_size: int = 128,
    peak_lr: float = 1e-3,
    warmup_fraction: float = 0.15,
    label_smoothing: float = 0.0,
    augment: bool = False,
    optimizer: Any = "adam",
    compile: bool = True,
    seed: int = 0,
    verbose: bool | None = None,
) -> TrainHistory:
    """Train ``model`` on ``x`` (N, H, W, C), ``y`` (N,) integer classes within ``budget``.

    ``budget`` is a ``Budget`` (``train.budget(...)``) or a number of seconds.

    By default ``fit`` compiles the model: ``optimizer`` (a name or a Keras optimizer; its
    learning rate is overwritten every batch), categorical cross-entropy with
    ``label_smoothing`` (on probabilities when the last layer applies softmax, else on
    logits) and accuracy. ``compile=False`` keeps the model's own compile: labels then go to
    Keras as given and only the learning rate and the budget come from ``fit``.
    The model is fed ``x`` as given (scale it, or put a ``Rescaling`` layer in the model).
    A budget of seconds covers training and the per-epoch validation passes; training stops
    before the next batch would overrun it, and the last epoch's validation pass runs after it.
    A budget of images stops after the batch that reaches that many training images (the
    schedule follows the images seen, never the clock).
    ``augment`` adds a random horizontal flip and a random shift of up to 2 px per image.
    The data order and augmentation depend only on ``seed``; use ``cnnlab.set_seed`` before
    building the model for repeatable weights. ``verbose=None`` shows a progress bar except
    under autograde, where nothing is written to stdout or stderr.
    """
    start = time.perf_counter()  # the budget covers compiling and building the pipeline too
    _check_inputs(x, y, "x", "y")
    if validation_data is not None:
        _check_inputs(*validation_data, "validation_data[0]", "validation_data[1]")
    if not isinstance(budget, Budget):
        budget = Budget(seconds=budget)
    verbose = (not in_grading()) if verbose is None else bool(verbose)
    num_classes = int(model.output_shape[-1])
    if compile:
        optimizer = keras.optimizers.get(optimizer)
        loss = keras.losses.CategoricalCrossentropy(
            from_logits=not _ends_in_softmax(model), label_smoothing=label_smoothing
        )
        model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    elif getattr(model, "optimizer", None) is None:
        raise ValueError("compile=False needs a compiled model: call model.compile(...) first")
    elif label_smoothing:
        raise ValueError("label_smoothing needs compile=True (fit then uses one-hot labels)")
    one_hot = num_classes if compile else None
    train_data = make_dataset(
        x, y, batch_size=batch_size, seed=seed, augment=augment, one_hot=one_hot, shuffle=True
    )
    val_data = None
    if validation_data is not None:
        val_data = make_dataset(*validation_data, batch_size=1024, one_hot=one_hot)

    clock = _BudgetClock(start, budget, peak_lr, warmup_fraction, len(x), batch_size, verbose)
    with warnings.catch_warnings():
        if not verbose:
            warnings.simplefilter("ignore")
        model.fit(
            train_data, validation_data=val_data, epochs=1_000_000, shuffle=False, verbose=0,
            callbacks=[clock],
        )
    clock.close()
    return TrainHistory(
        history=clock.history,
        images_per_second=clock.images_per_second(),
        epochs=clock.images / len(x),
        seconds=time.perf_counter() - clock.start,
        precision=str(model.dtype_policy.name),
    )


def predict(model: Any, x: np.ndarray, *, tta_flip: bool = False) -> np.ndarray:
    """Predicted classes (N,) for images ``x`` (N, H, W, C).

    ``tta_flip`` (test-time augmentation) adds the model's outputs on the mirrored images
    before taking the argmax; it usually gains a point of accuracy for free.
    """
    scores = np.asarray(model.predict(x, batch_size=1024, verbose=0), dtype=np.float64)
    if tta_flip:
        scores += np.asarray(model.predict(x[:, :, ::-1], batch_size=1024, verbose=0))
    return scores.argmax(axis=-1)


def evaluate(model: Any, x: np.ndarray, y: np.ndarray, *, tta_flip: bool = False) -> float:
    """Accuracy (0..1) of ``model`` on ``x`` (N, H, W, C) with integer labels ``y`` (N,)."""
    _check_inputs(x, y, "x", "y")
    return float(np.mean(predict(model, x, tta_flip=tta_flip) == np.asarray(y)))


def _check_inputs(x: Any, y: Any, x_name: str, y_name: str) -> None:
    x_shape, y_shape = np.shape(x), np.shape(y)
    if len(x_shape) != 4:
        raise ValueError(f"{x_name} must be images (N, H, W, C), got shape {x_shape}")
    if y_shape != x_shape[:1]:
        raise ValueError(
            f"{y_name} must be integer classes of shape ({x_shape[0]},), got shape {y_shape}"
        )


def _ends_in_softmax(model: Any) -> bool:
    """True when the model outputs probabilities (its last layer applies softmax)."""
    layer = model.layers[-1]
    if isinstance(layer, keras.layers.Softmax):
        return True
    activation = getattr(layer, "activation", None)
    return getattr(activation, "__name__", "") == "softmax"


class _BudgetClock(keras.callbacks.Callback):
    """Keras callback: sets the learning rate from the budget, stops at its end, logs."""

    def __init__(self, start: float, budget: Budget, peak_lr: float, warmup_fraction: float,
                 n_train: int, batch_size: int, verbose: bool) -> None:
        super().__init__()
        self.budget, self.peak_lr, self.warmup = budget, peak_lr, warmup_fraction
        self.n_train, self.batch_size = n_train, batch_size
        self.history: dict[str, list[float]] = {}
        self.images, self.train_seconds = 0, 0.0
        total, unit = (budget.seconds, "s") if budget.seconds else (budget.images, "img")
        self.progress = Progress(total, unit=unit) if verbose else None
        self.start = start
        self._batch_start = self._step = 0.0
        self._epoch_images = 0
        self._first: tuple[int, float] | None = None  # images and seconds of the first step

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def fraction(self) -> float:
        """How much of the budget is spent (0..1, more once it is over)."""
        if self.budget.seconds is not None:
            return self.elapsed() / self.budget.seconds
        return self.images / self.budget.images

    def _done(self) -> float:
        return self.elapsed() if self.budget.seconds is not None else float(self.images)

    def _lr(self) -> float:
        return learning_rate(self.fraction(), self.peak_lr, self.warmup)

    def images_per_second(self) -> float:
        """Training speed, leaving out the first step (it traces the model) when possible."""
        images, seconds = self.images, self.train_seconds
        if self._first is not None and images > self._first[0]:
            images, seconds = images - self._first[0], seconds - self._first[1]
        return images / max(seconds, 1e-9)

    def _out_of_time(self) -> bool:
        if self.budget.seconds is not None:
            return self.elapsed() + self._step >= self.budget.seconds
        return self.images >= self.budget.images

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self._epoch_images = 0

    def on_train_batch_begin(self, batch: int, logs: dict | None = None) -> None:
        self._batch_start = time.perf_counter()
        self.model.optimizer.learning_rate = self._lr()

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        step = time.perf_counter() - self._batch_start
        self.train_seconds += step
        seen = min(self.n_train, (batch + 1) * self.batch_size)
        self.images += seen - self._epoch_images
        self._epoch_images = seen
        if self._first is None:  # the first step traces the model: keep it out of the estimate
            self._first = (self.images, step)
        else:
            self._step = step if self._step == 0.0 else 0.8 * self._step + 0.2 * step
        if self.progress is not None:
            self.progress.update(self._done(), logs, self.images_per_second())
        if self._out_of_time():
            self.model.stop_training = True

    def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
        row = {key: float(value) for key, value in (logs or {}).items()}
        row["lr"] = self._lr()
        row["seconds"] = self.elapsed()
        row["epochs"] = self.images / self.n_train
        for key, value in row.items():
            self.history.setdefault(key, []).append(value)
        if self.progress is not None:
            partial = self._epoch_images / self.n_train
            self.progress.epoch_line(epoch + 1, row, None if partial >= 1 else partial)
        if self._out_of_time():
            self.model.stop_training = True

    def close(self) -> None:
        if self.progress is not None:
            self.progress.close()
