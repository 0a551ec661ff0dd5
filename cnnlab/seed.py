"""One call that fixes every random number generator a lab uses."""

from __future__ import annotations

import random

import numpy as np


def set_seed(seed: int = 0) -> None:
    """Seed Python's ``random``, NumPy's global generator and Keras (and its backend).

    After ``set_seed(s)`` a lab's weight initialisation, shuffling, dropout and data subsets
    repeat exactly from one run to the next on the same machine.
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    random.seed(int(seed))
    np.random.seed(int(seed))
    import keras  # imported here so that `import cnnlab` stays light

    keras.utils.set_random_seed(int(seed))
