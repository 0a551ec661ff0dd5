"""Read the files of a dataset from a directory, a .tar or a .tar.gz, in one pass.

A member is ``(relative POSIX path, bytes)``. Archives are streamed once and never extracted to
disk (reading the 60,000 members of the JPEG .tar.gz takes about 2 s); a truncated or corrupt
archive raises ``DatasetError`` naming it.
"""

from __future__ import annotations

import os
import posixpath
import tarfile
import zlib
from collections.abc import Callable
from pathlib import Path

from cnnlab.data.errors import DatasetError

Member = tuple[str, bytes]

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"


def sniff(path: Path) -> str:
    """Kind of ``path`` from its content, not its name: "dir", "tar", "gzip", "zip" or "unknown".

    Keras 3 keeps its CIFAR-10 download as a .tar.gz without an extension, hence the sniffing.
    """
    if path.is_dir():
        return "dir"
    with open(path, "rb") as file:
        head = file.read(512)
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return "unknown"


def read_members(path: Path, wanted: Callable[[str], bool]) -> list[Member]:
    """Files under ``path`` (directory or tar/tar.gz) whose relative path ``wanted`` accepts.

    Returned sorted by path, so a directory and its archive give the same list.
    """
    if path.is_dir():
        return sorted(_read_directory(path, wanted))
    return sorted(_read_tar(path, wanted))


def list_names(path: Path) -> list[str]:
    """Relative paths of the files under a directory (cheap: no file is read)."""
    return sorted(name for name, _ in _walk(path))


def _walk(root: Path):
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in files:
            full = Path(folder, name)
            yield full.relative_to(root).as_posix(), full


def _read_directory(root: Path, wanted: Callable[[str], bool]) -> list[Member]:
    members = []
    for name, full in _walk(root):
        if wanted(name):
            try:
                members.append((name, full.read_bytes()))
            except OSError as error:
                raise DatasetError(f"{full}: cannot be read ({error})") from error
    return members


def _read_tar(path: Path, wanted: Callable[[str], bool]) -> list[Member]:
    members = []
    try:
        with tarfile.open(path, "r:*") as archive:
            for info in archive:
                name = posixpath.normpath(info.name)  # "./a/b" -> "a/b"
                if info.isfile() and wanted(name):
                    stream = archive.extractfile(info)
                    data = stream.read() if stream is not None else b""
                    if len(data) != info.size:
                        raise EOFError(f"member {info.name} is cut short")
                    members.append((name, data))
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise DatasetError(
            f"{path}: not a readable .tar or .tar.gz archive, it may be truncated or corrupt "
            f"({type(error).__name__}: {error}). Delete it and download it again."
        ) from error
    return members
