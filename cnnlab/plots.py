"""The course's figures: data grids, filters, feature maps, curves, confusion matrix, counts.

Every function returns a ``matplotlib.figure.Figure`` drawn in the one course style and works
headless: in a notebook, end a cell with the call to show the figure; elsewhere
``save(fig, "report/grid.png")``. Images are channels-last, ``(H, W)``, ``(H, W, 1)`` or
``(H, W, 3)``, uint8 in [0, 255] or float.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator, PercentFormatter

from cnnlab._style import (
    IMAGE_CMAP,
    MAP_CMAP,
    MATRIX_CMAP,
    PALETTE,
    SAVE_DPI,
    annotate_cells,
    as_array,
    bare,
    cmap_nan_white,
    format_value,
    interpolation,
    new_figure,
    panel_grid,
    positive_int,
    styled,
)

__all__ = [
    "class_grid",
    "image_grid",
    "filter_grid",
    "feature_maps",
    "training_curves",
    "confusion_matrix",
    "param_counts",
    "pooling_windows",
    "weight_histograms",
    "hyperparameter_search",
    "wirings_1d",
    "save",
]

_ACCURACY_KEYS = ("accuracy", "acc", "sparse_categorical_accuracy", "categorical_accuracy")


def _default_class_names(n_classes: int) -> list[str]:
    """CIFAR-10's names when the labels fit them, else ``class 0``, ``class 1``..."""
    try:
        from cnnlab.data import CLASS_NAMES
    except ImportError:
        CLASS_NAMES = ()
    if n_classes <= len(CLASS_NAMES):
        return list(CLASS_NAMES[:n_classes])
    return [f"class {i}" for i in range(n_classes)]


def _labels(value: Any, name: str) -> np.ndarray:
    """Integer class labels ``(N,)`` (``(N, 1)`` as Keras' CIFAR-10 loader gives is accepted)."""
    y = as_array(value, name, (1, 2), "(N,)")
    if y.ndim == 2:
        if y.shape[1] != 1:
            raise ValueError(f"{name} must have shape (N,) or (N, 1), got shape {y.shape}")
        y = y[:, 0]
    if not np.issubdtype(y.dtype, np.integer) and not np.array_equal(y, np.round(y)):
        raise ValueError(f"{name} must hold integer class labels, got dtype {y.dtype}")
    y = y.astype(np.int64)
    if y.min() < 0:
        raise ValueError(f"{name} must hold labels >= 0, got {y.min()}")
    return y


def _class_names(class_names: Sequence[str] | None, n_classes: int, name: str) -> list[str]:
    if class_names is None:
        return _default_class_names(n_classes)
    names = [str(c) for c in class_names]
    if len(names) < n_classes:
        raise ValueError(
            f"class_names has {len(names)} names but {name} has labels up to {n_classes - 1}"
        )
    return names


def _percent(value: float) -> str:
    return "" if np.isnan(value) else f"{value:.0f}%"


def _show_image(ax: Any, image: np.ndarray, name: str) -> None:
    """Draw one ``(H, W)``, ``(H, W, 1)`` or ``(H, W, 3)`` image, uint8 or float."""
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    if image.ndim == 3 and image.shape[-1] != 3:
        raise ValueError(
            f"{name} must be (H, W), (H, W, 1) or (H, W, 3) images, got {image.shape[-1]} channels"
        )
    if image.dtype == bool:
        image = image.astype(np.float32)
    smoothing = interpolation(image.shape)
    if image.ndim == 2:
        limits = {"vmin": 0, "vmax": 255} if image.dtype == np.uint8 else {}
        ax.imshow(image, cmap=IMAGE_CMAP, interpolation=smoothing, **limits)
    elif image.dtype == np.uint8:
        ax.imshow(image, interpolation=smoothing)
    else:
        image = image.astype(np.float64)
        low, high = image.min(), image.max()
        if low < 0 or high > 1:  # not a [0, 1] image: stretch it so it can be seen at all
            image = (image - low) / (high - low) if high > low else np.full_like(image, 0.5)
        ax.imshow(image, interpolation=smoothing)
    bare(ax)


