"""The receptive field drawn: nested squares over an image, one per depth of a layer stack.

Figures only. Lab 03's students compute the sides with their own ``receptive_field`` and pass
them in; nothing here computes a receptive field, it draws the numbers it is given::

    sides = [receptive_field(stack[:depth]) for depth in range(1, len(stack) + 1)]
    receptive_field_squares(thumbnail, sides, names=["conv 1", "pool 1", ...])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from cnnlab._style import HIGHLIGHT, PALETTE, as_array, new_figure, styled
from cnnlab.plots import _show_image

__all__ = ["receptive_field_squares"]


def _sides(sides: Any, height: int, width: int) -> list[int]:
    """``sides`` as a list of ints >= 1 that never decrease and fit in the image, else a
    ValueError that says which side is wrong and why."""
    if isinstance(sides, (str, bytes)) or not isinstance(sides, Sequence) or not sides:
        raise ValueError(f"sides must be a non-empty list of ints (one side per depth), got "
                         f"{sides!r}")
    checked = []
    for i, side in enumerate(sides):
        if isinstance(side, bool) or not isinstance(side, (int, np.integer)) or side < 1:
            raise ValueError(
                f"sides[{i}] must be a positive int (the side of a receptive field in input "
                f"pixels), got {side!r}; this figure draws sides that you computed, such as "
                "[receptive_field(stack[:d]) for d in ...], not the (kernel_size, stride) pairs")
        if checked and side < checked[-1]:
            raise ValueError(
                f"sides must not decrease: sides[{i}] = {side} is smaller than sides[{i - 1}] = "
                f"{checked[-1]}, but a deeper layer sees at least what the layer before it sees")
        if side > min(height, width):
            raise ValueError(
                f"sides[{i}] = {side} does not fit in the {height}x{width} image: pass only the "
                f"depths whose receptive field is at most {min(height, width)} pixels wide")
        checked.append(int(side))
    return checked


@styled
def receptive_field_squares(
    image: Any,
    sides: Sequence[int],
    names: Sequence[str] | None = None,
    centre: tuple[int, int] | None = None,
    title: str | None = None,
) -> Figure:
    """What one value sees: ``image`` with one square per receptive-field side, all around the
    same input pixel (``centre``, default the middle one), each labelled with its side.

    ``image``: ``(H, W)``, ``(H, W, 1)`` or ``(H, W, 3)``, uint8 or float (a 32 x 32 CIFAR-10
    image, or any other). ``sides``: ints, one per depth of the stack, that never decrease and
    fit in the image. A square of odd side is centred on the pixel; one of even side has the
    pixel just right of and below its middle. ``names``: one per side (e.g. "conv 1"), shown in
    the legend.
    """
    picture = as_array(image, "image", (2, 3), "(H, W) or (H, W, C)")
    height, width = picture.shape[:2]
    checked = _sides(sides, height, width)
    if names is not None and len(names) != len(checked):
        raise ValueError(f"names has {len(names)} entries but sides has {len(checked)}")
    row, col = (height // 2, width // 2) if centre is None else (int(c) for c in centre)
    if not (0 <= row < height and 0 <= col < width):
        raise ValueError(f"centre {centre} is not a pixel of the {height}x{width} image")
    fig = new_figure(6.4, 5.6)
    ax = fig.add_subplot()
    _show_image(ax, picture, "image")
    colours = [PALETTE[i % (len(PALETTE) - 2)] for i in range(len(checked))]  # no yellow, black
    handles = []
    for i, (side, colour) in enumerate(zip(checked, colours, strict=True)):
        top, left = row - side // 2, col - side // 2
        if top < 0 or left < 0 or top + side > height or left + side > width:
            raise ValueError(
                f"a square of side {side} around pixel {(row, col)} does not fit in the "
                f"{height}x{width} image: choose a centre nearer the middle")
        # a smaller square is drawn over a larger one: where their edges meet, both show
        ax.add_patch(Rectangle((left - 0.5, top - 0.5), side, side, fill=False,
                               edgecolor=colour, linewidth=2.2, zorder=2 + len(checked) - i))
        ax.text(left - 0.35, top - 0.35, str(side), ha="left", va="top", fontsize=8,
                fontweight="bold", color=colour, zorder=3 + len(checked),
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})
        label = f"{names[i]}: {side} x {side}" if names is not None else f"{side} x {side}"
        handles.append(Patch(facecolor="none", edgecolor=colour, linewidth=2.2, label=label))
    ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, facecolor=HIGHLIGHT,
                           edgecolor="none", zorder=2))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1.0),
              title="one value after", title_fontsize=9)
    ax.set_title(title or f"What one value sees: its receptive field on the {height}x{width} "
                 "image")
    fig.tight_layout()
    return fig
