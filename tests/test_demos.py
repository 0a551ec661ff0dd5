"""cnnlab.demos: the kernel-sliding demo as static frames, an animation and a widget slider.

The expected output values are computed by hand for a vertical-edge kernel on a step image. The
demos compute one dot product per drawn step and never the whole output map (that is lab02's
graded conv2d_single, and students can import cnnlab): the last tests probe for it."""

from __future__ import annotations

import io
import sys

import matplotlib.pyplot as plt
import numpy as np
import pytest
from answer_probe import answer_keys
from matplotlib.figure import Figure
from PIL import Image

from cnnlab import _style, demos

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


def test_frames_show_five_panels_per_step_and_the_hand_computed_outputs():
    fig = demos.kernel_sliding_frames(STEP, EDGE, positions=[0, 1, 15], bias=1.0)
    figure_pixels(fig)
    assert len(fig.axes) == 3 * 5
    output_titles = [ax.get_title() for ax in fig.axes[4::5]]
    assert output_titles == ["output[0, 0] = 1", "output[0, 1] = -26", "output[3, 3] = 1"]
    assert [ax.get_title() for ax in fig.axes[1::5]] == [
        "patch at row 0, col 0", "patch at row 0, col 1", "patch at row 3, col 3"]
    products = fig.axes[8].images[0].get_array()  # the elementwise products at position 1
    assert np.array_equal(products, np.array([[0, 0, -9]] * 3))
    assert [ax.get_xlabel() for ax in fig.axes[3::5]] == ["sum = 0", "sum = -27", "sum = 0"]
    assert fig.axes[9].get_xlabel() == "sum(patch * kernel) + 1 = -26"
    partial = fig.axes[9].images[0].get_array()  # the steps drawn so far: positions 0 and 1
    assert np.array_equal(partial[0, :2], EXPECTED[0, :2] + 1)
    assert partial.mask[0, 2:].all() and partial.mask[1:].all()
    last = fig.axes[-1].images[0].get_array()  # positions 0, 1 and 15 only, not the whole map
    assert last.count() == 3
    assert (last[0, 0], last[0, 1], last[3, 3]) == (1, -26, 1)


def test_frames_show_the_callers_output_map_and_mark_where_it_differs():
    fig = demos.kernel_sliding_frames(STEP, EDGE, positions=[0, 15], output=EXPECTED)
    assert np.array_equal(fig.axes[-1].images[0].get_array(), EXPECTED)  # all of it at the end
    assert fig.axes[4].images[0].get_array().count() == 1  # filled up to position 0
    assert fig.axes[-1].get_title() == "output[3, 3] = 0"
    wrong = EXPECTED.copy()
    wrong[0, 1] = 5
    fig = demos.kernel_sliding_frames(STEP, EDGE, positions=[0, 1], output=wrong[..., None])
    assert fig.axes[-1].get_title() == "output[0, 1] = 5"
    assert fig.axes[-1].get_xlabel() == "sum(patch * kernel) = -27: differs"
    assert fig.axes[-1].title.get_color() != fig.axes[4].title.get_color()  # in red
    with pytest.raises(ValueError, match=r"output must have shape \(4, 4\).*got shape \(3, 3\)"):
        demos.kernel_sliding_frames(STEP, EDGE, output=EXPECTED[:3, :3])


def test_frames_default_steps_and_stride():
    fig = demos.kernel_sliding_frames(STEP, EDGE)
    assert len(fig.axes) == 4 * 5  # first, second, start of the second row, last
    fig = demos.kernel_sliding_frames(STEP, EDGE, stride=2, positions=[3])
    assert fig.axes[1].get_title() == "patch at row 2, col 2"
    assert fig.axes[4].images[0].get_array().shape == (2, 2)
    assert fig.axes[4].get_title() == "output[1, 1] = -27"


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


def test_animation_takes_chosen_positions_and_fills_in_only_those():
    animation = demos.kernel_animation(STEP, EDGE, positions=[0, 5, 15])
    assert "new Array(3)" in animation.to_jshtml()
    shown = animation._fig.axes[4].images[0].get_array()  # the last frame
    assert shown.count() == 3 and (shown[0, 0], shown[1, 1], shown[3, 3]) == (0, -27, 0)
    animation = demos.kernel_animation(STEP, EDGE, positions=[0, 15], output=EXPECTED + 2)
    animation.to_jshtml()
    assert np.array_equal(animation._fig.axes[4].images[0].get_array(), EXPECTED + 2)
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
    assert widget.image.value not in seen  # position 2 again, now with 3, 9 and 15 filled in
    again = widget.image.value
    widget.slider.value = 3
    widget.slider.value = 2
    assert widget.image.value == again  # nothing new visited: the same picture


