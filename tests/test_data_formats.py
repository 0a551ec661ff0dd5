"""The readers of cnnlab.data on good and bad input: every problem names its file.

Bad input must raise ``DatasetError`` (or be skipped when it is clearly not data, such as a
``.DS_Store``); it must never come back as a silently wrong array.
"""

from __future__ import annotations

import gzip
import pickle

import numpy as np
import pytest
from data_factory import (
    assert_same,
    batch_bytes,
    encode,
    image_files,
    isolate,
    pickle_files,
    tiny,
    write_format,
    write_tar,
    write_tree,
)

from cnnlab.data import CLASS_NAMES, DatasetError, load_cifar10
from cnnlab.data.formats import decode, detect


@pytest.fixture(autouse=True)
def cache_dir(monkeypatch, tmp_path):
    return isolate(monkeypatch, tmp_path)


def test_detect_by_content_not_by_name(tmp_path):
    data = tiny()
    tar_gz = write_format("pickle-tar.gz", tmp_path, data)
    keras3 = tmp_path / "cifar-10-batches-py-target_archive"  # Keras 3: no extension
    tar_gz.rename(keras3)
    assert detect(keras3) == ("archive", "gzip")
    assert_same(load_cifar10(source=keras3), data)
    assert detect(write_format("npz", tmp_path, data))[0] == "npz"
    assert detect(write_format("dir-png", tmp_path, data))[0] == "imagefolder"
    assert detect(write_format("pickle-dir", tmp_path, data))[0] == "pickle"


def test_pickle_tar_gz_decodes_like_keras(tmp_path):
    """The reference is the official layout rebuilt by hand: rows of 1024 R, G, then B values."""
    data = tiny()
    (x, y), _ = decode(write_format("pickle-tar.gz", tmp_path, data))[0]
    row = np.ascontiguousarray(data[0][0][7].transpose(2, 0, 1)).reshape(-1)
    assert row[:1024].reshape(32, 32).tolist() == x[7, :, :, 0].tolist()
    assert row[2048:].reshape(32, 32).tolist() == x[7, :, :, 2].tolist()


def test_junk_beside_the_images_is_ignored(tmp_path):
    data = tiny()
    files = image_files(data)
    files.update(
        {
            "README.md": b"about this copy",
            "train/cat/.DS_Store": b"\0\1",
            "__MACOSX/train/cat/._0000.png": b"resource fork",
            "train/cat/._0001.png": b"AppleDouble",
        }
    )
    assert_same(load_cifar10(source=write_tree(tmp_path / "tree", files)), data)


def test_grayscale_and_palette_images_become_rgb(tmp_path):
    data = tiny()
    files = image_files(data)
    grey = data[0][0][0, :, :, 0]
    files["train/airplane/0000.png"] = encode(grey)
    (x, _), _ = load_cifar10(source=write_tree(tmp_path / "tree", files))
    assert (x[0] == grey[:, :, None]).all()


def test_files_are_taken_in_natural_order(tmp_path):
    data = tiny((12, 1))
    files = {}
    for split, (x, y) in zip(("train", "test"), data, strict=True):
        for i, (image, label) in enumerate(zip(x, y, strict=True)):
            files[f"{split}/{CLASS_NAMES[label]}/{i // 10}.png"] = encode(image)  # 2 before 10
    assert_same(load_cifar10(source=write_tree(tmp_path / "tree", files)), data)


@pytest.mark.parametrize("cut", [0.5, 0.97])
def test_truncated_tar_gz_is_an_error(cut, tmp_path):
    path = write_format("tar.gz-png", tmp_path, tiny())
    content = path.read_bytes()
    path.write_bytes(content[: int(len(content) * cut)])
    with pytest.raises(DatasetError, match="truncated or corrupt") as caught:
        load_cifar10(source=path)
    assert str(path) in str(caught.value)


def test_corrupt_gzip_stream_is_an_error(tmp_path):
    path = write_format("pickle-tar.gz", tmp_path, tiny())
    content = bytearray(path.read_bytes())
    content[len(content) // 2 : len(content) // 2 + 64] = bytes(64)
    path.write_bytes(bytes(content))
    with pytest.raises(DatasetError, match=str(path)):
        load_cifar10(source=path)


def test_a_source_that_is_no_dataset_is_named(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    with pytest.raises(DatasetError, match="not a CIFAR-10 source"):
        load_cifar10(source=junk)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(DatasetError, match="neither CIFAR-10 python batches"):
        load_cifar10(source=empty)
    tar = write_tar(tmp_path / "other.tar.gz", {"a/b.txt": b"x"})
    with pytest.raises(DatasetError, match="neither CIFAR-10 python batches"):
        load_cifar10(source=tar)


def _image_folder_with(tmp_path, change):
    files = image_files(tiny())
    change(files)
    return write_tar(tmp_path / "bad.tar", files, "cifar10", mode="w")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda f: f.update({"train/cat/0000.png": encode(np.zeros((33, 32, 3), np.uint8))}),
            r"train/cat/0000.png is 32x33 pixels; CIFAR-10 images are 32x32",
        ),
        (
            lambda f: f.update({"test/dog/0001.jpg": b"\xff\xd8\xff\xe0 truncated"}),
            r"test/dog/0001.jpg is not a readable PNG/JPEG image",
        ),
        (
            lambda f: f.update({"train/cat/notes.txt": b"text"}),
            r"train/cat/notes.txt is not an image",
        ),
        (
            lambda f: f.update({"train/unicorn/0000.png": f["train/cat/0000.png"]}),
            r"unknown class folder cifar10/train/unicorn/",
        ),
        (
            lambda f: [f.pop(k) for k in list(f) if k.startswith("test/frog/")],
            r"no test/<class>/ images for frog",
        ),
        (
            lambda f: f.update({"0000.png": f["train/cat/0000.png"]}),
            r"0000.png is outside the train\|test/<class>/ folders",
        ),
    ],
    ids=[
        "wrong-size",
        "not-decodable",
        "non-image",
        "unknown-class",
        "missing-class",
        "stray-image",
    ],
)
def test_bad_image_folders_are_errors_that_name_the_file(change, message, tmp_path):
    path = _image_folder_with(tmp_path, change)
    with pytest.raises(DatasetError, match=message) as caught:
        load_cifar10(source=path)
    assert str(path) in str(caught.value)


