"""The progress bar of ``cnnlab.train.fit``: budget left, loss, accuracy and images/s.

It writes to stdout (Jupyter shows stderr in red, and nbgrader scores stderr as an error) and
redraws at most a few times a second, since reading the logs waits for the running step. When
stdout is a log file rather than a terminal or a notebook (CI, `make demo > log`), every redraw
would be a new line, so it redraws every 30 s instead.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from tqdm import tqdm


def _default_interval() -> float:
    """Seconds between redraws: often for a person watching, rarely for a log file."""
    watched = sys.stdout.isatty() or "ipykernel" in sys.modules
    return 0.5 if watched else 30.0


class Progress:
    """A bar over the training budget (``total`` seconds or images); a line per epoch."""

    def __init__(self, total: float, unit: str = "s", min_interval: float | None = None) -> None:
        self.unit = unit
        self.bar = tqdm(
            total=round(total, 1),
            file=sys.stdout,
            bar_format="train |{bar:20}| {n:.0f}/{total:.0f} " + unit + "{postfix}",
            dynamic_ncols=True,
        )
        self.min_interval = _default_interval() if min_interval is None else min_interval
        self._last = 0.0

    def update(self, done: float, logs: dict[str, Any] | None, images_per_second: float) -> None:
        """Redraw with the budget ``done`` so far and the latest batch ``logs`` (throttled)."""
        now = time.perf_counter()
        if now - self._last < self.min_interval:
            return
        self._last = now
        self.bar.n = min(round(done, 1), self.bar.total)
        left = max(self.bar.total - done, 0.0)
        parts = [f"{left:.0f} {self.unit} left"]
        for key, label in (("loss", "loss"), ("accuracy", "acc")):
            if logs and key in logs:
                parts.append(f"{label} {float(logs[key]):.3f}")
        parts.append(f"{images_per_second:.0f} img/s")
        self.bar.set_postfix_str(", ".join(parts), refresh=True)

    def epoch_line(self, epoch: int, row: dict[str, float], partial: float | None = None
                   ) -> None:
        """Print one line for a finished epoch above the bar (``partial``: the share of the
        training set a last, cut-short epoch saw)."""
        shown = ("loss", "accuracy", "val_loss", "val_accuracy", "lr")
        text = "  ".join(f"{key} {row[key]:.4g}" for key in shown if key in row)
        part = "" if partial is None else f", {partial:.0%} of an epoch"
        self.bar.write(f"epoch {epoch:>3} ({row['seconds']:.0f} s{part})  {text}",
                       file=sys.stdout)

    def close(self) -> None:
        self.bar.close()
