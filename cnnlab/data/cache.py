"""The project's decoded cache: one uncompressed .npz, written atomically, checked on every read.

The file holds ``x_train``, ``y_train``, ``x_test``, ``y_test`` and ``meta``, a JSON string with
the SHA-256 of every array and the identity of the source it was decoded from. A write goes to a
temporary file in the same folder, is flushed to disk, then renamed over the cache, so a process
killed mid-write leaves the previous cache (or none), never half a file. A read checks the zip's
CRC-32s, the SHA-256s, shapes, dtypes, labels and classes: a damaged cache raises
``DatasetError`` and is rebuilt by the loader. Reading all 60,000 images takes a few tenths of a
second.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

from cnnlab.data.errors import DatasetError
from cnnlab.data.spec import Dataset
from cnnlab.data.validate import check_dataset, class_counts

CACHE_FORMAT = "cnnlab-cifar10-cache"
CACHE_VERSION = 1
ARRAY_KEYS = ("x_train", "y_train", "x_test", "y_test")
_STALE_TEMP_SECONDS = 3600


def read_meta(path: Path) -> dict:
    """The metadata of the cache at ``path``, without reading the images (fast)."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            meta = json.loads(str(npz["meta"][()]))
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
        raise DatasetError(_unreadable(path, error)) from error
    if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT:
        raise DatasetError(f"{path}: not a cnnlab CIFAR-10 cache (no '{CACHE_FORMAT}' metadata)")
    if not isinstance(meta.get("arrays"), dict) or not isinstance(meta.get("source"), dict):
        raise DatasetError(f"{path}: the cache's metadata is incomplete; the cache is damaged")
    if meta.get("version") != CACHE_VERSION:
        raise DatasetError(
            f"{path}: cache version {meta.get('version')}, this cnnlab reads {CACHE_VERSION}"
        )
    return meta


def read_cache(path: Path) -> tuple[Dataset, dict]:
    """(dataset, metadata) from the cache at ``path``; ``DatasetError`` if it is damaged."""
    meta = read_meta(path)
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in ARRAY_KEYS}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
        raise DatasetError(_unreadable(path, error)) from error
    for key, array in arrays.items():
        expected = meta["arrays"].get(key)
        if _array_info(array) != expected:
            raise DatasetError(
                f"{path}: {key} does not match its recorded checksum/shape "
                f"(recorded {expected}, found {_array_info(array)}); the cache is damaged"
            )
    data = check_dataset(
        ((arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])), str(path)
    )
    return data, meta


def write_cache(path: Path, data: Dataset, source: dict) -> dict:
    """Atomically write ``data`` (validated) to ``path``, recording ``source``; returns the meta.

    ``source`` describes where the arrays came from (see ``source_identity``).
    """
    (x_train, y_train), (x_test, y_test) = check_dataset(data, "arrays to cache")
    arrays = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}
    meta = {
        "format": CACHE_FORMAT,
        "version": CACHE_VERSION,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "source": source,
        "arrays": {key: _array_info(array) for key, array in arrays.items()},
        "class_counts": {
            "train": class_counts(y_train).tolist(),
            "test": class_counts(y_test).tolist(),
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path)
    fd, temp_name = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            with contextlib.suppress(OSError, AttributeError):  # mkstemp makes it 0600
                os.fchmod(file.fileno(), 0o644)
            np.savez(file, meta=np.array(json.dumps(meta)), **arrays)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_directory(path.parent)
    return meta


def source_identity(path: Path, fmt: str) -> dict:
    """What identifies a source, so that a cache of another source is never served for it.

    A file is identified by its SHA-256 (about 0.1 s for the 170 MB official archive); a
    directory by the names, sizes and modification times of its files.
    """
    path = path.resolve()
    if path.is_dir():
        digest = hashlib.sha256()
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                stat = os.stat(os.path.join(folder, name))
                relative = os.path.relpath(os.path.join(folder, name), path)
                digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return {"path": str(path), "format": fmt, "fingerprint": "tree:" + digest.hexdigest()}
    return {"path": str(path), "format": fmt, "fingerprint": "sha256:" + file_sha256(path)}


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _array_info(array: np.ndarray) -> dict:
    contiguous = np.ascontiguousarray(array)
    return {
        "shape": list(array.shape),
        "dtype": str(array.dtype),
        "sha256": hashlib.sha256(contiguous.data).hexdigest(),
    }


def _unreadable(path: Path, error: BaseException) -> str:
    return (
        f"{path}: the cache cannot be read, it is truncated or damaged "
        f"({type(error).__name__}: {error})"
    )


def _remove_stale_temps(path: Path) -> None:
    """Remove temporary files left by writers killed long ago (never a live writer's file)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for temp in path.parent.glob(f"{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
