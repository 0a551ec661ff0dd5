"""Recognise a CIFAR-10 source and decode it: pickle batches, an image folder, or an .npz cache.

- "pickle": the official python batches, as a directory (``cifar-10-batches-py/``) or
  ``.tar.gz`` (``cifar-10-python.tar.gz``);
- "imagefolder": ``train|test/<class>/*.png|jpg`` as a directory, ``.tar`` or ``.tar.gz``
  (``cifar10-jpg.tar.gz``);
- "npz": the project's cache (``data/cifar10.npz``), read by ``cnnlab.data.cache``.
"""

from __future__ import annotations

from pathlib import Path

from cnnlab.data import archive, image_folder, pickle_batches
from cnnlab.data.errors import DatasetError
from cnnlab.data.spec import Dataset


def detect(path: Path) -> tuple[str, str]:
    """(format, container) of an existing ``path``; container is "dir", "tar", "gzip" or "zip".

    An archive's format is only known once its member names are read, so for "tar" and "gzip"
    the format is "archive" until ``decode`` looks inside.
    """
    kind = archive.sniff(path)
    if kind == "zip":
        return "npz", kind
    if kind in ("tar", "gzip"):
        return "archive", kind
    if kind == "dir":
        names = archive.list_names(path)
        if any(pickle_batches.is_batch_file(name) for name in names):
            return "pickle", kind
        if image_folder.looks_like_image_folder(names):
            return "imagefolder", kind
        raise DatasetError(
            f"{path}: neither CIFAR-10 python batches (data_batch_1 ... test_batch) nor an "
            f"image folder (train|test/<class>/*.png|jpg)"
        )
    raise DatasetError(
        f"{path}: not a CIFAR-10 source; expected a directory, a .tar/.tar.gz archive or an "
        f".npz cache"
    )


def decode(path: Path, progress: bool | None = None) -> tuple[Dataset, str]:
    """Decode the pickle batches or image folder at ``path``; returns (dataset, format).

    Archives are read in one pass: the member names tell which of the two formats it holds.
    """
    fmt, _ = detect(path)
    if fmt == "npz":
        raise ValueError("decode() reads sources; .npz caches are read by cnnlab.data.cache")
    members = archive.read_members(
        path, lambda name: pickle_batches.is_batch_file(name) or image_folder.is_candidate(name)
    )
    if fmt == "archive":
        fmt = (
            "pickle" if any(pickle_batches.is_batch_file(n) for n, _ in members) else "imagefolder"
        )
    origin = str(path)
    if fmt == "pickle":
        members = [m for m in members if pickle_batches.is_batch_file(m[0])]
        return pickle_batches.decode_batches(members, origin), fmt
    if not image_folder.looks_like_image_folder([name for name, _ in members]):
        raise DatasetError(
            f"{path}: the archive holds neither CIFAR-10 python batches (data_batch_1 ... "
            f"test_batch) nor an image folder (train|test/<class>/*.png|jpg)"
        )
    return image_folder.decode_image_folder(members, origin, progress), fmt
