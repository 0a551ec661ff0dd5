"""The package's promises at import: light, quiet TensorFlow, one seeding call."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import cnnlab


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


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


def test_keras_import_without_cnnlab_is_noisy_so_the_check_above_can_fail():
    result = _run("import keras")
    assert result.returncode == 0
    assert "oneDNN custom operations" in result.stderr


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


def test_onednn_stays_enabled():
    result = _run("import os, cnnlab, keras; print(os.environ.get('TF_ENABLE_ONEDNN_OPTS'))")
    assert result.stdout.strip() == "None"


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
