"""``load_cifar10``: find CIFAR-10, decode it once into the cache, return (a subset of) it.

Sources, in order: ``source=``; ``$CNNLAB_DATA``; the project's cache (``data/cifar10.npz``,
see ``cnnlab.data.paths``); an earlier download beside it; the Keras cache
(``~/.keras/datasets``); a download of the official archive. A source that is not the cache is
decoded once and cached; the cache records which source it was made from, so pointing
``CNNLAB_DATA`` elsewhere rebuilds it instead of serving the old arrays.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cnnlab.data import paths
from cnnlab.data.cache import read_cache, read_meta, source_identity, write_cache
from cnnlab.data.download import download_cifar10, download_url
from cnnlab.data.errors import DatasetError, DatasetNotFoundError, DownloadError
from cnnlab.data.formats import decode, detect
from cnnlab.data.progress import say
from cnnlab.data.spec import Dataset
from cnnlab.data.subset import check_subset, take_subset
from cnnlab.data.validate import check_dataset

_FORMATS_HELP = (
    "the official cifar-10-python.tar.gz or its extracted cifar-10-batches-py/ folder, an image "
    "folder train|test/<class>/*.png|jpg (a directory, .tar or .tar.gz), or a cnnlab .npz cache"
)


@dataclass(frozen=True)
class Source:
    """A place CIFAR-10 is loaded from: ``path`` and ``origin``, why it was chosen."""

    path: Path
    origin: str

    def __str__(self) -> str:
        return f"{self.path} ({self.origin})"


def load_cifar10(
    subset: tuple[int, int] | None = None,
    seed: int = 0,
    source: str | os.PathLike | None = None,
    *,
    progress: bool | None = None,
) -> Dataset:
    """CIFAR-10 as ``((x_train, y_train), (x_test, y_test))``.

    x: uint8 (N, 32, 32, 3), pixel values 0..255; y: int64 (N,), indices into ``CLASS_NAMES``.
    The full set has N = 50,000 train and 10,000 test images. ``subset=(n_train, n_test)``
    returns that many images per split, stratified by class and shuffled, the same for the same
    ``seed``. ``source`` is a path (any format of ``cnnlab.data.formats``) that overrides the
    search. ``progress``: show bars and notices on stdout (default: yes, except under nbgrader).

    Raises ``DatasetNotFoundError`` when no copy is found and the download fails (the message
    lists every place tried and how to fix it) and ``DatasetError`` for corrupt data.
    """
    wanted = check_subset(subset)
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer, got {seed!r}")
    data = _load_full(source, progress)
    return take_subset(data, wanted, int(seed)) if wanted else data


def find_source(source: str | os.PathLike | None = None) -> Source | None:
    """Where ``load_cifar10(source=source)`` would read from, without reading; None: download."""
    explicit = _explicit(source)
    if explicit is not None:
        return explicit
    for place in _search_places():
        if place.path.exists():
            return place
    return None


def locate_cifar10() -> str | None:
    """Where CIFAR-10 would be loaded from, e.g. ``"/x/cifar10.npz (project cache)"``, or None.

    None means no local copy was found: ``load_cifar10`` would try to download it.
    """
    found = find_source()
    return None if found is None else str(found)


def _explicit(source: str | os.PathLike | None) -> Source | None:
    if source is not None:
        return Source(Path(source).expanduser(), "source= argument")
    configured = os.environ.get(paths.DATA_ENV)
    if configured:
        return Source(Path(configured).expanduser(), f"${paths.DATA_ENV}")
    return None


def _search_places() -> list[Source]:
    return [
        Source(paths.cache_file(), "project cache"),
        Source(paths.downloaded_archive(), "earlier download"),
        *(Source(path, "Keras cache") for path in paths.keras_candidates()),
    ]


def _load_full(source: str | os.PathLike | None, progress: bool | None) -> Dataset:
    explicit = _explicit(source)
    if explicit is not None:
        return _load_source(explicit, progress)
    tried = [f"${paths.DATA_ENV}: not set"]
    for place in _search_places():
        if not place.path.exists():
            tried.append(f"{place}: not found")
        elif place.origin == "project cache":
            try:
                return read_cache(place.path)[0]
            except DatasetError as error:
                say(f"{error}. Removing it and looking further.", progress)
                with contextlib.suppress(OSError):
                    place.path.unlink()
                tried.append(f"{place}: damaged, removed")
        else:
            return _load_source(place, progress)
    try:
        archive = download_cifar10(progress=progress)
    except DownloadError as error:
        tried.append(f"download: {error}")
        raise DatasetNotFoundError(_not_found_message(tried)) from None
    return _load_source(Source(archive, "download"), progress)


def _load_source(source: Source, progress: bool | None) -> Dataset:
    """Read ``source``: an .npz directly, anything else through the (re)built cache."""
    path = source.path
    if not path.exists():
        raise DatasetNotFoundError(
            f"{source.origin} is {path}, which does not exist. Point it at a copy of CIFAR-10 "
            f"({_FORMATS_HELP}), or leave it unset to use the cache or a download."
        )
    fmt, _ = detect(path)
    if fmt == "npz":
        return read_cache(path)[0]
    cache = paths.cache_file()
    identity = source_identity(path, fmt)
    if cache.is_file():
        try:
            if read_meta(cache)["source"].get("fingerprint") == identity["fingerprint"]:
                return read_cache(cache)[0]
            say(f"{cache} was made from another source; rebuilding it from {path}", progress)
        except DatasetError as error:
            say(f"{error}. Rebuilding it from {path}.", progress)
    say(f"decoding {path} (once: later loads read {cache})", progress)
    data, identity["format"] = decode(path, progress)
    data = check_dataset(data, str(path))
    try:
        write_cache(cache, data, identity)
    except OSError as error:
        say(f"could not write the cache {cache} ({error}); the next load decodes again", progress)
    return data


def _not_found_message(tried: list[str]) -> str:
    places = "\n".join(f"  {i}. {line}" for i, line in enumerate(tried, 1))
    return (
        f"CIFAR-10 was not found. Tried, in order:\n{places}\n"
        f"To fix it, either\n"
        f"  - download it once (163 MiB, from {download_url()}): run `cnnlab data download`,\n"
        f"  - or set {paths.DATA_ENV} to a copy you already have: "
        f"export {paths.DATA_ENV}=/path/to/cifar-10-python.tar.gz\n"
        f"    ({_FORMATS_HELP})."
    )