def test_slider_shows_the_callers_output_map():
    pytest.importorskip("ipywidgets")
    plain = demos.kernel_slider(STEP, EDGE, start=15)
    given = demos.kernel_slider(STEP, EDGE, start=15, output=EXPECTED)
    assert given.image.value != plain.image.value  # the whole map, not just position 15
    with pytest.raises(ValueError, match="output must have shape"):
        demos.kernel_slider(STEP, EDGE, output=EXPECTED.T[:2])


def test_slider_rejects_a_bad_start_and_explains_a_missing_ipywidgets(monkeypatch):
    pytest.importorskip("ipywidgets")
    with pytest.raises(ValueError, match=r"start must be in \[0, 15\]"):
        demos.kernel_slider(STEP, EDGE, start=16)
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    with pytest.raises(ImportError, match="kernel_animation"):
        demos.kernel_slider(STEP, EDGE)


def test_no_member_of_cnnlab_computes_a_whole_output_map():
    # conv2d_single is graded in lab02: nothing importable may hand out its answer
    rng = np.random.default_rng(7)
    image, kernel = rng.normal(size=(7, 9)), rng.normal(size=(3, 3))
    args = [(image, kernel), (image, kernel, 0.0), (image, kernel, 0.0, 1),
            (image, kernel, 0.5, 2), (image, kernel, None, 0.0, 1)]
    method_args = [(), (0,), (3,), (0, {}), (0, {1: 2.0})]
    shapes = [(5, 7), (3, 4)]  # stride 1 and stride 2
    leaks, ran = answer_keys([demos, _style], args, method_args, shapes)
    assert leaks == []
    assert ran >= 5  # the frames, animation and slider demos and their helper class did run
    assert not hasattr(demos._SlidingKernel(image, kernel, 0.0, 1), "output")


def test_the_frames_figure_shows_only_the_dot_products_of_the_steps_drawn():
    image = np.random.default_rng(8).integers(0, 9, (6, 6))
    fig = demos.kernel_sliding_frames(image, EDGE, positions=[0, 5, 6, 15])
    written = [len(ax.texts) for ax in fig.axes[4::5]]  # the output panels' cell labels
    assert written == [1, 2, 3, 4]


# --- learn_kernel and learned_kernel_figure: a kernel found again by gradient descent ---------

SOBEL = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def relative_error(kernel, target):
    return np.linalg.norm(kernel - target) / np.linalg.norm(target)


def test_learn_kernel_finds_the_target_kernel_again_on_a_random_image():
    image = np.random.default_rng(3).normal(size=(40, 30))
    history = demos.learn_kernel(image, SOBEL, steps=150)
    kernels, losses = history["kernels"], history["losses"]
    assert kernels.shape == (151, 3, 3) and losses.shape == (151,)
    assert relative_error(kernels[0], SOBEL) > 0.5  # a random start, far from the target
    assert relative_error(kernels[-1], SOBEL) < 1e-2
    assert np.all(np.diff(losses) <= 0)  # a small enough step on a quadratic: always down
    assert losses[-1] < 1e-4 * losses[0]
    # the loss is the mean squared difference of the two maps, checked at the start by hand
    windows = np.lib.stride_tricks.sliding_window_view(image, (3, 3))
    start_error = np.einsum("hwuv,uv->hw", windows, kernels[0] - SOBEL)
    assert np.isclose(losses[0], np.mean(start_error**2))


def test_learn_kernel_works_on_a_standardized_grey_photo_and_any_target():
    rng = np.random.default_rng(4)
    photo = rng.integers(0, 256, (60, 60)).astype(float)  # uint8-like values, (H, W, 1) input
    photo = (photo - photo.mean()) / photo.std()
    target = rng.normal(size=(3, 3))
    history = demos.learn_kernel(photo[..., None], target, steps=100, learning_rate=0.1)
    assert relative_error(history["kernels"][-1], target) < 1e-2
    again = demos.learn_kernel(photo, target, steps=100, learning_rate=0.1)
    assert np.array_equal(again["kernels"], history["kernels"])  # deterministic for a seed
    other = demos.learn_kernel(photo, target, steps=100, seed=1)
    assert not np.allclose(other["kernels"][0], history["kernels"][0])
    two = demos.learn_kernel(photo, np.ones((2, 2)), steps=5)
    assert two["kernels"].shape == (6, 2, 2)


