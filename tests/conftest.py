"""Test-session set-up shared by every test file."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def cifar10_cache() -> None:
    """Decode the real CIFAR-10 into the project's cache once, before any lab runs.

    Labs load CIFAR-10 inside notebook cells that run under nbgrader's per-cell time limit;
    the first decode of the 60,000 JPEGs takes 10-30 s on 2 cores, later loads under a second.
    Only when ``CNNLAB_DATA`` names the data (CI sets it): unit tests never need it.
    """
    if os.environ.get("CNNLAB_DATA"):
        from cnnlab import data

        data.load_cifar10()
