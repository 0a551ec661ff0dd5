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


def _grey_image(image: Any, verb: str) -> np.ndarray:
    """``image`` ``(H, W)`` or ``(H, W, 1)`` as a float64 ``(H, W)`` array, or a clear error."""
    x = as_array(image, "image", (2, 3), "(H, W)").astype(np.float64)
    if x.ndim == 3:
        if x.shape[-1] != 1:
            raise ValueError(
                f"image must be a grey image of shape (H, W), got shape {x.shape}: the demo "
                f"{verb} one single-channel kernel (try image.mean(axis=-1))"
            )
        x = x[..., 0]
    return x


class _SlidingKernel:
    """The demo's inputs and its drawing: ``image`` ``(H, W)``, ``kernel`` ``(k_h, k_w)``.

    It knows the output map's shape (from the sizes alone), never its values: each drawn step
    computes one dot product, the current window's.
    """

    def __init__(
        self, image: Any, kernel: Any, bias: float, stride: int, output: Any = None
    ) -> None:
        x = _grey_image(image, "slides")
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


# --- Learning a kernel (d2l.ai, "Learning a Kernel") ------------------------------------------
# Gradient descent finds a hand-made kernel again from the map it makes. The maps (the target
# and the current kernel's) are computed inside learn_kernel and never leave it: only kernels
# and losses are returned, so the demo cannot stand in for lab02's conv2d_single.

__all__ += ["learn_kernel", "learned_kernel_figure"]


def learn_kernel(
    image: Any,
    target_kernel: Any,
    steps: int = 200,
    learning_rate: float = 0.1,
    seed: int = 0,
) -> dict[str, np.ndarray]:
    """Fit a kernel, from a random start, to the map that ``target_kernel`` makes of ``image``.

    ``image``: a grey image ``(H, W)`` (or ``(H, W, 1)``); ``target_kernel``: ``(k, k)``. The
    target is the 'valid' cross-correlation of the image with ``target_kernel``; a kernel
    drawn from a standard normal distribution (``seed``) then takes ``steps`` steps of gradient
    descent on the mean squared error between its own map and the target. The error is a mean
    over the output pixels, so the same ``learning_rate`` suits a small and a large image; 0.1
    is safe for a 3x3 kernel on a standardized image (mean 0, standard deviation 1).

    Returns ``{"kernels": (steps + 1, k, k), "losses": (steps + 1,)}``: the kernel and its
    loss before each step and after the last. Raises ValueError when the loss blows up (a
    learning rate too large for this image).
    """
    x = _grey_image(image, "learns")
    target = as_array(target_kernel, "target_kernel", (2,), "(k, k)").astype(np.float64)
    if target.shape[0] != target.shape[1]:
        raise ValueError(f"target_kernel must be square (k, k), got shape {target.shape}")
    if target.shape[0] > min(x.shape):
        raise ValueError(
            f"target_kernel of shape {target.shape} does not fit in image of shape {x.shape}")
    steps = positive_int(steps, "steps")
    try:
        rate = float(learning_rate)
    except (TypeError, ValueError):
        rate = np.nan
    if isinstance(learning_rate, bool) or not np.isfinite(rate) or rate <= 0:
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    # windows[i, j] is the k x k patch whose dot product with a kernel gives map[i, j]
    windows = np.lib.stride_tricks.sliding_window_view(x, target.shape)
    goal = np.einsum("hwuv,uv->hw", windows, target)
    kernel = np.random.default_rng(seed).normal(size=target.shape)
    kernels, losses = [kernel], []
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(steps + 1):
            error = np.einsum("hwuv,uv->hw", windows, kernel) - goal
            losses.append(float(np.mean(error**2)))
            if not np.isfinite(losses[-1]) or losses[-1] > 1e6 * (losses[0] + 1e-12):
                raise ValueError(
                    f"the loss blew up, from {losses[0]:.3g} to {losses[-1]:.3g} in {step} "
                    f"steps: learning_rate={rate:g} is too large for this image; "
                    "take a smaller one, or standardize the image (x - x.mean()) / x.std()"
                )
            if step == steps:
                break
            # d loss / d kernel[u, v] = 2 / n * sum_ij error[i, j] * x[i + u, j + v]: the
            # image cross-correlated with the error map
            gradient = 2 / error.size * np.einsum("hwuv,hw->uv", windows, error)
            kernel = kernel - rate * gradient
            kernels.append(kernel)
    return {"kernels": np.stack(kernels), "losses": np.asarray(losses)}


