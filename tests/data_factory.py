"""Tiny CIFAR-10-shaped datasets that the data tests write themselves, in every format.

Sample i of a split has class i % 10 and is the (i // 10)-th image of its class, the order in
which the image-folder reader returns files, so every format must give back the same arrays.
Images are smooth colour ramps, so JPEG round trips stay within a few levels.
"""

from __future__ import annotations

import io
import pickle
import socket
import tarfile
from pathlib import Path

import numpy as np
from PIL import Image

from cnnlab.data import CLASS_NAMES

Arrays = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def isolate(monkeypatch, tmp_path: Path) -> Path:
    """Point every place the loader looks at into ``tmp_path``; returns the cache folder.

    The real ``~/.keras``, the repository's ``data/`` and the network are never touched: the
    download URL is a closed local port.
    """
    for name in ("CNNLAB_DATA", "KERAS_HOME", "XDG_CACHE_HOME", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(name, raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv("CNNLAB_CACHE_DIR", str(cache))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CNNLAB_CIFAR10_URL", closed_port_url())
    return cache


def closed_port_url() -> str:
    """An http URL on localhost where nothing listens (connection refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/cifar-10-python.tar.gz"


def tiny(per_class: tuple[int, int] = (3, 2), seed: int = 0) -> Arrays:
    """((x_train, y_train), (x_test, y_test)) with ``per_class`` images of each class."""
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 60, 32)
    splits = []
    for n in per_class:
        count = n * len(CLASS_NAMES)
        y = np.arange(count, dtype=np.int64) % len(CLASS_NAMES)
        base = rng.uniform(40, 150, size=(count, 1, 1, 3))
        x = base + ramp[None, :, None, None] + ramp[None, None, :, None] * rng.uniform(0, 1, 3)
        splits.append((np.clip(np.rint(x), 0, 255).astype(np.uint8), y))
    return splits[0], splits[1]


def batch_bytes(x: np.ndarray, y: np.ndarray, protocol: int = 2) -> bytes:
    """One official-format batch: {b"data": uint8 (N, 3072) channel-major, b"labels": [...]}."""
    data = np.ascontiguousarray(x.transpose(0, 3, 1, 2)).reshape(len(x), -1)
    return pickle.dumps({b"data": data, b"labels": [int(v) for v in y]}, protocol=protocol)


def pickle_files(data: Arrays) -> dict[str, bytes]:
    """File name -> bytes of the official layout (5 train batches, test batch, meta)."""
    (x, y), (x_test, y_test) = data
    files = {
        f"data_batch_{i}": batch_bytes(xb, yb)
        for i, (xb, yb) in enumerate(
            zip(np.array_split(x, 5), np.array_split(y, 5), strict=True), 1
        )
    }
    files["test_batch"] = batch_bytes(x_test, y_test)
    names = [name.encode() for name in CLASS_NAMES]
    files["batches.meta"] = pickle.dumps({b"label_names": names}, protocol=2)
    return files


def image_files(data: Arrays, suffix: str = ".png") -> dict[str, bytes]:
    """Relative path -> bytes of an image folder ``train|test/<class>/NNNN<suffix>``."""
    files = {}
    for split, (x, y) in zip(("train", "test"), data, strict=True):
        for i, (image, label) in enumerate(zip(x, y, strict=True)):
            files[f"{split}/{CLASS_NAMES[label]}/{i // 10:04d}{suffix}"] = encode(image, suffix)
    return files


def encode(image: np.ndarray, suffix: str = ".png") -> bytes:
    """PNG or JPEG bytes of a uint8 (H, W, 3) or (H, W) image."""
    buffer = io.BytesIO()
    Image.fromarray(image).save(buffer, format="PNG" if suffix == ".png" else "JPEG", quality=95)
    return buffer.getvalue()


def write_tree(root: Path, files: dict[str, bytes]) -> Path:
    """Write ``files`` under ``root`` and return ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def write_tar(path: Path, files: dict[str, bytes], prefix: str = "", mode: str = "w:gz") -> Path:
    """A tar (``mode`` "w") or tar.gz ("w:gz") of ``files`` under the folder ``prefix``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, mode) as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"{prefix}/{name}" if prefix else name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


def write_format(kind: str, folder: Path, data: Arrays) -> Path:
    """Write ``data`` in format ``kind`` (see ``FORMATS``) under ``folder``; returns the source."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "pickle-dir":
        return write_tree(folder / "cifar-10-batches-py", pickle_files(data))
    if kind == "pickle-tar.gz":
        return write_tar(
            folder / "cifar-10-python.tar.gz", pickle_files(data), "cifar-10-batches-py"
        )
    if kind == "npz":
        from cnnlab.data.cache import write_cache

        path = folder / "copy.npz"
        write_cache(path, data, {"path": "tests", "format": "npz", "fingerprint": "none"})
        return path
    folder_kind, suffix = kind.split("-")  # e.g. "folder-png", "tar.gz-jpg"
    files = image_files(data, "." + suffix)
    if folder_kind == "dir":
        return write_tree(folder / "cifar10-img", files)
    mode = "w:gz" if folder_kind == "tar.gz" else "w"
    return write_tar(folder / f"cifar10-img.{folder_kind}", files, "cifar10-img", mode)


FORMATS = (
    "pickle-dir",
    "pickle-tar.gz",
    "dir-png",
    "dir-jpg",
    "tar-png",
    "tar.gz-png",
    "tar.gz-jpg",
    "npz",
)


def assert_same(actual: Arrays, expected: Arrays, lossy: bool = False) -> None:
    """Equal arrays (JPEG: labels equal, pixels within JPEG error of the originals)."""
    for (x, y), (x_ref, y_ref) in zip(actual, expected, strict=True):
        assert x.dtype == np.uint8 and y.dtype == np.int64
        assert x.shape == x_ref.shape and y.shape == y_ref.shape
        np.testing.assert_array_equal(y, y_ref)
        if lossy:
            error = np.abs(x.astype(int) - x_ref.astype(int))
            assert error.mean() < 3 and error.max() < 40, (error.mean(), error.max())
        else:
            np.testing.assert_array_equal(x, x_ref)
