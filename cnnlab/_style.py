"""The course's one plotting style and the figure plumbing that plots and demos share.

Every drawing in ``cnnlab`` is made inside :func:`styled`, which applies :data:`RC` through
``matplotlib.rc_context``: the user's global ``rcParams`` are never changed. Figures come from
:func:`new_figure`, which closes them in pyplot straight away, so a notebook shows a returned
figure exactly once (as the cell's result) and no figure piles up in pyplot's registry.
"""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import matplotlib
import numpy as np
from cycler import cycler
from matplotlib.figure import Figure

# Okabe-Ito: distinguishable for every common kind of colour blindness.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
HIGHLIGHT = "#D55E00"
IMAGE_CMAP = "gray"
MAP_CMAP = "viridis"
WEIGHT_CMAP = "RdBu_r"
MATRIX_CMAP = "Blues"
SAVE_DPI = 120

RC: dict[str, Any] = {
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "figure.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=PALETTE),
    "grid.alpha": 0.3,
    "lines.linewidth": 2,
    # 32x32 images must show their pixels, not a blur of them.
    "image.interpolation": "nearest",
    "image.cmap": IMAGE_CMAP,
}

F = TypeVar("F", bound=Callable[..., Any])


def style() -> contextlib.AbstractContextManager[Any]:
    """A context in which the course style applies; the global rcParams stay as they were."""
    return matplotlib.rc_context(RC)


def styled(func: F) -> F:
    """Run ``func`` inside :func:`style`."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with style():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def new_figure(width: float, height: float) -> Figure:
    """A figure of ``width`` x ``height`` inches, already closed in pyplot (see module doc)."""
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(max(width, 1.0), max(height, 1.0)))
    plt.close(fig)
    return fig


def interpolation(shape: tuple[int, ...]) -> str:
    """Show small images pixel by pixel; smooth large ones, which are drawn smaller than life."""
    return "nearest" if max(shape[:2]) <= 128 else "antialiased"


def cmap_nan_white(name: str) -> Any:
    """A copy of colormap ``name`` that draws NaN (gaps, cells not computed yet) in white."""
    return matplotlib.colormaps[name].with_extremes(bad="white")


def png_bytes(fig: Figure, dpi: int = SAVE_DPI) -> bytes:
    """The figure rendered as PNG bytes (tight bounding box)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def bare(ax: Any) -> None:
    """Remove ticks and spines: for panels that show an image."""
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def format_value(value: float) -> str:
    """A number as a cell label: integers without decimals, others with 3 significant digits."""
    if np.isnan(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3g}"


def annotate_cells(
    ax: Any,
    values: np.ndarray,
    shade: np.ndarray | None = None,
    fmt: Callable[[float], str] = format_value,
    fontsize: float = 9,
    bold: np.ndarray | None = None,
) -> None:
    """Write ``values[i, j]`` at cell ``(i, j)`` of an image axes.

    ``shade`` (same shape, in [0, 1]) is how dark the cell's background is: the text turns white
    on dark cells. ``bold`` (same shape, bool) marks cells whose text is bold.
    """
    for (i, j), value in np.ndenumerate(values):
        text = fmt(value)
        if not text:
            continue
        dark = shade is not None and shade[i, j] > 0.6
        ax.text(
            j, i, text, ha="center", va="center", fontsize=fontsize,
            color="white" if dark else "black",
            fontweight="bold" if bold is not None and bold[i, j] else "normal",
        )


def panel_grid(fig: Figure, n: int, ncols: int) -> list[Any]:
    """``n`` axes in rows of ``ncols``; the unused cells of the last row stay empty."""
    nrows = -(-n // ncols)
    grid = fig.add_gridspec(nrows, ncols)
    return [fig.add_subplot(grid[i // ncols, i % ncols]) for i in range(n)]


def as_array(
    value: Any, name: str, ndims: Sequence[int], shape: str, numeric: bool = True
) -> np.ndarray:
    """``value`` as a NumPy array with one of ``ndims`` dimensions, else a ValueError that names
    the argument, the expected ``shape`` (e.g. ``"(N, H, W, C)"``) and what was received."""
    try:
        array = np.asarray(value)
    except Exception as err:  # e.g. ragged nested lists
        raise ValueError(f"{name} must be an array of shape {shape}: {err}") from err
    if array.ndim not in ndims:
        raise ValueError(
            f"{name} must have shape {shape} ({' or '.join(map(str, ndims))} dimensions), "
            f"got shape {array.shape}"
        )
    if numeric:
        if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
            raise ValueError(f"{name} must hold numbers, got dtype {array.dtype}")
        if array.size == 0:
            raise ValueError(f"{name} is empty (shape {array.shape}); expected {shape}")
        if np.issubdtype(array.dtype, np.inexact) and not np.isfinite(array).all():
            raise ValueError(f"{name} contains NaN or infinite values")
    return array


def positive_int(value: Any, name: str) -> int:
    """``value`` as an int >= 1, else a ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return int(value)
