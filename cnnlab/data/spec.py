"""What CIFAR-10 is: class names, shapes, counts, and the published checksums of its archives.

``data/manifest.json`` in the repository states the same facts for people and tools;
``tests/test_data.py`` checks that the two agree.
"""

from __future__ import annotations

import numpy as np

CLASS_NAMES: tuple[str, ...] = (
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
)
NUM_CLASSES = len(CLASS_NAMES)
IMAGE_SHAPE: tuple[int, int, int] = (32, 32, 3)  # height, width, RGB channels
SPLITS: tuple[str, str] = ("train", "test")
# Counts of the complete dataset: images per split and per class in each split.
SPLIT_SIZES: dict[str, int] = {"train": 50_000, "test": 10_000}
PER_CLASS: dict[str, int] = {"train": 5_000, "test": 1_000}

# The official release (python-pickle batches), as published on the CIFAR page.
OFFICIAL_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
OFFICIAL_MD5 = "c58f30108f718f92721af3b95e74349a"
OFFICIAL_SIZE = 170_498_071  # bytes
OFFICIAL_FILENAME = "cifar-10-python.tar.gz"

# The course's offline copy (image folder of JPEGs, see ../shared/data/README.md).
JPEG_ARCHIVE_SHA256 = "58fd7819886b3078c8d587a9287a5468005f894299b575c97504d345fd9e5f59"

# Name of the project's decoded cache inside the cache directory.
CACHE_FILENAME = "cifar10.npz"

# ((x_train, y_train), (x_test, y_test)): x uint8 (N, 32, 32, 3), y int64 (N,) in [0, 10).
Dataset = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
