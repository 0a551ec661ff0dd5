"""cnnlab.data.load_cifar10: formats, source order, cache reuse, subsets, not-found message.

Every test runs in a sandbox (``data_factory.isolate``): its own cache folder and home, no
``CNNLAB_DATA``, and a download URL where nothing listens. The integration tests at the end
read the real archive named by ``CNNLAB_DATA`` and run whenever that variable is set.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from data_factory import (
    FORMATS,
    assert_same,
    isolate,
    pickle_files,
    tiny,
    write_format,
    write_tar,
)

import cnnlab.data
import cnnlab.data.cli
from cnnlab.data import (
    CLASS_NAMES,
    DatasetError,
    DatasetNotFoundError,
    load_cifar10,
    locate_cifar10,
    spec,
)
from cnnlab.data import cifar10 as cifar10_module

REAL_DATA = os.environ.get("CNNLAB_DATA")  # read before the sandbox removes it
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def cache_dir(monkeypatch, tmp_path) -> Path:
    return isolate(monkeypatch, tmp_path)


def test_public_api_types():
    assert CLASS_NAMES == (
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
    assert issubclass(DatasetNotFoundError, FileNotFoundError)
    assert issubclass(DatasetError, ValueError)
    for name in cnnlab.data.__all__:
        assert hasattr(cnnlab.data, name), name


def test_manifest_agrees_with_the_package():
    manifest = json.loads((REPO / "data" / "manifest.json").read_text())
    assert tuple(manifest["classes"]) == spec.CLASS_NAMES
    assert tuple(manifest["image_shape"]) == spec.IMAGE_SHAPE
    for split in spec.SPLITS:
        assert manifest["splits"][split]["images"] == spec.SPLIT_SIZES[split]
        assert manifest["splits"][split]["per_class"] == spec.PER_CLASS[split]
    official = manifest["archives"]["official"]
    assert official["url"] == spec.OFFICIAL_URL
    assert official["md5"] == spec.OFFICIAL_MD5
    assert official["size"] == spec.OFFICIAL_SIZE
    assert manifest["archives"]["offline_jpeg"]["sha256"] == spec.JPEG_ARCHIVE_SHA256


def test_import_is_light():
    heavy = ["tensorflow", "keras", "matplotlib", "skimage", "PIL", "tqdm", "urllib.request"]
    code = f"import sys, cnnlab.data; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("kind", FORMATS)
def test_every_format_loads_the_same_arrays(kind, tmp_path, cache_dir):
    data = tiny()
    source = write_format(kind, tmp_path / "src", data)
    assert_same(load_cifar10(source=source), data, lossy=kind.endswith("jpg"))
    if kind != "npz":
        assert (cache_dir / "cifar10.npz").is_file()  # the first decode is cached


def test_cached_load_does_not_decode_again(tmp_path, cache_dir, monkeypatch):
    data = tiny()
    source = write_format("tar.gz-png", tmp_path / "src", data)
    monkeypatch.setenv("CNNLAB_DATA", str(source))
    load_cifar10()

    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded again instead of reading the cache")

    monkeypatch.setattr(cifar10_module, "decode", no_decoding)
    assert_same(load_cifar10(), data)
    monkeypatch.delenv("CNNLAB_DATA")
    source.unlink()  # the project cache is a source on its own
    assert_same(load_cifar10(), data)


def test_cache_is_rebuilt_when_the_source_changes(tmp_path, cache_dir, monkeypatch):
    first, second = tiny(seed=1), tiny((4, 3), seed=2)
    monkeypatch.setenv("CNNLAB_DATA", str(write_format("pickle-dir", tmp_path / "a", first)))
    assert_same(load_cifar10(), first)
    monkeypatch.setenv("CNNLAB_DATA", str(write_format("dir-png", tmp_path / "b", second)))
    assert_same(load_cifar10(), second)  # never the stale cache of the first source
    meta = cnnlab.data.cache.read_meta(cache_dir / "cifar10.npz")
    assert meta["source"]["path"] == str((tmp_path / "b" / "cifar10-img").resolve())


def test_source_order(tmp_path, cache_dir, monkeypatch):
    """source= > $CNNLAB_DATA > project cache > earlier download > Keras 3 > Keras 2 folders."""
    datasets = [tiny((k + 1, 1), seed=k) for k in range(7)]
    datasets_dir = tmp_path / "home" / ".keras" / "datasets"
    keras_tar = write_tar(
        datasets_dir / "cifar-10-batches-py.tar.gz",
        pickle_files(datasets[6]),
        "cifar-10-batches-py",
    )
    keras2_dir = write_format("pickle-dir", datasets_dir, datasets[5])
    keras3_dir = write_format(
        "pickle-dir", datasets_dir / "cifar-10-batches-py-target", datasets[4]
    )
    download = write_format("pickle-tar.gz", cache_dir, datasets[3])
    project_cache = cache_dir / "cifar10.npz"
    cnnlab.data.cache.write_cache(project_cache, datasets[2], {"path": "x", "fingerprint": "x"})
    env = write_format("dir-png", tmp_path / "env", datasets[1])
    explicit = write_format("npz", tmp_path / "explicit", datasets[0])
    monkeypatch.setenv("CNNLAB_DATA", str(env))

    def train_size() -> int:
        return len(load_cifar10(progress=False)[0][0])

    assert len(load_cifar10(source=explicit)[0][0]) == 10
    assert locate_cifar10() == f"{env} ($CNNLAB_DATA)"
    assert train_size() == 20
    monkeypatch.delenv("CNNLAB_DATA")
    # Loading from $CNNLAB_DATA rebuilt the project cache from that source.
    assert train_size() == 20
    project_cache.unlink()
    for place, size in ((download, 40), (keras3_dir, 50), (keras2_dir, 60), (keras_tar, 70)):
        assert locate_cifar10() == str(cifar10_module.find_source())
        assert cifar10_module.find_source().path == place
        assert train_size() == size
        project_cache.unlink()
        _remove(place)
    assert locate_cifar10() is None


def test_keras_home_is_honoured(tmp_path, monkeypatch):
    data = tiny()
    home = tmp_path / "elsewhere"
    write_format("pickle-dir", home / "datasets", data)
    monkeypatch.setenv("KERAS_HOME", str(home))
    assert_same(load_cifar10(), data)


def test_nothing_found_lists_every_place_and_the_fixes(cache_dir, tmp_path):
    with pytest.raises(DatasetNotFoundError) as caught:
        load_cifar10()
    message = str(caught.value)
    assert "CNNLAB_DATA" in message and "cnnlab data download" in message
    assert str(cache_dir / "cifar10.npz") in message
    assert str(tmp_path / "home" / ".keras" / "datasets" / "cifar-10-batches-py") in message
    assert os.environ["CNNLAB_CIFAR10_URL"] in message  # the failed download, with its reason
    assert not cache_dir.exists()  # a failed download creates nothing


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_a_missing_explicit_source_is_named(how, tmp_path, monkeypatch):
    missing = tmp_path / "not-here.tar.gz"
    if how == "environment":
        monkeypatch.setenv("CNNLAB_DATA", str(missing))
    with pytest.raises(DatasetNotFoundError, match="not-here.tar.gz") as caught:
        load_cifar10(source=missing if how == "argument" else None)
    assert ("$CNNLAB_DATA" if how == "environment" else "source=") in str(caught.value)


class _OneFileServer:
    """A local HTTP server that answers every GET with ``content``."""

    def __init__(self, content: bytes) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                self.send_response(200)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/cifar-10-python.tar.gz"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_download_is_checked_and_cached(tmp_path, cache_dir, monkeypatch):
    data = tiny()
    archive = write_format("pickle-tar.gz", tmp_path / "served", data).read_bytes()
    server = _OneFileServer(archive)
    try:
        monkeypatch.setenv("CNNLAB_CIFAR10_URL", server.url)
        monkeypatch.setattr(spec, "OFFICIAL_MD5", hashlib.md5(archive).hexdigest())
        assert_same(load_cifar10(progress=False), data)
        assert (cache_dir / spec.OFFICIAL_FILENAME).read_bytes() == archive
        assert (cache_dir / "cifar10.npz").is_file()
    finally:
        server.close()


def test_a_download_with_the_wrong_md5_is_rejected(tmp_path, cache_dir):
    server = _OneFileServer(b"not the archive")
    try:
        with pytest.raises(DatasetError, match="MD5"):
            cnnlab.data.download_cifar10(url=server.url, progress=False)
    finally:
        server.close()
    assert not (cache_dir / spec.OFFICIAL_FILENAME).exists()
    assert not list(cache_dir.glob("*.part"))


def test_subset_is_stratified_and_deterministic(tmp_path):
    source = write_format("npz", tmp_path, tiny((10, 6)))
    (x, y), (x_test, y_test) = load_cifar10(subset=(40, 20), seed=3, source=source)
    assert x.shape == (40, 32, 32, 3) and x_test.shape == (20, 32, 32, 3)
    assert np.bincount(y, minlength=10).tolist() == [4] * 10
    assert np.bincount(y_test, minlength=10).tolist() == [2] * 10
    again = load_cifar10(subset=(40, 20), seed=3, source=source)
    assert_same(again, ((x, y), (x_test, y_test)))
    other = load_cifar10(subset=(40, 20), seed=4, source=source)
    assert not np.array_equal(other[0][0], x)
    # The test part does not depend on how many training images were asked for.
    np.testing.assert_array_equal(
        load_cifar10(subset=(10, 20), seed=3, source=source)[1][0], x_test
    )


def test_subset_images_keep_their_labels(tmp_path):
    full = tiny((10, 6))
    source = write_format("npz", tmp_path, full)
    (x, y), _ = load_cifar10(subset=(15, 5), seed=0, source=source)
    assert sorted(np.bincount(y, minlength=10).tolist()) == [1] * 5 + [2] * 5
    rows = {image.tobytes(): label for image, label in zip(*full[0], strict=True)}
    assert len({image.tobytes() for image in x}) == 15  # no image twice
    assert all(rows[image.tobytes()] == label for image, label in zip(x, y, strict=True))


@pytest.mark.parametrize("subset", [(61, 5), (5, 61)])
def test_subset_larger_than_the_data_is_an_error(subset, tmp_path):
    source = write_format("npz", tmp_path, tiny((6, 6)))
    with pytest.raises(ValueError, match="only 60"):
        load_cifar10(subset=subset, source=source)


@pytest.mark.parametrize("subset", [5, (1, 2, 3), (-1, 5), (1.5, 2), ("1", 2), (True, 1)])
def test_invalid_subset_is_rejected(subset):
    with pytest.raises(ValueError, match="subset"):
        load_cifar10(subset=subset)


@pytest.mark.parametrize("seed", [-1, 1.0, "0", None])
def test_invalid_seed_is_rejected(seed):
    with pytest.raises(ValueError, match="seed"):
        load_cifar10(subset=(10, 10), seed=seed)


def _remove(path: Path) -> None:
    if path.is_dir():
        for child in sorted(path.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        path.rmdir()
    else:
        path.unlink()


# --- The real archive, whenever CNNLAB_DATA names it (CI sets it; it must then run) ---

needs_real_data = pytest.mark.skipif(
    not REAL_DATA, reason="set CNNLAB_DATA to a copy of CIFAR-10 to run the integration tests"
)


@pytest.fixture(scope="session")
def real_cifar(tmp_path_factory):
    """(cache folder, dataset): the real archive decoded once per test session."""
    cache = tmp_path_factory.mktemp("real-cifar-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CNNLAB_CACHE_DIR", str(cache))
        data = load_cifar10(source=REAL_DATA, progress=False)
    return cache, data


@needs_real_data
def test_real_cifar10_counts_and_statistics(real_cifar):
    (x, y), (x_test, y_test) = real_cifar[1]
    assert x.shape == (50_000, 32, 32, 3) and x_test.shape == (10_000, 32, 32, 3)
    assert x.dtype == np.uint8 and y.dtype == np.int64
    assert np.bincount(y, minlength=10).tolist() == [5_000] * 10
    assert np.bincount(y_test, minlength=10).tolist() == [1_000] * 10
    means = x.sum(axis=(0, 1, 2), dtype=np.int64) / (50_000 * 32 * 32)
    np.testing.assert_allclose(means, [125.3, 122.9, 113.9], atol=1.5)
    assert 55 < x[::10].std() < 70  # every 10th image: enough for the spread, and quick


@needs_real_data
def test_real_cifar10_comes_back_from_the_cache(real_cifar, monkeypatch):
    cache, data = real_cifar
    monkeypatch.setenv("CNNLAB_CACHE_DIR", str(cache))
    monkeypatch.setenv("CNNLAB_DATA", REAL_DATA)
    monkeypatch.setattr(cifar10_module, "decode", pytest.fail)  # decoding again would fail
    assert_same(load_cifar10(), data)
    (x, y), (x_test, y_test) = load_cifar10(subset=(5_000, 1_000), seed=0)
    assert np.bincount(y, minlength=10).tolist() == [500] * 10
    assert np.bincount(y_test, minlength=10).tolist() == [100] * 10


@needs_real_data
def test_real_cifar10_verifies(real_cifar, monkeypatch, capsys):
    monkeypatch.setenv("CNNLAB_CACHE_DIR", str(real_cifar[0]))
    monkeypatch.setenv("CNNLAB_DATA", REAL_DATA)
    assert cnnlab.data.cli.main(["verify"]) == 0, capsys.readouterr().out
    assert "50,000 + 10,000 images, all classes" in capsys.readouterr().out