@styled
def class_grid(
    x: np.ndarray,
    y: np.ndarray,
    class_names: Sequence[str] | None = None,
    per_class: int = 10,
    seed: int = 0,
) -> Figure:
    """The lecture's first slide: one row per class, its name on the left, random examples.

    ``x``: images ``(N, H, W, 3)`` (or ``(N, H, W)``); ``y``: labels ``(N,)`` in
    ``[0, n_classes)``; ``class_names`` defaults to CIFAR-10's; ``per_class`` examples per row,
    drawn without replacement with ``seed``.
    """
    images = as_array(x, "x", (3, 4), "(N, H, W, C)")
    labels = _labels(y, "y")
    per_class = positive_int(per_class, "per_class")
    if len(images) != len(labels):
        raise ValueError(f"x has {len(images)} images but y has {len(labels)} labels")
    names = _class_names(class_names, int(labels.max()) + 1, "y")
    rng = np.random.default_rng(seed)
    fig = new_figure(0.75 * per_class + 1.3, 0.75 * len(names) + 0.2)
    axes = fig.subplots(len(names), per_class, squeeze=False,
                        gridspec_kw={"wspace": 0.05, "hspace": 0.05})
    for row, name in enumerate(names):
        members = np.flatnonzero(labels == row)
        chosen = rng.choice(members, size=min(per_class, len(members)), replace=False)
        for col, ax in enumerate(axes[row]):
            bare(ax)
            if col < len(chosen):
                _show_image(ax, images[chosen[col]], "x")
        axes[row, 0].set_ylabel(name, rotation=0, ha="right", va="center", fontsize=11)
    return fig


@styled
def image_grid(
    images: np.ndarray | Sequence[np.ndarray],
    titles: Sequence[str] | None = None,
    ncols: int | None = None,
) -> Figure:
    """Images side by side, one panel each.

    ``images``: ``(N, H, W)``, ``(N, H, W, 1)``, ``(N, H, W, 3)`` or a list of such images (sizes
    may differ); uint8 is shown as [0, 255], float RGB in [0, 1] as is, other floats stretched.
    ``titles``: ``N`` strings. ``ncols``: panels per row (default up to 8).
    """
    if isinstance(images, np.ndarray) or not isinstance(images, Sequence):
        batch = as_array(images, "images", (3, 4), "(N, H, W) or (N, H, W, C)")
        items = list(batch)
    else:
        items = [as_array(im, f"images[{i}]", (2, 3), "(H, W) or (H, W, C)")
                 for i, im in enumerate(images)]
        if not items:
            raise ValueError("images is empty; expected at least one image")
    if titles is not None and len(titles) != len(items):
        raise ValueError(f"titles has {len(titles)} entries but there are {len(items)} images")
    ncols = min(len(items), 8) if ncols is None else positive_int(ncols, "ncols")
    nrows = -(-len(items) // ncols)
    fig = new_figure(1.6 * ncols, 1.7 * nrows)
    for i, ax in enumerate(panel_grid(fig, len(items), ncols)):
        _show_image(ax, items[i], "images")
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=9)
    return fig


