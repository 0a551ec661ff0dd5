"""Stratified, seeded subsets: every class keeps its share, the same seed gives the same images."""

from __future__ import annotations

import numpy as np

from cnnlab.data.spec import NUM_CLASSES, Dataset
from cnnlab.data.validate import class_counts


def check_subset(subset: object) -> tuple[int, int] | None:
    """Validate a ``subset=`` argument: None or (n_train, n_test), non-negative ints."""
    if subset is None:
        return None
    if (
        not isinstance(subset, (tuple, list))
        or len(subset) != 2
        or not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) for n in subset)
        or min(subset) < 0
    ):
        raise ValueError(f"subset must be None or (n_train, n_test) with ints >= 0, got {subset!r}")
    return int(subset[0]), int(subset[1])


def stratified_indices(y: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of ``n`` samples of labels ``y`` (N,), each class in proportion, shuffled.

    Per-class counts are the proportional shares rounded by largest remainder (ties go to the
    lower class index), so ``n = 1000`` of a balanced set takes exactly 100 of each class.
    """
    counts = class_counts(y)
    if n > len(y):
        raise ValueError(f"asked for {n:,} samples, only {len(y):,} are available")
    share = counts * n / max(len(y), 1)
    take = np.floor(share).astype(np.int64)
    remainder = n - int(take.sum())
    order = np.lexsort((np.arange(NUM_CLASSES), -(share - take)))
    take[order[:remainder]] += 1
    chosen = [
        rng.choice(np.flatnonzero(y == c), size=int(take[c]), replace=False)
        for c in range(NUM_CLASSES)
    ]
    return rng.permutation(np.concatenate(chosen))


def take_subset(data: Dataset, subset: tuple[int, int], seed: int) -> Dataset:
    """``subset = (n_train, n_test)`` stratified samples of ``data``, deterministic per ``seed``."""
    result = []
    for stream, ((x, y), n, split) in enumerate(zip(data, subset, ("train", "test"), strict=True)):
        # One generator per split: the test images do not depend on n_train.
        rng = np.random.default_rng([seed, stream])
        try:
            index = stratified_indices(y, n, rng)
        except ValueError as error:
            raise ValueError(f"subset {split}: {error}") from error
        result.append((x[index], y[index]))
    return result[0], result[1]
