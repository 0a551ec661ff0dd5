"""The two errors a data problem raises: the data is missing, or the data is wrong."""

from __future__ import annotations


class DatasetError(ValueError):
    """The data was found but is corrupt or invalid (message names the file and the problem)."""


class DatasetNotFoundError(FileNotFoundError):
    """No usable copy of the data was found (message lists what was tried and how to fix it)."""


class DownloadError(DatasetNotFoundError):
    """The download failed before any data arrived (no network, refused, timed out)."""
