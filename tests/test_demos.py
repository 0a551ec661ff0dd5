"""cnnlab.demos: the kernel-sliding demo as static frames, an animation and a widget slider.

The expected output values are computed by hand for a vertical-edge kernel on a step image."""

from __future__ import annotations

import io
import sys

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from cnnlab import demos

# A dark-to-bright step and a vertical-edge kernel: each 3x3 window gives
# 3 * (left column - right column), i.e. 0 on flat regions and -27 across the step.
STEP = np.array([[0, 0, 0, 9, 9, 9]] * 6)
EDGE = np.array([[1, 0, -1]] * 3)
EXPECTED = np.array([[0, -27, -27, 0]] * 4)


def decoded(png: bytes) -> np.ndarray:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) >= 8, "the picture is (nearly) blank"
    return pixels


def figure_pixels(fig: Figure) -> np.ndarray:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=50)
    return decoded(buffer.getvalue())


@pytest.fixture(autouse=True)
def no_open_pyplot_figures():
    yield
    assert plt.get_fignums() == [], "a demo left a figure open in pyplot"


def test_frames_show_four_panels_per_step_and_the_hand_computed_outputs():
    fig = demos.kernel_sliding_frames(STEP, EDGE, positions=[0, 1, 15], bias=1.0)
    figure_pixels(fig)
    assert len(fig.axes) == 3 * 4
    output_titles = [ax.get_title() for ax in fig.axes[3::4]]
    assert output_titles == ["output[0, 0] = 1", "output[0, 1] = -26", "output[3, 3] = 1"]
    assert [ax.get_title() for ax in fig.axes[1::4]] == [
        "patch at row 0, col 0", "patch at row 0, col 1", "patch at row 3, col 3"]
    partial = fig.axes[7].images[0].get_array()  # output filled up to position 1 only
    assert np.array_equal(partial[0, :2], EXPECTED[0, :2] + 1)
    assert partial.mask[0, 2:].all() and partial.mask[1:].all()
    assert np.array_equal(fig.axes[-1].images[0].get_array(), EXPECTED + 1)


def test_frames_default_steps_and_stride():
    fig = demos.kernel_sliding_frames(STEP, EDGE)
    assert len(fig.axes) == 4 * 4  # first, second, start of the second row, last
    fig = demos.kernel_sliding_frames(STEP, EDGE, stride=2, positions=[3])
    assert fig.axes[1].get_title() == "patch at row 2, col 2"
    assert fig.axes[3].images[0].get_array().shape == (2, 2)
    assert fig.axes[3].get_title() == "output[1, 1] = -27"


def test_frames_on_a_larger_photo_like_image_skip_cell_labels():
    image = np.random.default_rng(0).integers(0, 256, (32, 32)).astype(np.uint8)
    fig = demos.kernel_sliding_frames(image[..., None], EDGE, positions=[0, 500])
    figure_pixels(fig)
    assert len(fig.axes[0].texts) == 0  # 32x32 is too large for values in the cells
    assert len(fig.axes[1].texts) == 9  # the patch still shows its values


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((np.zeros((6, 6, 3)), EDGE), {}, r"grey image of shape \(H, W\)"),
        ((np.zeros((2, 2)), EDGE), {}, "does not fit in image"),
        ((STEP, np.ones(3)), {}, r"kernel must have shape \(k, k\)"),
        ((STEP, EDGE), {"positions": [16]}, r"positions\[\] must be in \[0, 15\]"),
        ((STEP, EDGE), {"positions": [1.5]}, "must be an integer"),
        ((STEP, EDGE), {"positions": []}, "positions is empty"),
        ((STEP, EDGE), {"stride": 0}, "stride must be a positive integer"),
    ],
)
def test_frames_reject_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        demos.kernel_sliding_frames(*args, **kwargs)


def test_animation_renders_one_frame_per_position_to_html():
    animation = demos.kernel_animation(STEP[:5, :5], EDGE, interval=100)
    html = animation.to_jshtml()
    assert "new Array(9)" in html  # 3x3 output positions
    assert html.count("data:image/png;base64") == 9


def test_animation_takes_chosen_positions():
    animation = demos.kernel_animation(STEP, EDGE, positions=[0, 5, 15])
    assert "new Array(3)" in animation.to_jshtml()
    with pytest.raises(ValueError, match="interval must be a positive integer"):
        demos.kernel_animation(STEP, EDGE, interval=0)


def test_slider_redraws_the_picture_when_it_moves():
    pytest.importorskip("ipywidgets")
    widget = demos.kernel_slider(STEP, EDGE, start=2)
    assert (widget.slider.min, widget.slider.max, widget.slider.value) == (0, 15, 2)
    seen = [widget.image.value]
    decoded(seen[0])
    for position in (3, 9, 15):
        widget.slider.value = position  # what dragging the slider does
        assert widget.image.value not in seen
        decoded(widget.image.value)
        seen.append(widget.image.value)
    widget.slider.value = 2
    assert widget.image.value == seen[0]  # the same position draws the same picture


def test_slider_rejects_a_bad_start_and_explains_a_missing_ipywidgets(monkeypatch):
    pytest.importorskip("ipywidgets")
    with pytest.raises(ValueError, match=r"start must be in \[0, 15\]"):
        demos.kernel_slider(STEP, EDGE, start=16)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    with pytest.raises(ImportError, match="kernel_animation"):
        demos.kernel_slider(STEP, EDGE)
