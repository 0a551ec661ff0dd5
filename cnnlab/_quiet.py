"""Keep TensorFlow's import-time log lines off stderr, without disabling anything.

While it is imported, TensorFlow 2.21 writes notices to file descriptor 2 whatever
``TF_CPP_MIN_LOG_LEVEL`` says; which ones depends on the CPU: "oneDNN custom operations are on"
(twice) where oneDNN is on, the absl "All log messages before absl::InitializeLog()" line and
a ``cpu_feature_guard`` notice on others. nbgrader scores a test cell 0 when it writes to
stderr, and students read these lines as errors. Turning oneDNN off to silence them would make
convolutions about 1.85x slower, so instead ``quiet_tensorflow`` wraps the one import of the
``tensorflow`` package: whatever it writes to descriptor 2 is captured, the known notices are
dropped (``drop_notices``) and anything else is written back to stderr, so real errors still
show. It also applies ``cnnlab.hardware``'s oneDNN choice, which must precede the import.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import logging
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Iterator

from cnnlab import hardware

# Notices TensorFlow prints on import that carry no information for a student.
_NOISE = re.compile(
    r"All log messages before absl::InitializeLog"
    r"|oneDNN custom operations are on"
    r"|cpu_feature_guard"
    r"|This TensorFlow binary is optimized"
    r"|To enable the following instructions"
    r"|Unable to register cu(DNN|FFT|BLAS) factory"
    r"|computation placer already registered"
    r"|Could not find cuda drivers"
    r"|TF-TRT Warning"
)


def quiet_tensorflow() -> None:
    """Make the next ``import tensorflow`` (or ``import keras``) silent on stderr.

    Safe to call many times; does nothing once TensorFlow is imported.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if "tensorflow" in sys.modules:
        return
    hardware.apply_onednn_choice()
    if not any(isinstance(finder, _QuietTensorFlowFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _QuietTensorFlowFinder())


def warnings_to_stdout() -> None:
    """Show Python warnings on stdout instead of stderr (for grading runs).

    nbgrader scores a test cell 0 when it writes to stderr, and correct code warns for reasons
    that are no mistake (a NumPy ``DeprecationWarning``, a ``RuntimeWarning`` of ``0 * inf``,
    a Keras notice): under autograde a warning must not cost the points of a passing test.
    It stays visible in the graded notebook, on stdout; exceptions still go to stderr.
    """
    if getattr(warnings.showwarning, "_cnnlab_stdout", False):
        return

    def show(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001
        text = warnings.formatwarning(message, category, filename, lineno, line)
        with contextlib.suppress(Exception):
            sys.stdout.write(text)

    show._cnnlab_stdout = True
    warnings.showwarning = show


def drop_notices(text: str) -> str:
    """``text`` without TensorFlow's known import notices and blank lines ("" if none is left)."""
    kept = [line for line in text.splitlines() if line.strip() and not _NOISE.search(line)]
    return "".join(line + "\n" for line in kept)


@contextlib.contextmanager
def filtered_stderr_fd() -> Iterator[None]:
    """Capture file descriptor 2; on exit write back every line that is not a known notice."""
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    saved_fd = os.dup(2)
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            with contextlib.suppress(Exception):
                sys.stderr.flush()
            os.dup2(saved_fd, 2)
            os.close(saved_fd)
            capture.seek(0)
            kept = drop_notices(capture.read().decode("utf-8", errors="replace"))
            if kept:
                sys.stderr.write(kept)


class _QuietLoader(importlib.abc.Loader):
    """Runs TensorFlow's own loader inside ``filtered_stderr_fd``."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec):  # noqa: ANN001 - importlib protocol
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:  # noqa: ANN001 - importlib protocol
        with filtered_stderr_fd():
            self._loader.exec_module(module)
        # TensorFlow's Python-side logger (retracing notices, deprecations) stays at errors.
        logging.getLogger("tensorflow").setLevel(logging.ERROR)


class _QuietTensorFlowFinder(importlib.abc.MetaPathFinder):
    """Finds the top-level ``tensorflow`` package like Python would, with a quiet loader."""

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001 - importlib protocol
        if fullname != "tensorflow":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _QuietLoader(spec.loader)
        return spec
