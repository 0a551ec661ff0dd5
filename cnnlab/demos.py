"""Teaching demos for the notebooks: a k x k kernel sliding over an image.

Each step shows four panels: the input with the kernel's window highlighted, the patch under the
window, the kernel, and the output map filled in up to that position (``sum(patch * kernel) + b``,
cross-correlation as in every deep-learning library). Three ways to show it::

    demos.kernel_slider(image, kernel)            # ipywidgets slider (+ play button)
    HTML(demos.kernel_animation(image, kernel).to_jshtml())   # animation, no widgets needed
    demos.kernel_sliding_frames(image, kernel)    # a static figure of a few steps

Use a small grey image (about 5x5 to 32x32): a 3x3 window on a large photo is too small to see.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.animation import FuncAnimation
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from cnnlab._style import (
    HIGHLIGHT,
    IMAGE_CMAP,
    MAP_CMAP,
    WEIGHT_CMAP,
    annotate_cells,
    as_array,
    bare,
    cmap_nan_white,
    format_value,
    new_figure,
    png_bytes,
    positive_int,
    style,
    styled,
)

__all__ = ["kernel_slider", "kernel_sliding_frames", "kernel_animation"]

# Above this side, cell values are not written into the image panels (they would not fit).
_MAX_ANNOTATED_SIDE = 12
_PANEL_INCHES = 2.6


class _SlidingKernel:
    """The demo's data and its drawing: ``image`` ``(H, W)``, ``kernel`` ``(k_h, k_w)``."""

    def __init__(self, image: Any, kernel: Any, bias: float, stride: int) -> None:
        x = as_array(image, "image", (2, 3), "(H, W)").astype(np.float64)
        if x.ndim == 3:
            if x.shape[-1] != 1:
                raise ValueError(
                    f"image must be a grey image of shape (H, W), got shape {x.shape}: the demo "
                    "slides one single-channel kernel (try image.mean(axis=-1))"
                )
            x = x[..., 0]
        w = as_array(kernel, "kernel", (2,), "(k, k)").astype(np.float64)
        if w.shape[0] > x.shape[0] or w.shape[1] > x.shape[1]:
            raise ValueError(f"kernel of shape {w.shape} does not fit in image of shape {x.shape}")
        self.stride = positive_int(stride, "stride")
        self.bias = float(bias)
        self.image, self.kernel = x, w
        windows = np.lib.stride_tricks.sliding_window_view(x, w.shape)[::stride, ::stride]
        self.output = np.einsum("ijkl,kl->ij", windows, w) + self.bias
        self.n_positions = self.output.size

    def check_position(self, position: Any, name: str = "position") -> int:
        if isinstance(position, bool) or not isinstance(position, (int, np.integer)):
            raise ValueError(f"{name} must be an integer, got {position!r}")
        if not 0 <= position < self.n_positions:
            raise ValueError(
                f"{name} must be in [0, {self.n_positions - 1}] (the output is "
                f"{self.output.shape[0]}x{self.output.shape[1]}), got {position}"
            )
        return int(position)

    def new_figure(self, rows: int) -> tuple[Figure, np.ndarray]:
        fig = new_figure(4 * _PANEL_INCHES, rows * (_PANEL_INCHES + 0.4))
        axes = fig.subplots(rows, 4, squeeze=False)
        return fig, axes

    def draw(self, axes: Sequence[Any], position: int) -> None:
        """Draw step ``position`` (row-major index into the output map) into 4 axes."""
        row, col = divmod(position, self.output.shape[1])
        top, left = row * self.stride, col * self.stride
        k_h, k_w = self.kernel.shape
        patch = self.image[top:top + k_h, left:left + k_w]
        partial = self.output.copy().ravel()
        partial[position + 1:] = np.nan
        partial = partial.reshape(self.output.shape)
        low, high = self.image.min(), self.image.max()
        limit = np.abs(self.kernel).max() or 1.0
        height, width = self.image.shape
        panels = (
            (self.image, IMAGE_CMAP, low, high, f"input {height}x{width}"),
            (patch, IMAGE_CMAP, low, high, f"patch at row {top}, col {left}"),
            (self.kernel, WEIGHT_CMAP, -limit, limit, f"kernel {k_h}x{k_w}"),
            (partial, MAP_CMAP, self.output.min(), self.output.max(),
             f"output[{row}, {col}] = {format_value(round(self.output[row, col], 3))}"),
        )
        for ax, (values, cmap, vmin, vmax, title) in zip(axes, panels, strict=True):
            ax.clear()
            ax.imshow(values, cmap=cmap_nan_white(cmap), vmin=vmin, vmax=vmax)
            ax.set_title(title, fontsize=10)
            bare(ax)
            if max(values.shape) <= _MAX_ANNOTATED_SIDE:
                # grey and viridis are dark at the low end, the diverging map at both ends
                if cmap == WEIGHT_CMAP:
                    shade = np.abs(values) / vmax
                else:
                    shade = 1 - (values - vmin) / ((vmax - vmin) or 1.0)
                annotate_cells(ax, values, shade=np.nan_to_num(shade), fontsize=8)
        axes[0].add_patch(Rectangle((left - 0.5, top - 0.5), k_w, k_h, fill=False,
                                    edgecolor=HIGHLIGHT, linewidth=3))
        for spine in axes[3].spines.values():  # frame the part of the output still to come
            spine.set_visible(True)
            spine.set_color("0.7")
        axes[3].add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False,
                                    edgecolor=HIGHLIGHT, linewidth=3))
        bias = f" + {format_value(self.bias)}" if self.bias else ""
        axes[3].set_xlabel(f"sum(patch * kernel){bias}", fontsize=9)

    def default_positions(self, limit: int) -> list[int]:
        if self.n_positions <= limit:
            return list(range(self.n_positions))
        return sorted(set(np.linspace(0, self.n_positions - 1, limit).round().astype(int)))