def _filter_tile(weights: np.ndarray) -> np.ndarray:
    """One ``(k, k, C)`` filter min-max normalised to [0, 1]: RGB if C == 3, else its C channels
    tiled in grey with NaN (drawn white) gaps between them."""
    low, high = weights.min(), weights.max()
    scaled = (weights - low) / (high - low) if high > low else np.full_like(weights, 0.5)
    k_h, k_w, channels = scaled.shape
    if channels == 3:
        return scaled
    cols = int(np.ceil(np.sqrt(channels)))
    rows = -(-channels // cols)
    tile = np.full((rows * (k_h + 1) - 1, cols * (k_w + 1) - 1), np.nan)
    for c in range(channels):
        top, left = (c // cols) * (k_h + 1), (c % cols) * (k_w + 1)
        tile[top:top + k_h, left:left + k_w] = scaled[..., c]
    return tile


@styled
def filter_grid(kernel: Any, ncols: int | None = None, title: str | None = None) -> Figure:
    """One panel per filter of a Keras ``Conv2D`` kernel ``(k, k, C, F)``.

    Get the kernel with ``layer.get_weights()[0]``. Each filter is min-max normalised to [0, 1];
    with ``C == 3`` it is drawn as a colour image, otherwise each of its ``C`` channels is a grey
    tile inside the filter's panel.
    """
    weights = as_array(kernel, "kernel", (4,), "(k, k, C, F)").astype(np.float64)
    n_filters = weights.shape[-1]
    ncols = min(n_filters, 8) if ncols is None else positive_int(ncols, "ncols")
    nrows = -(-n_filters // ncols)
    fig = new_figure(1.1 * ncols, 1.2 * nrows + 0.4)
    cmap = cmap_nan_white(IMAGE_CMAP)
    for f, ax in enumerate(panel_grid(fig, n_filters, ncols)):
        ax.imshow(_filter_tile(weights[..., f]), cmap=cmap, vmin=0, vmax=1)
        ax.set_title(f"filter {f}", fontsize=8)
        bare(ax)
    k_h, k_w, channels, _ = weights.shape
    fig.suptitle(title or f"{n_filters} filters of {k_h}x{k_w}x{channels}")
    return fig


@styled
def feature_maps(
    maps: Any,
    ncols: int | None = None,
    title: str = "Feature maps: each slice is the output of one filter",
    labels: Sequence[str] | None = None,
    cmap: str = MAP_CMAP,
) -> Figure:
    """One panel per feature-map slice of one image, labelled "filter i".

    ``maps``: ``(H, W, F)`` or ``(1, H, W, F)`` (a layer's output for a batch of one image).
    ``labels``: ``F`` panel names (e.g. "vertical edges") instead of "filter i". Each panel has
    its own colour scale, from its 1st to its 99th percentile.
    """
    array = as_array(maps, "maps", (3, 4), "(H, W, F) or (1, H, W, F)").astype(np.float64)
    if array.ndim == 4:
        if array.shape[0] != 1:
            raise ValueError(
                f"maps must have shape (H, W, F) or (1, H, W, F), got a batch of "
                f"{array.shape[0]}: pass maps[i:i+1] for one image"
            )
        array = array[0]
    n_maps = array.shape[-1]
    if labels is not None and len(labels) != n_maps:
        raise ValueError(f"labels has {len(labels)} entries but maps has {n_maps} slices")
    ncols = min(n_maps, 8) if ncols is None else positive_int(ncols, "ncols")
    nrows = -(-n_maps // ncols)
    side = 1.5 if ncols > 4 else 2.6
    fig = new_figure(side * ncols, (side + 0.1) * nrows + 0.4)
    smoothing = interpolation(array.shape)
    for f, ax in enumerate(panel_grid(fig, n_maps, ncols)):
        # 1st-99th percentile colour range: a few extreme pixels would wash out an edge map
        low, high = np.percentile(array[..., f], [1, 99])
        ax.imshow(array[..., f], cmap=cmap, interpolation=smoothing, vmin=low,
                  vmax=high if high > low else None)
        ax.set_title(labels[f] if labels is not None else f"filter {f}", fontsize=9)
        bare(ax)
    fig.suptitle(title)
    return fig


def _is_series(value: Any) -> bool:
    return (
        isinstance(value, (Sequence, np.ndarray))
        and not isinstance(value, str)
        and np.ndim(value) == 1
    )


def _as_history(obj: Any) -> dict[str, np.ndarray] | None:
    """The per-epoch dict of a keras History, an object with ``.history``, or a dict of lists;
    None when ``obj`` is none of those."""
    history = getattr(obj, "history", obj)
    if not isinstance(history, Mapping):
        return None
    known = ("loss", "val_loss", *_ACCURACY_KEYS, *(f"val_{k}" for k in _ACCURACY_KEYS))
    if not any(key in history and _is_series(history[key]) for key in known):
        return None
    return {str(k): np.asarray(v, dtype=np.float64) for k, v in history.items() if _is_series(v)}


def _runs(history_or_histories: Any) -> dict[str, dict[str, np.ndarray]]:
    single = _as_history(history_or_histories)
    if single is not None:
        return {"": single}
    if isinstance(history_or_histories, Mapping) and history_or_histories:
        runs = {str(name): _as_history(h) for name, h in history_or_histories.items()}
        bad = [name for name, h in runs.items() if h is None]
        if not bad:
            return runs  # type: ignore[return-value]
        raise ValueError(
            f"history_or_histories[{bad[0]!r}] is not a history: expected a keras History or a "
            "dict of per-epoch lists with 'loss' and/or 'accuracy'"
        )
    raise ValueError(
        "history_or_histories must be a keras History (model.fit's result), an object with a "
        ".history dict, a dict of per-epoch lists such as {'loss': [...], 'accuracy': [...]}, "
        f"or {{run_name: one of those}}; got {type(history_or_histories).__name__}"
    )


@styled
def training_curves(history_or_histories: Any, title: str | None = None) -> Figure:
    """Loss and accuracy per epoch: training solid, validation dashed.

    A history with an ``epochs`` entry (``cnnlab.train``'s) is drawn at those x positions, so
    a last epoch cut short by the budget sits at its fraction (8.35), not at a full epoch.

    ``history_or_histories``: a keras ``History``, any object with a ``.history`` dict of
    per-epoch lists (``cnnlab.train``'s result), such a dict itself, or ``{run_name: any of
    those}`` to compare several runs (one colour per run).
    """
    runs = _runs(history_or_histories)
    panels = []
    for metric, keys in (("loss", ("loss",)), ("accuracy", _ACCURACY_KEYS)):
        if any(key in run or f"val_{key}" in run for run in runs.values() for key in keys):
            panels.append((metric, keys))
    fig = new_figure(5.0 * len(panels) + (2.0 if len(runs) > 1 else 0.0), 3.6)
    axes = fig.subplots(1, len(panels), squeeze=False)[0]
    for ax, (metric, keys) in zip(axes, panels, strict=True):
        for i, run in enumerate(runs.values()):
            color = PALETTE[i % len(PALETTE)]
            key = next((k for k in keys if k in run or f"val_{k}" in run), None)
            for series, style in ((run.get(key), "-"), (run.get(f"val_{key}"), "--")):
                if series is not None and len(series):
                    epochs = run.get("epochs")  # cnnlab.train's: a cut-short last epoch at 8.35
                    if epochs is None or len(epochs) != len(series):
                        epochs = np.arange(1, len(series) + 1)
                    ax.plot(epochs, series, style, color=color,
                            marker="o" if len(series) <= 20 else None, markersize=3)
        ax.set_title(metric)
        ax.set_xlabel("epoch")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(True)
        if metric == "accuracy":
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    style_handles = [Line2D([], [], color="0.3", linestyle="-", label="train"),
                     Line2D([], [], color="0.3", linestyle="--", label="validation")]
    if len(runs) > 1:
        run_handles = [Line2D([], [], color=PALETTE[i % len(PALETTE)], label=name)
                       for i, name in enumerate(runs)]
        axes[-1].legend(handles=run_handles + style_handles, loc="center left",
                        bbox_to_anchor=(1.02, 0.5))
    else:
        axes[-1].legend(handles=style_handles)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


@styled
def confusion_matrix(
    y_true: Any,
    y_pred: Any,
    class_names: Sequence[str] | None = None,
    normalize: bool = True,
) -> Figure:
    """Rows: true class, columns: predicted class; per-class accuracy in the row labels.

    ``y_true``: labels ``(N,)``; ``y_pred``: labels ``(N,)`` or scores ``(N, n_classes)`` (the
    argmax is taken). ``normalize=True`` shades and labels each row by percent of its class,
    ``False`` by counts.
    """
    truth = _labels(y_true, "y_true")
    scores = as_array(y_pred, "y_pred", (1, 2), "(N,) or (N, n_classes)")
    pred = _labels(scores.argmax(axis=1) if scores.ndim == 2 and scores.shape[1] > 1 else scores,
                   "y_pred")
    if len(truth) != len(pred):
        raise ValueError(f"y_true has {len(truth)} labels but y_pred has {len(pred)}")
    n_classes = int(max(truth.max(), pred.max())) + 1
    names = _class_names(class_names, n_classes, "y_true/y_pred")
    n_classes = len(names)
    counts = np.bincount(truth * n_classes + pred, minlength=n_classes**2)
    counts = counts.reshape(n_classes, n_classes)
    totals = counts.sum(axis=1, keepdims=True)
    fractions = np.divide(counts, totals, out=np.zeros(counts.shape), where=totals > 0)
    shown = fractions if normalize else counts / max(counts.max(), 1)
    size = 1.6 + 0.55 * n_classes
    fig = new_figure(size + 1.2, size)
    ax = fig.add_subplot()
    ax.imshow(shown, cmap=MATRIX_CMAP, vmin=0, vmax=1)
    labels = np.where(counts > 0, fractions * 100 if normalize else counts, np.nan)
    annotate_cells(ax, labels, shade=shown, fontsize=8 if n_classes > 6 else 10,
                   fmt=_percent if normalize else format_value)
    row_accuracy = np.diag(fractions)
    ax.set_yticks(range(n_classes),
                  [f"{n} ({a:.0%})" if t else n
                   for n, a, t in zip(names, row_accuracy, totals[:, 0], strict=True)])
    ax.set_xticks(range(n_classes), names, rotation=45, ha="right", rotation_mode="anchor")
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class (accuracy)")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    accuracy = float(np.trace(counts)) / len(truth)
    ax.set_title(f"Confusion matrix: {accuracy:.1%} of {len(truth)} images correct")
    return fig


@styled
def param_counts(
    sides: Sequence[int],
    counts_by_label: Mapping[str, Sequence[float]],
    title: str = "Parameters vs. image side",
    xlabel: str = "image side (pixels)",
    ylabel: str = "parameters (log scale)",
) -> Figure:
    """Parameter counts against image side on a log scale, one line per layer kind.

    ``sides``: ``(S,)`` positive image sides (e.g. 32, 64, ..., 1024); ``counts_by_label``:
    ``{label: (S,) positive counts}`` such as fully connected / locally connected / shared.
    """
    xs = as_array(sides, "sides", (1,), "(S,)").astype(np.float64)
    if (xs <= 0).any():
        raise ValueError("sides must be positive image sides in pixels")
    if not isinstance(counts_by_label, Mapping) or not counts_by_label:
        raise ValueError("counts_by_label must be a non-empty {label: counts} mapping")
    fig = new_figure(6.4, 4.2)
    ax = fig.add_subplot()
    for i, (label, counts) in enumerate(counts_by_label.items()):
        ys = as_array(counts, f"counts_by_label[{label!r}]", (1,), f"({len(xs)},)")
        if len(ys) != len(xs):
            raise ValueError(
                f"counts_by_label[{label!r}] has {len(ys)} counts but sides has {len(xs)}"
            )
        if (ys <= 0).any():
            raise ValueError(f"counts_by_label[{label!r}] must be positive (log scale)")
        color = PALETTE[i % len(PALETTE)]
        ax.plot(xs, ys, "o-", color=color, label=str(label))
        ax.annotate(f"{float(ys[-1]):.2g}", (xs[-1], ys[-1]), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8, color=color)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xticks(xs, [format_value(x) for x in xs])
    ax.minorticks_off()
    ax.grid(True, which="major")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend()
    return fig


@styled
def pooling_windows(
    x: Any, pool_size: int = 2, stride: int = 2, op: str = "max", output: Any = None
) -> Figure:
    """Draw a small ``(H, W)`` array with its 'valid' pooling windows coloured, and beside it the
    ``(H', W')`` output grid, each cell in its window's colour; ``op`` is "max" or "avg".

    Made for the slide's example ``[[1,1,2,4],[5,6,7,8],[3,2,1,0],[1,2,3,4]]`` -> ``[[6,8],[3,4]]``
    (arrays up to 16x16). With ``op="max"`` the winning input cell of each window is bold. Each
    output cell is written as its window is drawn; ``output``: an ``(H', W')`` array to write
    instead (e.g. your own pooling function's result): its cells that differ from their window's
    max (or mean) are red.
    """
    grid = as_array(x, "x", (2,), "(H, W)").astype(np.float64)
    pool_size = positive_int(pool_size, "pool_size")
    stride = positive_int(stride, "stride")
    if op not in ("max", "avg"):
        raise ValueError(f"op must be 'max' or 'avg', got {op!r}")
    height, width = grid.shape
    if max(height, width) > 16:
        raise ValueError(f"pooling_windows draws arrays up to 16x16, got x of shape {grid.shape}")
    if pool_size > min(height, width):
        raise ValueError(f"pool_size {pool_size} does not fit in x of shape {grid.shape}")
    out_h, out_w = (height - pool_size) // stride + 1, (width - pool_size) // stride + 1
    given = None
    if output is not None:
        given = as_array(output, "output", (2,), "(H', W')").astype(np.float64)
        if given.shape != (out_h, out_w):
            raise ValueError(
                f"output must have shape {(out_h, out_w)} ({pool_size}x{pool_size} windows with "
                f"stride {stride} over x of shape {grid.shape}), got shape {given.shape}"
            )
    winners = np.zeros(grid.shape, dtype=bool)
    fig = new_figure(1.2 + 0.55 * (width + out_w), 1.4 + 0.55 * height)
    axes = fig.subplots(1, 2, gridspec_kw={"width_ratios": [width, out_w]})
    for ax, shape in zip(axes, (grid.shape, (out_h, out_w)), strict=True):
        ax.set_xlim(-0.5, shape[1] - 0.5)
        ax.set_ylim(shape[0] - 0.5, -0.5)
        ax.set_aspect("equal")
        bare(ax)
        for (i, j) in np.ndindex(shape):
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white",
                                   edgecolor="0.6", linewidth=1))
    for i, j in np.ndindex(out_h, out_w):
        top, left = i * stride, j * stride
        window = grid[top:top + pool_size, left:left + pool_size]
        value = window.max() if op == "max" else window.mean()
        if op == "max":
            r, c = np.unravel_index(window.argmax(), window.shape)
            winners[top + r, left + c] = True
        color = PALETTE[(i * out_w + j) % (len(PALETTE) - 2)]  # skip yellow and black
        inset = 0.06 * ((i + j) % 2) if stride < pool_size else 0.0
        axes[0].add_patch(Rectangle((left - 0.5 + inset, top - 0.5 + inset),
                                    pool_size - 2 * inset, pool_size - 2 * inset,
                                    facecolor=color, alpha=0.25, edgecolor=color, linewidth=2.5))
        axes[1].add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=color, alpha=0.35,
                                    edgecolor=color, linewidth=2.5))
        shown = value if given is None else given[i, j]
        axes[1].text(j, i, format_value(shown), ha="center", va="center", fontsize=12,
                     fontweight="bold", color="black" if np.isclose(shown, value) else "red")
    annotate_cells(axes[0], grid, fontsize=12, bold=winners if op == "max" else None)
    axes[0].set_title(f"input {height}x{width}")
    axes[1].set_title(f"{'' if given is None else 'given '}output {out_h}x{out_w}")
    name = "max" if op == "max" else "average"
    fig.suptitle(f"{pool_size}x{pool_size} {name} pooling, stride {stride}")
    return fig


