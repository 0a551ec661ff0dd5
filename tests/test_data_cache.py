"""The decoded cache: atomic writes, damage detected on read, clean rebuilds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from data_factory import assert_same, isolate, tiny, write_format

from cnnlab.data import DatasetError, DatasetNotFoundError, load_cifar10
from cnnlab.data import cifar10 as cifar10_module
from cnnlab.data.cache import read_cache, read_meta, write_cache

SOURCE = {"path": "/somewhere", "format": "pickle", "fingerprint": "sha256:0"}


@pytest.fixture(autouse=True)
def cache_dir(monkeypatch, tmp_path) -> Path:
    return isolate(monkeypatch, tmp_path)


def test_round_trip_records_checksums_and_source(tmp_path):
    data = tiny()
    path = tmp_path / "c.npz"
    write_cache(path, data, SOURCE)
    loaded, meta = read_cache(path)
    assert_same(loaded, data)
    assert meta["source"] == SOURCE
    assert meta["arrays"]["x_train"]["shape"] == [30, 32, 32, 3]
    assert len(meta["arrays"]["x_train"]["sha256"]) == 64
    assert meta["class_counts"] == {"train": [3] * 10, "test": [2] * 10}
    assert zipfile.ZipFile(path).getinfo("x_train.npy").compress_type == zipfile.ZIP_STORED
    assert not list(tmp_path.glob("*.tmp"))


def test_invalid_arrays_are_never_cached(tmp_path):
    (x, y), test = tiny()
    with pytest.raises(DatasetError, match=r"shape \(N, 32, 32, 3\)"):
        write_cache(tmp_path / "c.npz", ((x[:, :31], y), test), SOURCE)
    assert not list(tmp_path.iterdir())


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_pixel_bytes(path: Path) -> None:
    content = bytearray(path.read_bytes())
    start = content.index(b"x_train.npy") + 200  # inside the stored image bytes
    content[start : start + 8] = bytes(255 - b for b in content[start : start + 8])
    path.write_bytes(bytes(content))


def _rewrite_one_array(path: Path) -> None:
    """A well-formed zip whose pixels no longer match the recorded SHA-256."""
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files}
    arrays["x_test"] = arrays["x_test"].copy()
    arrays["x_test"][0, 0, 0] ^= 1
    np.savez(path, **arrays)


def _foreign_npz(path: Path) -> None:
    (x, y), (x_test, y_test) = tiny()
    np.savez(path, x_train=x, y_train=y, x_test=x_test, y_test=y_test)


def _bad_meta(path: Path) -> None:
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files}
    arrays["meta"] = np.array(json.dumps({"format": "cnnlab-cifar10-cache", "version": 1}))
    np.savez(path, **arrays)


DAMAGE = {
    "truncated": (_truncate, "truncated or damaged"),
    "bit-flip": (_flip_pixel_bytes, "truncated or damaged"),
    "rewritten": (_rewrite_one_array, "x_test does not match its recorded checksum"),
    "foreign": (_foreign_npz, "truncated or damaged"),
    "bad-meta": (_bad_meta, "metadata is incomplete"),
    "empty": (lambda p: p.write_bytes(b""), "truncated or damaged"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_cache_is_detected(damage, tmp_path):
    path = tmp_path / "c.npz"
    write_cache(path, tiny(), SOURCE)
    change, message = DAMAGE[damage]
    change(path)
    with pytest.raises(DatasetError, match=message) as caught:
        read_cache(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_cache_is_rebuilt_from_its_source(damage, tmp_path, cache_dir, monkeypatch):
    data = tiny()
    monkeypatch.setenv("CNNLAB_DATA", str(write_format("tar.gz-png", tmp_path / "src", data)))
    load_cifar10()
    DAMAGE[damage][0](cache_dir / "cifar10.npz")
    assert_same(load_cifar10(), data)
    assert_same(read_cache(cache_dir / "cifar10.npz")[0], data)  # a good cache again


def test_damaged_cache_alone_is_removed_and_reported(cache_dir):
    write_cache(cache_dir / "cifar10.npz", tiny(), SOURCE)
    _truncate(cache_dir / "cifar10.npz")
    with pytest.raises(DatasetNotFoundError, match="cifar10.npz \\(project cache\\): damaged"):
        load_cifar10()
    assert not (cache_dir / "cifar10.npz").exists()


def test_an_explicit_damaged_npz_is_an_error_and_left_alone(tmp_path):
    path = write_format("npz", tmp_path, tiny())
    _truncate(path)
    size = path.stat().st_size
    with pytest.raises(DatasetError, match="truncated or damaged"):
        load_cifar10(source=path)
    assert path.stat().st_size == size  # a user's file is never deleted


_KILL_MID_WRITE = """
import os, signal, sys
import numpy as np
from cnnlab.data import cache
sys.path.insert(0, {tests!r})
from data_factory import tiny

def dying_savez(file, **arrays):
    file.write(b"PK\\x03\\x04" + bytes(100_000))  # part of a zip, then the process dies
    file.flush()
    os.kill(os.getpid(), signal.SIGKILL)

np.savez = dying_savez
cache.write_cache(cache.Path({path!r}), tiny((5, 2), seed=9), {{"path": "x", "fingerprint": "y"}})
"""


@pytest.mark.parametrize("previous", [True, False], ids=["over-a-good-cache", "first-write"])
def test_a_writer_killed_mid_write_leaves_no_half_cache(previous, tmp_path, cache_dir, monkeypatch):
    data = tiny()
    source = write_format("dir-png", tmp_path / "src", data)
    monkeypatch.setenv("CNNLAB_DATA", str(source))
    cache = cache_dir / "cifar10.npz"
    if previous:
        load_cifar10()
    before = cache.read_bytes() if previous else None
    script = _KILL_MID_WRITE.format(tests=str(Path(__file__).parent), path=str(cache))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9, result.stderr.decode()
    leftovers = list(cache_dir.glob("cifar10.npz.*.tmp"))
    assert len(leftovers) == 1  # the dead writer's temporary file ...
    assert (cache.read_bytes() if previous else None) == before  # ... never the cache itself
    assert_same(load_cifar10(), data)
    old = time.time() - 2 * 3600
    os.utime(leftovers[0], (old, old))
    write_cache(cache, data, read_meta(cache)["source"])  # the next write tidies old leftovers
    assert not leftovers[0].exists()


def test_an_interrupted_write_keeps_the_old_cache(tmp_path, monkeypatch):
    path = tmp_path / "c.npz"
    write_cache(path, tiny(), SOURCE)
    before = path.read_bytes()

    def interrupted(file, **arrays):
        file.write(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_cache(path, tiny(seed=5), SOURCE)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))


def test_an_unwritable_cache_only_costs_time(tmp_path, cache_dir, monkeypatch, capsys):
    data = tiny()
    source = write_format("pickle-dir", tmp_path / "src", data)

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(cache_dir))

    monkeypatch.setattr(cifar10_module, "write_cache", read_only)
    assert_same(load_cifar10(source=source), data)
    assert "could not write the cache" in capsys.readouterr().out


def test_notices_stay_off_stderr_and_quiet_under_nbgrader(tmp_path, monkeypatch, capsys):
    source = write_format("tar.gz-png", tmp_path / "src", tiny())
    load_cifar10(source=source)
    first = capsys.readouterr()
    assert "decoding" in first.out and first.err == ""
    (tmp_path / "cache" / "cifar10.npz").unlink()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    load_cifar10(source=source)
    assert capsys.readouterr() == ("", "")
