"""The package's promises at import: light, quiet TensorFlow, one seeding call."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

import cnnlab
from cnnlab._quiet import drop_notices


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env)


def test_import_cnnlab_does_not_import_tensorflow_or_matplotlib():
    result = _run(
        "import sys, cnnlab\n"
        "heavy = ('tensorflow', 'keras', 'matplotlib', 'skimage')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_keras_import_after_cnnlab_writes_nothing_to_stderr():
    result = _run("import cnnlab, keras; print(keras.backend.backend())")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "tensorflow"
    assert result.stderr == ""


@pytest.mark.parametrize("onednn", ["0", "1"])
def test_keras_import_without_cnnlab_is_noisy_so_the_check_above_can_fail(onednn):
    # TensorFlow's notices depend on the CPU and on whether oneDNN is on; forcing each setting
    # makes the control hold on every CPU kind: a bare import writes notices, and every one
    # of them is a notice the cnnlab filter drops.
    env = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    env["TF_ENABLE_ONEDNN_OPTS"] = onednn
    result = _run("import keras", env=env)
    assert result.returncode == 0
    assert result.stderr.strip(), "a bare `import keras` wrote nothing to stderr"
    if onednn == "1":
        assert "oneDNN custom operations" in result.stderr
    assert drop_notices(result.stderr) == ""
    quiet = _run("import cnnlab, keras", env={**env, "CNNLAB_ONEDNN": onednn})
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_other_stderr_output_during_the_tensorflow_import_is_kept():
    # A message that is not a known notice must survive the filter.
    code = (
        "import os, cnnlab\n"
        "from cnnlab._quiet import filtered_stderr_fd\n"
        "with filtered_stderr_fd():\n"
        "    os.write(2, b'oneDNN custom operations are on\\nreal problem\\n')\n"
    )
    result = _run(code)
    assert result.stderr == "real problem\n"


def test_filter_keeps_lines_it_does_not_know():
    text = ("2026 cpu_feature_guard.cc:227] This TensorFlow binary is optimized\n\n"
            "E0000 something real failed\n"
            "I0000 port.cc:153] oneDNN custom operations are on. You may see\n")
    assert drop_notices(text) == "E0000 something real failed\n"


def test_set_seed_repeats_numpy_and_keras_random_numbers():
    import keras

    def draw():
        cnnlab.set_seed(7)
        return np.random.rand(3), keras.random.uniform((3,)).numpy()

    first, second = draw(), draw()
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(first[1], second[1])
    cnnlab.set_seed(8)
    assert not np.array_equal(np.random.rand(3), first[0])


@pytest.mark.parametrize("bad", [-1, 1.5, "0", True])
def test_set_seed_rejects_bad_seeds(bad):
    with pytest.raises(ValueError, match="seed"):
        cnnlab.set_seed(bad)