@styled
def weight_histograms(
    weights_by_label: Mapping[str, Any], bins: int = 60, log: bool = False
) -> Figure:
    """One histogram panel per label, sharing the x axis, to compare weight distributions.

    ``weights_by_label``: ``{label: array of any shape, or a list of arrays}`` (e.g. every kernel
    of a model, ``[w for w in model.get_weights() if w.ndim > 1]``). ``log``: log-scale counts.
    """
    if not isinstance(weights_by_label, Mapping) or not weights_by_label:
        raise ValueError("weights_by_label must be a non-empty {label: weights} mapping")
    bins = positive_int(bins, "bins")
    flat = {}
    for label, weights in weights_by_label.items():
        parts = weights if isinstance(weights, (list, tuple)) else [weights]
        arrays = [as_array(w, f"weights_by_label[{label!r}]", range(0, 9), "(any shape)").ravel()
                  for w in parts]
        if not arrays:
            raise ValueError(f"weights_by_label[{label!r}] is an empty list")
        flat[str(label)] = np.concatenate(arrays).astype(np.float64)
    limit = max(np.abs(w).max() for w in flat.values()) or 1.0
    edges = np.linspace(-limit, limit, bins + 1)
    fig = new_figure(6.4, 1.0 + 1.5 * len(flat))
    axes = fig.subplots(len(flat), 1, sharex=True, squeeze=False)[:, 0]
    for i, (ax, (label, w)) in enumerate(zip(axes, flat.items(), strict=True)):
        ax.hist(w, bins=edges, color=PALETTE[i % len(PALETTE)], log=log)
        ax.axvline(0, color="0.5", linewidth=0.8)
        ax.set_title(f"{label}: std {w.std():.3g}, max |w| {np.abs(w).max():.3g}",
                     loc="left", fontsize=9)
        ax.set_ylabel("count")
    axes[-1].set_xlabel("weight value")
    fig.tight_layout()
    return fig