@styled
def kernel_sliding_frames(
    image: Any,
    kernel: Any,
    positions: Sequence[int] | None = None,
    bias: float = 0.0,
    stride: int = 1,
) -> Figure:
    """A static figure with one row per step of the kernel sliding over the image.

    ``image``: grey ``(H, W)``; ``kernel``: ``(k, k)``; ``positions``: row-major indices into the
    ``(H', W')`` output (default: the first two, the start of the second row and the last).
    """
    demo = _SlidingKernel(image, kernel, bias, stride)
    if positions is None:
        n_cols = demo.output.shape[1]
        positions = sorted({0, min(1, demo.n_positions - 1), min(n_cols, demo.n_positions - 1),
                            demo.n_positions - 1})
    positions = [demo.check_position(p, "positions[]") for p in positions]
    if not positions:
        raise ValueError("positions is empty; give at least one output position")
    fig, axes = demo.new_figure(len(positions))
    for row_axes, position in zip(axes, positions, strict=True):
        demo.draw(row_axes, position)
    fig.tight_layout()
    return fig


@styled
def kernel_animation(
    image: Any,
    kernel: Any,
    positions: Sequence[int] | None = None,
    bias: float = 0.0,
    stride: int = 1,
    interval: int = 400,
) -> FuncAnimation:
    """The kernel sliding over the image as a matplotlib animation (``interval`` ms per step).

    ``image``: grey ``(H, W)``; ``kernel``: ``(k, k)``; ``positions``: the steps to show (default:
    every output position, or 100 evenly spaced ones). In a notebook:
    ``HTML(kernel_animation(image, kernel).to_jshtml())``.
    """
    demo = _SlidingKernel(image, kernel, bias, stride)
    steps = demo.default_positions(100) if positions is None else [
        demo.check_position(p, "positions[]") for p in positions]
    if not steps:
        raise ValueError("positions is empty; give at least one output position")
    interval = positive_int(interval, "interval")
    fig, axes = demo.new_figure(1)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.12, top=0.88, wspace=0.15)

    def update(position: int) -> list[Any]:
        with style():  # frames are drawn later, when the animation is rendered
            demo.draw(axes[0], position)
        return list(axes[0])

    return FuncAnimation(fig, update, frames=steps, init_func=lambda: update(steps[0]),
                         interval=interval, blit=False)


def kernel_slider(
    image: Any, kernel: Any, bias: float = 0.0, stride: int = 1, start: int = 0
) -> Any:
    """An ipywidgets slider (with a play button) that moves the kernel over the image.

    ``image``: grey ``(H, W)``; ``kernel``: ``(k, k)``. Returns an ``ipywidgets.VBox``; its
    ``slider`` attribute is the ``IntSlider`` (row-major output position) and its ``image``
    attribute the ``ipywidgets.Image`` that is redrawn (PNG) whenever the slider moves.
    """
    try:
        import ipywidgets as widgets
    except ImportError as err:
        raise ImportError(
            "kernel_slider needs ipywidgets (pip install ipywidgets); without it use "
            "kernel_animation(...) or kernel_sliding_frames(...)"
        ) from err
    demo = _SlidingKernel(image, kernel, bias, stride)
    start = demo.check_position(start, "start")
    with style():
        fig, axes = demo.new_figure(1)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.12, top=0.88, wspace=0.15)
    last = demo.n_positions - 1
    slider = widgets.IntSlider(value=start, min=0, max=last, description="position")
    play = widgets.Play(value=start, min=0, max=last, interval=400, description="play")
    widgets.jslink((play, "value"), (slider, "value"))
    view = widgets.Image(format="png")

    def redraw(change: Any = None) -> None:
        with style():
            demo.draw(axes[0], slider.value)
            view.value = png_bytes(fig, dpi=90)

    slider.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([play, slider]), view])
    box.slider, box.image = slider, view
    return box