def test_learn_kernel_returns_no_map():
    # the maps are lab02's conv2d_single (without the bias): they must not leave the function
    image = np.random.default_rng(5).normal(size=(7, 9))
    history = demos.learn_kernel(image, SOBEL, steps=3)
    assert sorted(history) == ["kernels", "losses"]
    assert all(np.shape(value) not in [(5, 7), (1, 5, 7), (4, 5, 7)] for value in history.values())


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((np.zeros((6, 6, 3)), SOBEL), {}, r"grey image of shape \(H, W\)"),
        ((np.zeros((2, 8)), SOBEL), {}, "does not fit in image"),
        ((np.zeros((6, 6)), np.ones((3, 2))), {}, "must be square"),
        ((np.zeros((6, 6)), np.ones(3)), {}, r"target_kernel must have shape \(k, k\)"),
        ((np.zeros((6, 6)), SOBEL), {"steps": 0}, "steps must be a positive integer"),
        ((np.zeros((6, 6)), SOBEL), {"learning_rate": -0.1}, "learning_rate must be a positive"),
        ((np.zeros((6, 6)), SOBEL), {"learning_rate": "fast"}, "learning_rate must be a positive"),
        ((np.random.default_rng(6).normal(size=(20, 20)), SOBEL), {"learning_rate": 2.0},
         r"the loss blew up.*learning_rate=2 is too large"),
    ],
)
def test_learn_kernel_rejects_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        demos.learn_kernel(*args, **kwargs)


def test_learned_kernel_figure_shows_the_loss_and_the_kernels_next_to_the_target():
    image = np.random.default_rng(7).normal(size=(20, 20))
    history = demos.learn_kernel(image, SOBEL, steps=60)
    fig = demos.learned_kernel_figure(history, SOBEL)
    figure_pixels(fig)
    loss_ax, *kernel_axes = fig.axes
    assert loss_ax.get_yscale() == "log"
    assert np.array_equal(loss_ax.lines[0].get_ydata(), history["losses"])
    assert list(loss_ax.lines[1].get_xdata()) == [0, 2, 10, 60]  # the steps shown, marked
    assert [ax.get_title() for ax in kernel_axes] == [
        "step 0 (random)", "step 2", "step 10", "step 60", "target"]
    assert all(len(ax.texts) == 9 for ax in kernel_axes)  # every cell has its number
    assert [t.get_text() for t in kernel_axes[-1].texts[:3]] == ["-1.00", "0.00", "1.00"]
    assert np.array_equal(kernel_axes[0].images[0].get_array(), history["kernels"][0])
    assert kernel_axes[-2].get_xlabel() == "error 0.0%"
    assert kernel_axes[0].get_xlabel().startswith("error ")
    assert kernel_axes[-1].get_xlabel() == ""
    fig = demos.learned_kernel_figure(history, SOBEL, steps=[5])
    assert [ax.get_title() for ax in fig.axes[1:]] == ["step 5", "target"]


@pytest.mark.parametrize(
    ("history", "kwargs", "message"),
    [
        ({"kernels": np.zeros((3, 3, 3))}, {}, "history must be what learn_kernel returns"),
        (np.zeros((3, 3, 3)), {}, "history must be what learn_kernel returns"),
        ({"kernels": np.zeros((3, 3, 3)), "losses": np.ones(2)}, {}, "3 kernels but 2 losses"),
        ({"kernels": np.zeros((3, 2, 2)), "losses": np.ones(3)}, {}, "are 2x2 but"),
        ({"kernels": np.zeros((3, 3, 3)), "losses": np.ones(3)}, {"steps": [3]},
         r"steps\[\] must be integers in \[0, 2\]"),
        ({"kernels": np.zeros((3, 3, 3)), "losses": np.ones(3)}, {"steps": []}, "steps is empty"),
    ],
)
def test_learned_kernel_figure_rejects_bad_input(history, kwargs, message):
    with pytest.raises(ValueError, match=message):
        demos.learned_kernel_figure(history, SOBEL, **kwargs)
