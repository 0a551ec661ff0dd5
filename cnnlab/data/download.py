"""Download the official CIFAR-10 archive (163 MiB) with a progress bar and its MD5 checked.

The archive is written to a temporary file beside its destination and renamed into place only
once its MD5 matches the published one, so an interrupted or corrupt download never looks like
a good archive. Without a network the download fails within ``timeout`` seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from cnnlab.data import spec
from cnnlab.data.errors import DatasetError, DownloadError
from cnnlab.data.paths import downloaded_archive
from cnnlab.data.progress import progress_bar, say

URL_ENV = "CNNLAB_CIFAR10_URL"  # a mirror of the official archive (same bytes, same MD5)
_CHUNK = 1 << 20


def download_url() -> str:
    """The URL a download uses: ``$CNNLAB_CIFAR10_URL`` or the official one."""
    return os.environ.get(URL_ENV) or spec.OFFICIAL_URL


def file_md5(path: Path) -> str:
    """Hex MD5 of a file's bytes."""
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def download_cifar10(
    destination: Path | None = None,
    *,
    url: str | None = None,
    md5: str | None = None,
    timeout: float = 15.0,
    progress: bool | None = None,
) -> Path:
    """Download the official archive to ``destination`` (default: the cache folder) and return it.

    An existing file with the right MD5 is kept. Raises ``DownloadError`` (a
    ``DatasetNotFoundError``) when the server cannot be reached or the transfer breaks off, and
    ``DatasetError`` when the bytes received do not have the published MD5.
    """
    destination = Path(destination) if destination is not None else downloaded_archive()
    url = url or download_url()
    md5 = md5 or spec.OFFICIAL_MD5
    if destination.is_file() and file_md5(destination) == md5:
        return destination
    with _open(url, timeout) as response:  # nothing is created unless the server answers
        destination.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{destination.name}.", suffix=".part", dir=destination.parent
        )
        try:
            with os.fdopen(fd, "wb") as file:
                received = _copy(response, file, url, progress)
                file.flush()
                os.fsync(file.fileno())
            if received != md5:
                raise DatasetError(
                    f"the file downloaded from {url} has MD5 {received}, expected {md5}: it is "
                    f"corrupt or not the CIFAR-10 python archive. Run `cnnlab data download` again."
                )
            os.replace(temp_name, destination)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    say(f"downloaded {destination} (MD5 checked)", progress)
    return destination


def _open(url: str, timeout: float):
    """The server's response to ``url``; ``DownloadError`` when there is none."""
    import urllib.error  # imported here: `import cnnlab.data` stays light
    import urllib.request

    try:
        return urllib.request.urlopen(url, timeout=timeout)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(f"could not download {url}: {reason}") from error


def _copy(response, file, url: str, progress: bool | None) -> str:
    """Stream ``response`` into ``file`` with a progress bar; returns the MD5 of the bytes."""
    import http.client

    digest = hashlib.md5(usedforsecurity=False)
    length = response.headers.get("Content-Length")
    total = int(length) if length and length.isdigit() else None
    try:
        with progress_bar(total, "Downloading CIFAR-10", "B", progress) as bar:
            for block in iter(lambda: response.read(_CHUNK), b""):
                file.write(block)
                digest.update(block)
                bar.update(len(block))
    except (http.client.HTTPException, OSError) as error:  # includes timeouts and resets
        raise DownloadError(f"the download from {url} broke off: {error}") from error
    return digest.hexdigest()