@styled
def hyperparameter_search(
    values: Sequence[float],
    scores_by_label: Mapping[str, Sequence[float]],
    xlabel: str = "learning rate",
    ylabel: str = "validation accuracy",
    title: str | None = None,
    log_x: bool = True,
    chosen: float | None = None,
    percent: bool | None = None,
) -> Figure:
    """A score against a hyperparameter, one line per label, with the chosen value marked.

    ``values``: ``(V,)`` settings tried (learning rates, regularization strengths); the x axis
    is logarithmic unless ``log_x=False``. ``scores_by_label``: ``{label: (V,) scores}`` (e.g.
    train and validation accuracy, or a weight norm). ``chosen`` draws a vertical line at the
    picked value. ``percent`` shows scores as percentages (default: when all lie in [0, 1]).
    """
    xs = as_array(values, "values", (1,), "(V,)").astype(np.float64)
    if log_x and (xs <= 0).any():
        raise ValueError("values must be positive on a log axis (or pass log_x=False)")
    if not isinstance(scores_by_label, Mapping) or not scores_by_label:
        raise ValueError("scores_by_label must be a non-empty {label: scores} mapping")
    fig = new_figure(6.4, 4.0)
    ax = fig.add_subplot()
    every = []
    for i, (label, scores) in enumerate(scores_by_label.items()):
        ys = as_array(scores, f"scores_by_label[{label!r}]", (1,), f"({len(xs)},)")
        if len(ys) != len(xs):
            raise ValueError(
                f"scores_by_label[{label!r}] has {len(ys)} scores but values has {len(xs)}"
            )
        every.append(ys.astype(np.float64))
        ax.plot(xs, ys, "o-", color=PALETTE[i % len(PALETTE)], label=str(label))
    if percent is None:
        joined = np.concatenate(every)
        percent = bool(np.all((joined >= 0) & (joined <= 1)))
    if percent:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    if log_x:
        ax.set_xscale("log")
    if chosen is not None:
        ax.axvline(float(chosen), color="0.3", linestyle="--", linewidth=1,
                   label=f"chosen: {format_value(chosen)}")
    ax.grid(True)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title or f"{ylabel} vs. {xlabel}")
    ax.legend()
    return fig


