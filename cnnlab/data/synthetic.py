"""A small synthetic stand-in for CIFAR-10 that a CNN can learn: one shape per class.

Class k draws shape k (disc, square, triangle, ring, plus, diamond, and horizontal, vertical,
diagonal stripes, checkerboard) at a random position and size, in a colour near hue k/10 on a
random background, with Gaussian grey noise. Shape is the main cue (what convolutions are for);
the hue is a weaker one. Nothing is downloaded: it is the fallback when CIFAR-10 is missing.
"""

from __future__ import annotations

import numpy as np

from cnnlab.data.spec import IMAGE_SHAPE, NUM_CLASSES, Dataset

SHAPES: tuple[str, ...] = (
    "disc",
    "square",
    "triangle",
    "ring",
    "plus",
    "diamond",
    "horizontal stripes",
    "vertical stripes",
    "diagonal stripes",
    "checkerboard",
)
_NOISE_STD = 12.0
_CHUNK = 2048


def make_synthetic(n_train: int, n_test: int, seed: int = 0) -> Dataset:
    """``((x_train, y_train), (x_test, y_test))`` like ``load_cifar10``, generated from ``seed``.

    x: uint8 (N, 32, 32, 3); y: int64 (N,) in [0, 10), classes balanced to within one image and
    shuffled. The same arguments give the same arrays; train and test come from independent
    streams, so the test images do not depend on ``n_train``.
    """
    for name, n in (("n_train", n_train), ("n_test", n_test)):
        if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 0:
            raise ValueError(f"{name} must be a non-negative integer, got {n!r}")
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    train = _split(int(n_train), np.random.default_rng([int(seed), 0]))
    test = _split(int(n_test), np.random.default_rng([int(seed), 1]))
    return train, test


def _split(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = rng.permutation(np.arange(n) % NUM_CLASSES).astype(np.int64)
    x = np.empty((n, *IMAGE_SHAPE), dtype=np.uint8)
    for start in range(0, n, _CHUNK):  # chunks bound the float32 temporaries to ~50 MB
        x[start : start + _CHUNK] = _draw(y[start : start + _CHUNK], rng)
    return x, y


def _draw(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """uint8 (n, 32, 32, 3) images of the classes ``y`` (n,)."""
    n = len(y)
    height, width, _ = IMAGE_SHAPE
    rows, cols = np.mgrid[0:height, 0:width].astype(np.float32)
    centre = rng.uniform(11, 21, size=(n, 2, 1, 1)).astype(np.float32)
    radius = rng.uniform(6, 10, size=(n, 1, 1)).astype(np.float32)
    period = rng.integers(4, 8, size=(n, 1, 1)).astype(np.float32)
    phase = rng.uniform(0, 8, size=(n, 1, 1)).astype(np.float32)
    v, u = rows - centre[:, 0], cols - centre[:, 1]  # (n, 32, 32) offsets from the centre
    mask = np.zeros((n, height, width), dtype=bool)
    for label in range(NUM_CLASSES):
        chosen = y == label
        mask[chosen] = _shape(
            label, u[chosen], v[chosen], radius[chosen], rows, cols, period[chosen], phase[chosen]
        )
    hue = (y / NUM_CLASSES + rng.normal(0, 0.08, size=n)) % 1.0
    foreground = (_hue_to_rgb(hue) * rng.uniform(150, 255, size=(n, 1))).astype(np.float32)
    background = rng.uniform(0, 110, size=(n, 3)).astype(np.float32)
    images = np.where(mask[..., None], foreground[:, None, None], background[:, None, None])
    # Grey (luminance) noise, one draw per pixel shared by its three channels.
    images += _NOISE_STD * rng.standard_normal((n, height, width, 1), dtype=np.float32)
    return np.clip(images + 0.5, 0, 255).astype(np.uint8)  # +0.5 then truncation rounds


def _shape(label, u, v, r, rows, cols, period, phase) -> np.ndarray:
    """Boolean (n, 32, 32) mask of shape ``label`` for offsets u, v (n, 32, 32) and radius r."""
    distance = np.hypot(u, v)
    if label == 0:
        return distance <= r
    if label == 1:
        return np.maximum(abs(u), abs(v)) <= 0.8 * r
    if label == 2:
        return (abs(v) <= r) & (abs(u) <= (v + r) / 2)
    if label == 3:
        return (distance <= r) & (distance >= 0.55 * r)
    if label == 4:
        arm = 0.3 * r
        return ((abs(u) <= arm) & (abs(v) <= r)) | ((abs(v) <= arm) & (abs(u) <= r))
    if label == 5:
        return abs(u) + abs(v) <= r
    if label == 6:
        return ((rows + phase) // (period / 2)) % 2 == 0
    if label == 7:
        return ((cols + phase) // (period / 2)) % 2 == 0
    if label == 8:
        return ((rows + cols + phase) // (period / 2)) % 2 == 0
    return (((rows + phase) // period) + ((cols + phase) // period)) % 2 == 0


def _hue_to_rgb(hue: np.ndarray) -> np.ndarray:
    """Fully saturated RGB in [0, 1], (n, 3), for hues in [0, 1) (n,)."""
    k = (hue[:, None] * 6 + np.array([5.0, 3.0, 1.0])) % 6
    return 1 - np.clip(np.minimum(k, 4 - k), 0, 1)