def test_two_dataset_roots_are_an_error(tmp_path):
    files = image_files(tiny())
    both = {**{f"a/{k}": v for k, v in files.items()}, **{f"b/{k}": v for k, v in files.items()}}
    with pytest.raises(DatasetError, match="more than one dataset root"):
        load_cifar10(source=write_tree(tmp_path / "tree", both))


def _batches_with(tmp_path, change):
    files = pickle_files(tiny())
    change(files)
    return write_tree(tmp_path / "batches", files)


class _Evil:
    def __reduce__(self):
        return (print, ("this must never run",))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.pop("data_batch_3"), "missing batch file.*data_batch_3"),
        (
            lambda f: f.update(
                {
                    "test_batch": pickle.dumps(
                        {b"data": np.zeros((4, 3000), np.uint8), b"labels": [0] * 4}
                    )
                }
            ),
            r"test_batch: 'data' rows must hold 3072 values",
        ),
        (
            lambda f: f.update(
                {
                    "test_batch": pickle.dumps(
                        {b"data": np.zeros((4, 3072), np.uint8), b"labels": [0] * 3}
                    )
                }
            ),
            r"test_batch: 4 images but labels of shape \(3,\)",
        ),
        (
            lambda f: f.update({"data_batch_1": pickle.dumps({b"data": _Evil()})}),
            r"data_batch_1: not a CIFAR-10 python batch .*refusing to load builtins.print",
        ),
        (lambda f: f.update({"data_batch_2": b"garbage"}), "data_batch_2: not a CIFAR-10"),
        (
            lambda f: f.update({"batches.meta": pickle.dumps({b"label_names": [b"a", b"b"]})}),
            r"batches.meta: label_names \['a', 'b'\] are not CIFAR-10's",
        ),
    ],
    ids=["missing-batch", "wrong-width", "label-count", "code-in-pickle", "garbage", "meta"],
)
def test_bad_pickle_batches_are_errors_that_name_the_file(change, message, tmp_path, capsys):
    with pytest.raises(DatasetError, match=message):
        load_cifar10(source=_batches_with(tmp_path, change))
    assert "must never run" not in capsys.readouterr().out


def test_labels_out_of_range_and_missing_classes_are_errors(tmp_path):
    (x, y), test = tiny()
    bad = y.copy()
    bad[4] = 12
    source = _batches_with(
        tmp_path / "a", lambda f: f.update({"data_batch_1": batch_bytes(x[:6], bad[:6])})
    )
    with pytest.raises(DatasetError, match=r"labels must lie in \[0, 10\), got \[0, 12\]"):
        load_cifar10(source=source)
    no_ship = y != 8
    files = pickle_files(((x[no_ship], y[no_ship]), test))
    with pytest.raises(DatasetError, match="no images of class ship"):
        load_cifar10(source=write_tree(tmp_path / "b", files))


def test_gzip_without_tar_inside_is_an_error(tmp_path):
    path = tmp_path / "data.tar.gz"
    path.write_bytes(gzip.compress(b"plain text, not a tar archive" * 100))
    with pytest.raises(DatasetError, match="truncated or corrupt"):
        load_cifar10(source=path)


def test_python3_protocol5_batches_load(tmp_path):
    """Batches re-pickled by Python 3 (protocol 5, NumPy 2) are read like the 2009 originals."""
    data = tiny()
    files = pickle_files(data)
    for name in files:
        if name != "batches.meta":
            files[name] = pickle.dumps(pickle.loads(files[name]), protocol=5)
    assert_same(load_cifar10(source=write_tree(tmp_path / "b", files)), data)


def test_member_bytes_are_never_written_to_disk(tmp_path):
    """A hostile member name (../escape.png) is skipped like a hidden file, never extracted."""
    data = tiny()
    files = image_files(data)
    files["../escape.png"] = files["train/cat/0000.png"]
    path = write_tar(tmp_path / "hostile" / "x.tar", files, mode="w")
    assert_same(load_cifar10(source=path), data)
    assert not (tmp_path / "escape.png").exists()