def save(fig: Figure, path: str | Path, dpi: int = SAVE_DPI) -> Path:
    """Write ``fig`` as a PNG at ``path`` (parent folders created; ``.png`` added if there is no
    suffix) and return the path written."""
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    target = Path(path)
    if target.suffix == "":
        target = target.with_suffix(".png")
    if target.suffix.lower() != ".png":
        raise ValueError(f"save writes PNG files; path must end in .png, got {str(path)!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, format="png", dpi=dpi, bbox_inches="tight")
    return target


def _weight_colours(n: int) -> list[Any]:
    """``n`` distinct colours: the course palette without yellow and black, then tab20's."""
    import matplotlib

    if n <= len(PALETTE) - 2:
        return list(PALETTE[:n])
    cmap = matplotlib.colormaps["tab20"]
    return [cmap(i % 20) for i in range(n)]


@styled
def wirings_1d(n_inputs: int = 9, field: int = 6,
               counts: Mapping[str, Any] | None = None) -> Figure:
    """The lecture's 1-D example: a fully connected, a local and a shared layer side by side.

    ``n_inputs`` inputs (the row of dots at the bottom) feed the ``n_inputs - field + 1`` hidden
    neurons above them, one line per connection. Fully connected: every neuron is wired to every
    input; local: every neuron to its own ``field`` neighbouring inputs; shared: the same lines
    as local, but lines that use the same weight (the same place in the field) have the same
    colour. Grey lines each have a weight of their own. Up to 16 inputs (more lines would not
    be readable). ``counts`` (``{"fully_connected": n, "local": n, "shared": n}``, e.g. the
    slide's numbers or your ``param_counts_1d``) are written in the panels' titles; the figure
    never counts the weights itself, since counting them is lab01's task.
    """
    from matplotlib.collections import LineCollection

    n_inputs = positive_int(n_inputs, "n_inputs")
    field = positive_int(field, "field")
    if n_inputs > 16:
        raise ValueError(f"wirings_1d draws up to 16 inputs, got n_inputs={n_inputs}")
    if field > n_inputs:
        raise ValueError(f"field {field} is wider than the {n_inputs} inputs: no neuron fits")
    hidden = n_inputs - field + 1
    centres = np.arange(hidden) + (field - 1) / 2  # each neuron above the middle of its field
    colours = _weight_colours(field)
    # (kind, subtitle, [(neuron, input, weight id)]): a weight id names the weight a line uses.
    local = [(j, j + k, (j, k)) for j in range(hidden) for k in range(field)]
    panels = [
        ("fully connected", "every neuron wired to every input",
         [(j, i, (j, i)) for j in range(hidden) for i in range(n_inputs)]),
        ("local", "every neuron wired to its own field", local),
        ("shared", "the same colour: the same weight", [(j, i, k) for j, i, (_, k) in local]),
    ]
    fig = new_figure(3.0 * 3 + 0.06 * 3 * n_inputs, 3.6)
    axes = fig.subplots(1, 3)
    for ax, (kind, subtitle, lines) in zip(axes, panels, strict=True):
        segments = [((centres[j], 1.0), (float(i), 0.0)) for j, i, _ in lines]
        shared = kind == "shared"
        line_colours = [colours[w] if shared else "0.55" for _, _, w in lines]
        ax.add_collection(LineCollection(segments, colors=line_colours,
                                         linewidths=1.8 if shared else 1.0,
                                         alpha=1.0 if shared else 0.8, zorder=1))
        ax.scatter(np.arange(n_inputs), np.zeros(n_inputs), s=55, color="white",
                   edgecolors="black", linewidths=1.2, zorder=3)
        ax.scatter(centres, np.ones(hidden), s=110, color=PALETTE[0], edgecolors="black",
                   linewidths=1.2, zorder=3)
        key = kind.replace(" ", "_")
        count = f": {counts[key]} weights" if counts and key in counts else ""
        ax.set_title(f"{kind}{count}\n{subtitle}", fontsize=10)
        ax.set_xlim(-0.6, n_inputs - 0.4)
        ax.set_ylim(-0.25, 1.2)
        bare(ax)
        if shared:
            handles = [Line2D([], [], color=c, linewidth=2.5) for c in colours]
            ax.legend(handles, [f"w{k + 1}" for k in range(field)], loc="upper center",
                      bbox_to_anchor=(0.5, 0.0), ncols=min(field, 8), fontsize=8,
                      handlelength=1.0, columnspacing=0.8, title="the same weight, the same colour",
                      title_fontsize=8)
    axes[0].set_yticks([0, 1], ["inputs", "hidden"])
    axes[0].tick_params(length=0)
    fig.suptitle(f"{n_inputs} inputs, receptive field {field}: {hidden} hidden neurons "
                 "(weights only, no biases)")
    fig.tight_layout()
    return fig