def _kernel_history(history: Any) -> tuple[np.ndarray, np.ndarray]:
    try:
        kernels, losses = history["kernels"], history["losses"]
    except (TypeError, KeyError, IndexError) as err:
        raise ValueError(
            "history must be what learn_kernel returns: a dict with 'kernels' (steps + 1, k, k) "
            "and 'losses' (steps + 1,)") from err
    kernels = as_array(kernels, "history['kernels']", (3,), "(steps + 1, k, k)")
    losses = as_array(losses, "history['losses']", (1,), "(steps + 1,)")
    if len(kernels) != len(losses):
        raise ValueError(f"history has {len(kernels)} kernels but {len(losses)} losses")
    return kernels.astype(np.float64), losses.astype(np.float64)


@styled
def learned_kernel_figure(
    history: Any, target_kernel: Any, steps: Sequence[int] | None = None
) -> Figure:
    """What :func:`learn_kernel` did: the loss per step (log scale) and the kernel at a few
    ``steps`` (default: the start, about 1/30 and 1/6 of the way, and the end) next to the
    target, each cell with its value and each kernel with its relative error
    ``||kernel - target|| / ||target||``."""
    kernels, losses = _kernel_history(history)
    target = as_array(target_kernel, "target_kernel", (2,), "(k, k)").astype(np.float64)
    if kernels.shape[1:] != target.shape:
        raise ValueError(
            f"the kernels in history are {kernels.shape[1]}x{kernels.shape[2]} but "
            f"target_kernel has shape {target.shape}")
    last = len(kernels) - 1
    if steps is None:
        steps = sorted({0, last // 30, last // 6, last})
    shown = []
    for step in steps:
        if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or not (
                0 <= step <= last):
            raise ValueError(f"steps[] must be integers in [0, {last}], got {step!r}")
        shown.append(int(step))
    if not shown:
        raise ValueError("steps is empty; give at least one step to show")
    n_kernels = len(shown) + 1
    fig = new_figure(3.6 + 1.9 * n_kernels, 2.6)
    grid = fig.add_gridspec(1, n_kernels + 1, width_ratios=[2.2] + [1] * n_kernels)
    loss_ax = fig.add_subplot(grid[0, 0])
    loss_ax.plot(np.arange(last + 1), np.maximum(losses, 1e-300))
    loss_ax.plot(shown, np.maximum(losses[shown], 1e-300), "o", color=HIGHLIGHT)
    loss_ax.set_yscale("log")
    loss_ax.set_xlabel("step")
    loss_ax.set_ylabel("mean squared error")
    loss_ax.set_title("loss: the kernel's map vs. the target")
    loss_ax.grid(True)
    limit = max(np.abs(target).max(), 1e-12)
    norm = np.linalg.norm(target) or 1.0
    panels = [(f"step {s}" + (" (random)" if s == 0 else ""), kernels[s]) for s in shown]
    panels.append(("target", target))
    for index, (title, kernel) in enumerate(panels, start=1):
        ax = fig.add_subplot(grid[0, index])
        ax.imshow(kernel, cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit)
        annotate_cells(ax, kernel, shade=np.clip(np.abs(kernel) / limit, 0, 1),
                       fmt=lambda v: f"{round(v, 2) + 0.0:.2f}", fontsize=8)  # no "-0.00"
        ax.set_title(title)
        if title != "target":
            ax.set_xlabel(f"error {np.linalg.norm(kernel - target) / norm:.1%}", fontsize=9)
        bare(ax)
    fig.tight_layout()
    return fig
