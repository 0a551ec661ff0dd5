"""Real photos for convolution demos, from files installed with scikit-image and matplotlib.

Nothing is downloaded. Sources: scikit-image's bundled images (``skimage.data``; its docstrings
give their public-domain/CC0 origins) and matplotlib's ``sample_data/grace_hopper.jpg``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

# Photos that ship inside the scikit-image wheel (others download on demand and fail offline).
_SKIMAGE = (
    "astronaut",
    "brick",
    "camera",
    "chelsea",
    "coffee",
    "coins",
    "grass",
    "gravel",
    "hubble_deep_field",
    "immunohistochemistry",
    "moon",
    "page",
    "retina",
    "rocket",
    "text",
)
_MATPLOTLIB = {"grace_hopper": "grace_hopper.jpg"}
SAMPLE_IMAGES: tuple[str, ...] = tuple(sorted((*_SKIMAGE, *_MATPLOTLIB)))


def load_sample_image(name: str) -> np.ndarray:
    """The photo ``name`` (one of ``SAMPLE_IMAGES``) as uint8 (H, W, 3), values 0..255.

    Grayscale photos (camera, coins, moon, page, text, brick, grass, gravel) are repeated over
    the three channels, so every sample has the layout of a CIFAR-10 image.
    """
    if name not in SAMPLE_IMAGES:
        raise ValueError(
            f"unknown sample image {name!r}; choose one of: {', '.join(SAMPLE_IMAGES)}"
        )
    image = _from_matplotlib(name) if name in _MATPLOTLIB else _from_skimage(name)
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise RuntimeError(f"sample image {name!r} came back as {image.dtype} {image.shape}")
    return np.ascontiguousarray(image)


def _from_skimage(name: str) -> np.ndarray:
    try:
        from skimage import data
    except ImportError as error:
        raise ImportError(
            f"sample image {name!r} comes with scikit-image: pip install scikit-image"
        ) from error
    return np.asarray(getattr(data, name)())


def _from_matplotlib(name: str) -> np.ndarray:
    from PIL import Image

    spec = importlib.util.find_spec("matplotlib")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"sample image {name!r} comes with matplotlib: pip install matplotlib")
    folder = Path(next(iter(spec.submodule_search_locations)), "mpl-data", "sample_data")
    with Image.open(folder / _MATPLOTLIB[name]) as image:
        return np.asarray(image.convert("RGB"))
