"""Where cnnlab keeps its CIFAR-10 cache, and where Keras keeps its copy.

Cache folder, first that applies: ``$CNNLAB_CACHE_DIR``; the ``data/`` folder of the cnnlab
checkout this package was imported from; ``$XDG_CACHE_HOME/cnnlab`` or ``~/.cache/cnnlab``.
"""

from __future__ import annotations

import os
from pathlib import Path

from cnnlab.data.spec import CACHE_FILENAME, OFFICIAL_FILENAME

CACHE_DIR_ENV = "CNNLAB_CACHE_DIR"
DATA_ENV = "CNNLAB_DATA"


def repo_root() -> Path | None:
    """The cnnlab checkout containing this package (it has ``data/manifest.json``), or None."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "data" / "manifest.json").is_file():
        return root
    return None


def cache_dir() -> Path:
    """The folder of the decoded cache and of a downloaded archive (may not exist yet)."""
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    root = repo_root()
    if root is not None:
        return root / "data"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "cnnlab"


def cache_file() -> Path:
    """The decoded cache, ``<cache_dir>/cifar10.npz``."""
    return cache_dir() / CACHE_FILENAME


def downloaded_archive() -> Path:
    """Where ``cnnlab data download`` saves the official archive."""
    return cache_dir() / OFFICIAL_FILENAME


def keras_candidates() -> list[Path]:
    """Where ``keras.datasets.cifar10.load_data()`` leaves CIFAR-10, newest Keras first.

    Keras 3 extracts to ``cifar-10-batches-py-target/cifar-10-batches-py`` beside the archive
    ``cifar-10-batches-py-target_archive``; Keras 2 and tf.keras use ``cifar-10-batches-py`` and
    ``cifar-10-batches-py.tar.gz``. ``$KERAS_HOME`` replaces ``~/.keras`` as Keras does.
    """
    home = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras").expanduser()
    datasets = home / "datasets"
    return [
        datasets / "cifar-10-batches-py-target" / "cifar-10-batches-py",
        datasets / "cifar-10-batches-py",
        datasets / "cifar-10-batches-py-target_archive",
        datasets / "cifar-10-batches-py.tar.gz",
    ]
