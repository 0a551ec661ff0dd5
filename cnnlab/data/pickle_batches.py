"""The official CIFAR-10 release: python-pickle batches ``data_batch_1..5`` and ``test_batch``.

Each batch is a pickled dict with ``data``, uint8 (N, 3072) in channel-major order (1,024 red,
then green, then blue values of a 32x32 image) and ``labels``, N ints. Pickles can run code, so
they are read with an unpickler that only builds NumPy arrays.
"""

from __future__ import annotations

import io
import pickle
import posixpath

import numpy as np

from cnnlab.data.archive import Member
from cnnlab.data.errors import DatasetError
from cnnlab.data.spec import CLASS_NAMES, Dataset

TRAIN_BATCHES = tuple(f"data_batch_{i}" for i in range(1, 6))
TEST_BATCH = "test_batch"
META = "batches.meta"
FILE_NAMES = frozenset((*TRAIN_BATCHES, TEST_BATCH, META))

# The only globals a batch may reference: NumPy's array reconstruction (old and new homes), and
# the bytes constructor Python 3 uses in protocol-2 pickles.
_ALLOWED = {
    ("_codecs", "encode"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
}


def is_batch_file(name: str) -> bool:
    """True for a path whose file name is one of the official batch files."""
    return posixpath.basename(name) in FILE_NAMES


def decode_batches(members: list[Member], origin: str) -> Dataset:
    """Arrays of the official batches found among ``members`` (files of ``origin``).

    Returns ((x_train (50000, 32, 32, 3), y_train), (x_test (10000, 32, 32, 3), y_test)) for the
    real release, uint8 images and int64 labels, in the release's order.
    """
    by_name: dict[str, Member] = {}
    for member in members:
        name = posixpath.basename(member[0])
        if name in by_name:
            raise DatasetError(
                f"{origin}: two files named {name} ({by_name[name][0]}, {member[0]})"
            )
        by_name[name] = member
    missing = [name for name in (*TRAIN_BATCHES, TEST_BATCH) if name not in by_name]
    if missing:
        raise DatasetError(f"{origin}: missing batch file(s) {', '.join(missing)}")
    if META in by_name:
        _check_meta(_unpickle(by_name[META], origin), f"{origin}/{by_name[META][0]}")
    train = [_batch_arrays(by_name[name], origin) for name in TRAIN_BATCHES]
    x_test, y_test = _batch_arrays(by_name[TEST_BATCH], origin)
    x_train = np.concatenate([x for x, _ in train])
    y_train = np.concatenate([y for _, y in train])
    return (x_train, y_train), (x_test, y_test)


def _batch_arrays(member: Member, origin: str) -> tuple[np.ndarray, np.ndarray]:
    where = f"{origin}/{member[0]}"
    batch = _unpickle(member, origin)
    if not isinstance(batch, dict):
        raise DatasetError(f"{where}: expected a pickled dict, got {type(batch).__name__}")
    data, labels = _get(batch, "data", where), _get(batch, "labels", where)
    if not isinstance(data, np.ndarray) or data.dtype != np.uint8 or data.ndim != 2:
        raise DatasetError(f"{where}: 'data' must be a uint8 (N, 3072) array, got {_shape(data)}")
    if data.shape[1] != 3072:
        raise DatasetError(
            f"{where}: 'data' rows must hold 3072 values (a 32x32 RGB image), got {data.shape}"
        )
    try:
        y = np.asarray(labels, dtype=np.int64)
    except (TypeError, ValueError) as error:
        raise DatasetError(f"{where}: 'labels' must be a list of ints") from error
    if y.shape != (len(data),):
        raise DatasetError(f"{where}: {len(data)} images but labels of shape {y.shape}")
    x = data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(x), y


def _check_meta(meta: object, where: str) -> None:
    names = _get(meta, "label_names", where) if isinstance(meta, dict) else None
    decoded = [n.decode() if isinstance(n, bytes) else n for n in names or []]
    if tuple(decoded) != CLASS_NAMES:
        raise DatasetError(f"{where}: label_names {decoded} are not CIFAR-10's {list(CLASS_NAMES)}")


def _get(batch: dict, key: str, where: str) -> object:
    for candidate in (key.encode(), key):
        if candidate in batch:
            return batch[candidate]
    raise DatasetError(f"{where}: no '{key}' entry")


def _shape(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"{value.dtype} {value.shape}"
    return type(value).__name__


class _ArrayUnpickler(pickle.Unpickler):
    """Unpickler that builds NumPy arrays and plain Python values, and nothing else."""

    def find_class(self, module: str, name: str) -> object:
        canonical = module.replace("numpy._core", "numpy.core")
        if (canonical, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}")
        if hasattr(np, "_core"):  # NumPy 2 moved numpy.core to numpy._core
            module = canonical.replace("numpy.core", "numpy._core")
        return super().find_class(module, name)


def _unpickle(member: Member, origin: str) -> object:
    try:
        return _ArrayUnpickler(io.BytesIO(member[1]), encoding="bytes").load()
    except Exception as error:  # any failure of an untrusted pickle is a data error
        raise DatasetError(
            f"{origin}/{member[0]}: not a CIFAR-10 python batch ({type(error).__name__}: {error})"
        ) from error
