"""Teaching demos for the notebooks: a k x k kernel sliding over an image.

Each step shows five panels: the input with the kernel's window highlighted, the patch under the
window, the kernel, the elementwise products ``patch * kernel`` with their sum (plus the bias),
and the output map. Only the current position's dot product is computed (cross-correlation, as in
every deep-learning library): the demos never compute the whole output map. The output panel
shows the positions this demo has already visited, or, when the caller passes ``output=`` (e.g.
the map of the student's own ``conv2d_single``), that map filled in up to the current position,
with the current cell marked in red where it differs from this step's sum. Three ways to show it::

    demos.kernel_slider(image, kernel)            # ipywidgets slider (+ play button)
    HTML(demos.kernel_animation(image, kernel).to_jshtml())   # animation, no widgets needed
    demos.kernel_sliding_frames(image, kernel)    # a static figure of a few steps

Use a small grey image (about 5x5 to 32x32): a 3x3 window on a large photo is too small to see.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
_PANEL_INCHES = 2.4
_N_PANELS = 5
_MISMATCH = "#d62728"


class _SlidingKernel:
    """The demo's inputs and its drawing: ``image`` ``(H, W)``, ``kernel`` ``(k_h, k_w)``.

    It knows the output map's shape (from the sizes alone), never its values: each drawn step
    computes one dot product, the current window's.
    """

    def __init__(
        self, image: Any, kernel: Any, bias: float, stride: int, output: Any = None
    ) -> None:
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
        self.out_shape = ((x.shape[0] - w.shape[0]) // self.stride + 1,
                          (x.shape[1] - w.shape[1]) // self.stride + 1)
        self.n_positions = self.out_shape[0] * self.out_shape[1]
        self.given = None
        if output is not None:
            given = as_array(output, "output", (2, 3), "(H', W')").astype(np.float64)
            if given.ndim == 3 and given.shape[-1] == 1:
                given = given[..., 0]
            if given.shape != self.out_shape:
                raise ValueError(
                    f"output must have shape {self.out_shape} (a {w.shape[0]}x{w.shape[1]} "
                    f"kernel over a {x.shape[0]}x{x.shape[1]} image with stride {self.stride}), "
                    f"got shape {given.shape}: check the output size of the function that "
                    "computed it"
                )
            self.given = given

    def check_position(self, position: Any, name: str = "position") -> int:
        if isinstance(position, bool) or not isinstance(position, (int, np.integer)):
            raise ValueError(f"{name} must be an integer, got {position!r}")
        if not 0 <= position < self.n_positions:
            raise ValueError(
                f"{name} must be in [0, {self.n_positions - 1}] (the output is "
                f"{self.out_shape[0]}x{self.out_shape[1]}), got {position}"
            )
        return int(position)

    def new_figure(self, rows: int) -> tuple[Figure, np.ndarray]:
        fig = new_figure(_N_PANELS * _PANEL_INCHES, rows * (_PANEL_INCHES + 0.5))
        axes = fig.subplots(rows, _N_PANELS, squeeze=False)
        return fig, axes

    def draw(self, axes: Sequence[Any], position: int, visited: Mapping[int, float]) -> float:
        """Draw step ``position`` (row-major index into the output map) into 5 axes.

        Computes this step's ``sum(patch * kernel) + bias`` (and returns it). Without a
        caller-supplied ``output``, the output panel shows ``visited`` (position -> value: the
        steps this demo has drawn before) and this step.
        """
        row, col = divmod(position, self.out_shape[1])
        top, left = row * self.stride, col * self.stride
        k_h, k_w = self.kernel.shape
        patch = self.image[top:top + k_h, left:left + k_w]
        products = patch * self.kernel
        value = float(products.sum()) + self.bias
        shown = np.full(self.out_shape, np.nan)
        if self.given is None:
            for seen, seen_value in visited.items():
                shown[divmod(seen, self.out_shape[1])] = seen_value
            shown[row, col] = value
        else:
            shown.ravel()[:position + 1] = self.given.ravel()[:position + 1]
        low, high = self.image.min(), self.image.max()
        limit = np.abs(self.kernel).max() or 1.0
        reach = np.abs(products).max() or 1.0
        filled = shown[~np.isnan(shown)]
        height, width = self.image.shape
        bias = f" + {format_value(self.bias)}" if self.bias else ""
        panels = (
            (self.image, IMAGE_CMAP, low, high, f"input {height}x{width}"),
            (patch, IMAGE_CMAP, low, high, f"patch at row {top}, col {left}"),
            (self.kernel, WEIGHT_CMAP, -limit, limit, f"kernel {k_h}x{k_w}"),
            (products, WEIGHT_CMAP, -reach, reach, "patch * kernel"),
            (shown, MAP_CMAP, filled.min(), filled.max(), f"output[{row}, {col}] = "
             f"{format_value(round(float(shown[row, col]), 3))}"),
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
        axes[3].set_xlabel(f"sum = {format_value(round(value - self.bias, 3))}", fontsize=9)
        out_ax = axes[4]
        for spine in out_ax.spines.values():  # frame the part of the output still to come
            spine.set_visible(True)
            spine.set_color("0.7")
        out_ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False,
                                   edgecolor=HIGHLIGHT, linewidth=3))
        label = f"sum(patch * kernel){bias} = {format_value(round(value, 3))}"
        if self.given is not None and not np.isclose(self.given[row, col], value):
            out_ax.set_title(panels[-1][-1], fontsize=10, color=_MISMATCH)
            label = f"{label}: differs"
        out_ax.set_xlabel(label, fontsize=9)
        return value

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
    output: Any = None,
) -> Figure:
    """A static figure with one row per step of the kernel sliding over the image.

    ``image``: grey ``(H, W)``; ``kernel``: ``(k, k)``; ``positions``: row-major indices into the
    ``(H', W')`` output (default: the first two, the start of the second row and the last).
    Each row's output panel shows the steps drawn so far; ``output``: an ``(H', W')`` map to
    show instead (e.g. your own function's result), filled in up to each row's position.
    """
    demo = _SlidingKernel(image, kernel, bias, stride, output)
    if positions is None:
        n_cols = demo.out_shape[1]
        positions = sorted({0, min(1, demo.n_positions - 1), min(n_cols, demo.n_positions - 1),
                            demo.n_positions - 1})
    positions = [demo.check_position(p, "positions[]") for p in positions]
    if not positions:
        raise ValueError("positions is empty; give at least one output position")
    fig, axes = demo.new_figure(len(positions))
    visited: dict[int, float] = {}
    for row_axes, position in zip(axes, positions, strict=True):
        visited[position] = demo.draw(row_axes, position, visited)
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
    output: Any = None,
) -> FuncAnimation:
    """The kernel sliding over the image as a matplotlib animation (``interval`` ms per step).

    ``image``: grey ``(H, W)``; ``kernel``: ``(k, k)``; ``positions``: the steps to show (default:
    every output position, or 100 evenly spaced ones); ``output``: an ``(H', W')`` map to show
    in the output panel (default: the steps shown so far). In a notebook:
    ``HTML(kernel_animation(image, kernel).to_jshtml())``.
    """
    demo = _SlidingKernel(image, kernel, bias, stride, output)
    steps = demo.default_positions(100) if positions is None else [
        demo.check_position(p, "positions[]") for p in positions]
    if not steps:
        raise ValueError("positions is empty; give at least one output position")
    interval = positive_int(interval, "interval")
    fig, axes = demo.new_figure(1)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.14, top=0.86, wspace=0.15)
    visited: dict[int, float] = {}

    def update(frame: int) -> list[Any]:
        if frame == 0:  # the animation starts over (it loops, and renders more than once)
            visited.clear()
        with style():  # frames are drawn later, when the animation is rendered
            visited[steps[frame]] = demo.draw(axes[0], steps[frame], visited)
        return list(axes[0])

    return FuncAnimation(fig, update, frames=len(steps), init_func=lambda: update(0),
                         interval=interval, blit=False)


def kernel_slider(
    image: Any,
    kernel: Any,
    bias: float = 0.0,
    stride: int = 1,
    start: int = 0,
    output: Any = None,
) -> Any:
    """An ipywidgets slider (with a play button) that moves the kernel over the image.

    ``image``: grey ``(H, W)``; ``kernel``: ``(k, k)``; ``output``: an ``(H', W')`` map to show
    in the output panel (e.g. your own function's result; default: the positions visited with
    the slider so far). Returns an ``ipywidgets.VBox``; its ``slider`` attribute is the
    ``IntSlider`` (row-major output position) and its ``image`` attribute the
    ``ipywidgets.Image`` that is redrawn (PNG) whenever the slider moves.
    """
    try:
        import ipywidgets as widgets
    except ImportError as err:
        raise ImportError(
            "kernel_slider needs ipywidgets (pip install ipywidgets); without it use "
            "kernel_animation(...) or kernel_sliding_frames(...)"
        ) from err
    demo = _SlidingKernel(image, kernel, bias, stride, output)
    start = demo.check_position(start, "start")
    with style():
        fig, axes = demo.new_figure(1)
        fig.subplots_adjust(left=0.02, right=0.98, bottom=0.14, top=0.86, wspace=0.15)
    last = demo.n_positions - 1
    slider = widgets.IntSlider(value=start, min=0, max=last, description="position")
    play = widgets.Play(value=start, min=0, max=last, interval=400, description="play")
    widgets.jslink((play, "value"), (slider, "value"))
    view = widgets.Image(format="png")
    visited: dict[int, float] = {}

    def redraw(change: Any = None) -> None:
        with style():
            position = slider.value
            visited[position] = demo.draw(axes[0], position, visited)
            view.value = png_bytes(fig, dpi=90)

    slider.observe(redraw, names="value")
    redraw()
    box = widgets.VBox([widgets.HBox([play, slider]), view])
    box.slider, box.image = slider, view
    return box
