"""Checks every array the loader returns: shapes, dtypes, label range, classes present."""

from __future__ import annotations

import numpy as np

from cnnlab.data.errors import DatasetError
from cnnlab.data.spec import CLASS_NAMES, IMAGE_SHAPE, NUM_CLASSES, PER_CLASS, SPLITS, Dataset


def check_split(x: object, y: object, split: str, origin: str) -> tuple[np.ndarray, np.ndarray]:
    """Validate one split and return it as (x uint8 (N, 32, 32, 3), y int64 (N,)).

    ``origin`` names the file the arrays came from, for the error message. Raises
    ``DatasetError`` on a wrong dtype or shape, labels outside [0, 10), or a missing class.
    """
    where = f"{origin} ({split})"
    if not isinstance(x, np.ndarray) or x.dtype != np.uint8:
        raise DatasetError(f"{where}: images must be a uint8 array, got {_describe(x)}")
    if x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE:
        raise DatasetError(f"{where}: images must have shape (N, 32, 32, 3), got {x.shape}")
    if not isinstance(y, np.ndarray) or y.dtype.kind not in "iu":
        raise DatasetError(f"{where}: labels must be an integer array, got {_describe(y)}")
    if y.shape != (len(x),):
        raise DatasetError(f"{where}: labels must have shape ({len(x)},), got {y.shape}")
    if len(y) and (y.min() < 0 or y.max() >= NUM_CLASSES):
        raise DatasetError(
            f"{where}: labels must lie in [0, {NUM_CLASSES}), got [{y.min()}, {y.max()}]"
        )
    missing = [CLASS_NAMES[c] for c in np.flatnonzero(class_counts(y) == 0)]
    if missing:
        raise DatasetError(f"{where}: no images of class {', '.join(missing)}")
    return x, y.astype(np.int64, copy=False)


def check_dataset(data: object, origin: str) -> Dataset:
    """Validate ``((x_train, y_train), (x_test, y_test))``; see ``check_split``."""
    try:
        (x_train, y_train), (x_test, y_test) = data  # type: ignore[misc]
    except (TypeError, ValueError) as error:
        raise DatasetError(f"{origin}: expected ((x_train, y_train), (x_test, y_test))") from error
    return (
        check_split(x_train, y_train, "train", origin),
        check_split(x_test, y_test, "test", origin),
    )


def class_counts(y: np.ndarray) -> np.ndarray:
    """Images per class, int64 (10,), for labels y (N,)."""
    return np.bincount(y, minlength=NUM_CLASSES)[:NUM_CLASSES]


def completeness_problems(data: Dataset) -> list[str]:
    """How ``data`` differs from the complete CIFAR-10 (50,000/10,000, 5,000/1,000 per class).

    Returns an empty list for the complete dataset; a subset or a small test set is valid data
    but not complete, and ``cnnlab data verify`` reports the difference.
    """
    problems = []
    for split, (_, y) in zip(SPLITS, data, strict=True):
        counts = class_counts(y)
        wrong = [f"{CLASS_NAMES[c]} {n}" for c, n in enumerate(counts) if n != PER_CLASS[split]]
        if wrong:
            problems.append(
                f"{split}: expected {PER_CLASS[split]:,} images per class, got {', '.join(wrong)}"
            )
    return problems


def _describe(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"{value.dtype} array of shape {value.shape}"
    return type(value).__name__
