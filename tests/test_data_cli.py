"""``cnnlab data info|download|verify|path`` through ``add_subcommands``."""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from data_factory import isolate, tiny, write_format

from cnnlab.data import spec
from cnnlab.data.cli import add_subcommands

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def cache_dir(monkeypatch, tmp_path) -> Path:
    return isolate(monkeypatch, tmp_path)


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="cnnlab")
    add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["data", *argv])
    return args.func(args)


def test_info_shows_source_cache_and_counts(tmp_path, cache_dir, monkeypatch, capsys):
    source = write_format("tar.gz-png", tmp_path / "src", tiny())
    monkeypatch.setenv("CNNLAB_DATA", str(source))
    assert run("info") == 0
    out = capsys.readouterr().out
    assert f"source: {source} ($CNNLAB_DATA)" in out
    assert f"{cache_dir / 'cifar10.npz'}: not built yet" in out
    assert "airplane           3       2" in out and "total             30      20" in out
    assert run("info") == 0
    assert f"from {source}" in capsys.readouterr().out  # the cache and its source


def test_info_reports_a_stale_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CNNLAB_DATA", str(write_format("pickle-dir", tmp_path / "a", tiny())))
    run("info")
    monkeypatch.setenv("CNNLAB_DATA", str(write_format("dir-png", tmp_path / "b", tiny(seed=4))))
    capsys.readouterr()
    assert run("info") == 0
    assert "stale" in capsys.readouterr().out


def test_info_without_data_explains_how_to_fix(capsys):
    assert run("info") == 1
    captured = capsys.readouterr()
    assert "no local copy" in captured.out
    assert "cnnlab data download" in captured.err and "CNNLAB_DATA" in captured.err


def test_path_prints_the_source_or_the_cache(tmp_path, cache_dir, monkeypatch, capsys):
    assert run("path") == 1
    assert "cnnlab data download" in capsys.readouterr().err
    assert run("path", "--cache") == 0
    assert capsys.readouterr().out.strip() == str(cache_dir / "cifar10.npz")
    source = write_format("pickle-tar.gz", tmp_path, tiny())
    monkeypatch.setenv("CNNLAB_DATA", str(source))
    assert run("path") == 0
    assert capsys.readouterr().out.strip() == str(source)


def test_verify_checks_data_cache_and_completeness(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CNNLAB_DATA", str(write_format("dir-jpg", tmp_path, tiny())))
    assert run("verify") == 1  # valid data, but not the complete CIFAR-10
    out = capsys.readouterr().out
    assert "ok   " in out and "shapes, dtypes, labels and classes valid" in out
    assert "FAIL train: expected 5,000 images per class, got airplane 3" in out
    assert "checksums match" in out


def test_verify_flags_an_official_archive_with_the_wrong_md5(tmp_path, monkeypatch, capsys):
    source = write_format("pickle-tar.gz", tmp_path, tiny())
    assert source.name == spec.OFFICIAL_FILENAME
    assert run("verify", "--source", str(source)) == 1
    assert f"FAIL {source}: MD5 differs from the published" in capsys.readouterr().out


def test_verify_accepts_a_matching_md5(tmp_path, monkeypatch, capsys):
    source = write_format("pickle-tar.gz", tmp_path, tiny())
    monkeypatch.setattr(spec, "OFFICIAL_MD5", hashlib.md5(source.read_bytes()).hexdigest())
    run("verify", "--source", str(source))
    assert "MD5 matches the official" in capsys.readouterr().out


def test_download_without_network_fails_cleanly(cache_dir, capsys):
    assert run("download", "--timeout", "2") == 1
    err = capsys.readouterr().err
    assert "could not download http://127.0.0.1:" in err
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_python_dash_m_runs_the_same_commands(tmp_path):
    env = {**os.environ, "CNNLAB_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-m", "cnnlab.data", "path", "--cache"],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert result.stdout.strip() == str(tmp_path / "c" / "cifar10.npz")
