"""An image-folder tree: ``[root/]train|test/<class name>/<image>.png|jpg``, 32x32 RGB images.

This is the layout of the course's offline copy (``cifar10-jpg/train/airplane/0000.jpg``).
Within a class files are taken in natural name order (``2.png`` before ``10.png``); classes are
then interleaved (airplane, automobile, ..., truck, airplane, ...) so that any prefix of the
arrays holds every class. Hidden files (``.DS_Store``, ``__MACOSX``) and files outside the
``train``/``test`` folders (a README) are ignored; anything else unexpected is an error.
"""

from __future__ import annotations

import io
import posixpath
import re
from typing import Any

import numpy as np

from cnnlab.data.archive import Member
from cnnlab.data.errors import DatasetError
from cnnlab.data.progress import progress_bar
from cnnlab.data.spec import CLASS_NAMES, IMAGE_SHAPE, SPLITS, Dataset

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})


def is_candidate(name: str) -> bool:
    """True for a path the image-folder reader must look at (skips hidden and macOS files)."""
    return not any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def looks_like_image_folder(names: list[str]) -> bool:
    """True when some path of ``names`` ends in ``train|test/<class>/<image>``."""
    return any(_split_class(name) is not None for name in names if is_candidate(name))


def decode_image_folder(members: list[Member], origin: str, progress: bool = False) -> Dataset:
    """Decode the image-folder tree in ``members`` (the files of ``origin``).

    Returns ((x_train, y_train), (x_test, y_test)): uint8 (N, 32, 32, 3) and int64 (N,).
    Raises ``DatasetError`` naming the file for an unknown class folder, a non-image file, an
    image that does not decode or is not 32x32, a missing class, or two dataset roots.
    """
    files = _group(members, origin)
    total = sum(len(items) for split in files.values() for items in split.values())
    data = []
    with progress_bar(total, f"Decoding {posixpath.basename(origin)}", "img", progress) as bar:
        for split in SPLITS:
            data.append(_decode_split(files[split], origin, bar))
    return data[0], data[1]


def _split_class(name: str) -> tuple[str, str, str] | None:
    """(root, split, class) for ``root/split/class/file``, else None."""
    parts = name.split("/")
    if len(parts) >= 3 and parts[-3] in SPLITS:
        return "/".join(parts[:-3]), parts[-3], parts[-2]
    return None


def _group(members: list[Member], origin: str) -> dict[str, dict[int, list[Member]]]:
    files: dict[str, dict[int, list[Member]]] = {split: {} for split in SPLITS}
    roots: set[str] = set()
    for member in members:
        name = member[0]
        if not is_candidate(name):
            continue
        is_image = posixpath.splitext(name)[1].lower() in IMAGE_SUFFIXES
        place = _split_class(name)
        if place is None:
            if is_image:
                raise DatasetError(
                    f"{origin}: image {name} is outside the train|test/<class>/ folders"
                )
            continue
        root, split, class_name = place
        if class_name not in CLASS_NAMES:
            raise DatasetError(
                f"{origin}: unknown class folder {name.rsplit('/', 1)[0]}/; "
                f"expected one of {', '.join(CLASS_NAMES)}"
            )
        if not is_image:
            raise DatasetError(
                f"{origin}: {name} is not an image; expected only "
                f"{'/'.join(sorted(IMAGE_SUFFIXES))} files in the class folders"
            )
        roots.add(root)
        files[split].setdefault(CLASS_NAMES.index(class_name), []).append(member)
    if len(roots) > 1:
        raise DatasetError(f"{origin}: more than one dataset root: {', '.join(sorted(roots))}")
    for split in SPLITS:
        missing = [name for c, name in enumerate(CLASS_NAMES) if c not in files[split]]
        if missing:
            raise DatasetError(
                f"{origin}: no {split}/<class>/ images for {', '.join(missing)}; "
                f"expected a folder for each of the 10 classes"
            )
    return files


def _natural_key(member: Member) -> list[object]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", member[0])]


def _interleaved(by_class: dict[int, list[Member]]) -> list[tuple[int, Member]]:
    """(label, member) pairs, round-robin over the classes, natural order within a class."""
    ranked = []
    for label, items in by_class.items():
        for rank, member in enumerate(sorted(items, key=_natural_key)):
            ranked.append((rank, label, member))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [(label, member) for _, label, member in ranked]


def _decode_split(
    by_class: dict[int, list[Member]], origin: str, bar: Any
) -> tuple[np.ndarray, np.ndarray]:
    """x uint8 (N, 32, 32, 3) and y int64 (N,) of one split, in interleaved order."""
    order = _interleaved(by_class)
    x = np.empty((len(order), *IMAGE_SHAPE), dtype=np.uint8)
    y = np.empty(len(order), dtype=np.int64)
    for i, (label, member) in enumerate(order):
        x[i] = _decode_image(member, origin)
        y[i] = label
        bar.update(1)
    return x, y


def _decode_image(member: Member, origin: str) -> np.ndarray:
    from PIL import Image, UnidentifiedImageError

    name, data = member
    try:
        with Image.open(io.BytesIO(data), formats=("PNG", "JPEG")) as image:
            size = image.size  # read from the header: a wrong size is never decoded
            if size == IMAGE_SHAPE[1::-1]:
                pixels = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise DatasetError(
            f"{origin}: {name} is not a readable PNG/JPEG image ({error})"
        ) from error
    if size != IMAGE_SHAPE[1::-1]:
        raise DatasetError(
            f"{origin}: {name} is {size[0]}x{size[1]} pixels; CIFAR-10 images are 32x32"
        )
    return pixels
