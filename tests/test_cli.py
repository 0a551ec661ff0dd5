"""The ``cnnlab`` command: help, doctor, and a short synthetic demo that writes its report."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from cnnlab import cli

FIGURES = ("classes.png", "filters.png", "feature_maps.png", "curves.png", "confusion.png")


def run_cnnlab(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cnnlab", *args], capture_output=True,
                          text=True, timeout=timeout)


def test_help_lists_the_commands():
    result = run_cnnlab("--help", timeout=60)
    assert result.returncode == 0, result.stderr
    for command in ("doctor", "data", "demo"):
        assert command in result.stdout
    assert "--budget" in run_cnnlab("demo", "--help", timeout=60).stdout


def test_help_does_not_import_tensorflow():
    code = "import sys, cnnlab.cli; cnnlab.cli.build_parser(); print('tensorflow' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "False"


def test_doctor_reports_versions_hardware_data_and_stderr():
    result = run_cnnlab("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    for line in ("python", "keras ", "keras backend", "numpy", "cores", "cpu features",
                 "precision", "onednn", "cifar-10", "stderr"):
        assert line in result.stdout
    assert "clean" in result.stdout and "NOT clean" not in result.stdout


def test_demo_rejects_a_bad_budget(capsys):
    assert cli.main(["demo", "--budget", "0", "--synthetic"]) == 2
    assert "--budget" in capsys.readouterr().err


def test_synthetic_demo_writes_every_figure_and_the_report(tmp_path, capsys):
    out = tmp_path / "report"
    code = cli.main(["demo", "--synthetic", "--budget", "4", "--subset", "300", "100",
                     "--out", str(out)])
    assert code == 0
    for name in (*FIGURES, "report.md"):
        assert (out / name).stat().st_size > 0, name
    report = (out / "report.md").read_text()
    assert "synthetic" in report and "Test accuracy" in report and "flip" in report
    assert "[4/4]" in capsys.readouterr().out


@pytest.mark.parametrize("name", FIGURES)
def test_report_names_every_figure(name):
    from cnnlab.demo import _report

    summary = {"source": "x", "train_images": 1, "validation_images": 1, "test_images": 1,
               "params": 1, "budget": 1, "epochs": 1.0, "images_per_second": 1.0,
               "precision": "float32", "accuracy": 0.5, "accuracy_tta": 0.5,
               "timings": {"load": 1.0, "train": 1.0, "test": 1.0, "total": 1.0}}
    assert f"({name})" in _report(summary)


def test_demo_falls_back_loudly_to_synthetic_data(monkeypatch, capsys):
    from cnnlab import data, demo

    def missing(*args, **kwargs):
        raise data.DatasetNotFoundError("tried: $CNNLAB_DATA, data/cifar10.npz")

    monkeypatch.setattr(data, "load_cifar10", missing)
    (x_train, y_train), (x_test, _), source = demo.load_data((50, 20), False, 0)
    assert x_train.shape == (50, 32, 32, 3) and x_test.shape == (20, 32, 32, 3)
    assert "synthetic" in source
    err = capsys.readouterr().err
    assert "NOT FOUND" in err and "SYNTHETIC" in err and "tried: $CNNLAB_DATA" in err


def test_the_feature_map_figure_shows_the_live_maps_most_active_first():
    from cnnlab import demo

    rng = np.random.default_rng(0)
    maps = np.zeros((8, 8, 6), dtype=np.float32)
    maps[..., 1] = rng.random((8, 8))  # weak
    maps[..., 4] = 5 * rng.random((8, 8))  # strong
    maps[..., 5] = 0.5  # on everywhere but flat: alive, no pattern
    shown, silent = demo.most_active_maps(maps, 3)
    assert shown[:2] == [4, 1] and silent == 3  # maps 0, 2, 3 never turn on
