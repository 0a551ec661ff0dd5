"""cnnlab.receptive_field: one labelled square per side it is given, nested around one pixel, in
the course style; it draws the sides it is given and computes none (lab03 grades
``receptive_field``); bad sides give errors that say what is wrong."""

from __future__ import annotations

import inspect

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from test_plots import assert_not_blank

from cnnlab import receptive_field

SIDES = [3, 4, 8, 10, 18, 22]  # lab03's three CONV-POOL blocks, worked out by hand
NAMES = ["conv 1", "pool 1", "conv 2", "pool 2", "conv 3", "pool 3"]


@pytest.fixture
def image() -> np.ndarray:
    return np.random.default_rng(0).integers(0, 256, size=(32, 32, 3), dtype=np.uint8)


@pytest.fixture(autouse=True)
def no_open_pyplot_figures():
    yield
    assert plt.get_fignums() == [], "the figure was left open in pyplot"


def squares(fig: Figure) -> list[Rectangle]:
    """The outlined squares drawn over the image (the filled centre pixel is not one)."""
    return [p for p in fig.axes[0].patches if isinstance(p, Rectangle) and not p.get_fill()]


def test_one_square_per_side_labelled_with_its_side(image):
    fig = receptive_field.receptive_field_squares(image, SIDES, names=NAMES)
    assert_not_blank(fig)
    drawn = squares(fig)
    assert [round(p.get_width()) for p in drawn] == SIDES
    assert all(p.get_width() == p.get_height() for p in drawn)
    assert [t.get_text() for t in fig.axes[0].texts] == [str(s) for s in SIDES]
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [f"{n}: {s} x {s}" for n, s in zip(NAMES, SIDES, strict=True)]


def test_squares_are_nested_around_the_centre_pixel_and_stay_in_the_image(image):
    fig = receptive_field.receptive_field_squares(image, SIDES, centre=(15, 16))
    boxes = [(p.get_x(), p.get_y(), p.get_x() + p.get_width(), p.get_y() + p.get_height())
             for p in squares(fig)]
    for (x0, y0, x1, y1) in boxes:
        assert x0 <= 16 - 0.5 and x1 >= 16 + 0.5 and y0 <= 15 - 0.5 and y1 >= 15 + 0.5
        assert x0 >= -0.5 and y0 >= -0.5 and x1 <= 31.5 and y1 <= 31.5
    for inner, outer in zip(boxes, boxes[1:], strict=False):
        assert outer[0] <= inner[0] and outer[1] <= inner[1]
        assert outer[2] >= inner[2] and outer[3] >= inner[3]
    # the whole image: a side of 32 around the default centre (16, 16) covers every pixel
    fig = receptive_field.receptive_field_squares(image[:, :, 0], [32])
    (box,) = squares(fig)
    assert (box.get_x(), box.get_y(), box.get_width()) == (-0.5, -0.5, 32)


def test_any_image_size_and_kind():
    for picture in (np.zeros((40, 24)), np.ones((24, 40, 1)), np.full((9, 9, 3), 0.5)):
        fig = receptive_field.receptive_field_squares(picture, [1, 3, 5], title="t")
        assert len(squares(fig)) == 3 and fig.axes[0].get_title() == "t"


@pytest.mark.parametrize(
    ("sides", "message"),
    [
        ([3, 4, 38], r"sides\[2\] = 38 does not fit in the 32x32 image"),
        ([4, 3], r"must not decrease: sides\[1\] = 3 is smaller than sides\[0\] = 4"),
        ([], "non-empty list"),
        ([0, 3], r"sides\[0\] must be a positive int"),
        ([2.5], r"sides\[0\] must be a positive int"),
        ([(3, 1), (2, 2)], "not the \\(kernel_size, stride\\) pairs"),
    ],
)
def test_bad_sides_are_refused_with_a_clear_message(image, sides, message):
    with pytest.raises(ValueError, match=message):
        receptive_field.receptive_field_squares(image, sides)


def test_other_bad_arguments(image):
    with pytest.raises(ValueError, match="names has 1 entries but sides has 2"):
        receptive_field.receptive_field_squares(image, [3, 4], names=["conv 1"])
    with pytest.raises(ValueError, match="does not fit .* choose a centre nearer the middle"):
        receptive_field.receptive_field_squares(image, [3, 10], centre=(2, 2))
    with pytest.raises(ValueError, match="not a pixel"):
        receptive_field.receptive_field_squares(image, [3], centre=(32, 0))
    with pytest.raises(ValueError, match="image must have shape"):
        receptive_field.receptive_field_squares(np.zeros(5), [1])


def test_nothing_in_the_module_computes_a_receptive_field(image):
    # lab03 grades receptive_field(layers): no callable here may turn (kernel_size, stride)
    # pairs into a side. Every function of the module is called with the lab's stacks (alone
    # and after an image); none may return the answer (4, 10 or 22) or a figure.
    stacks = {4: [(3, 1), (2, 2)], 10: [(3, 1), (2, 2)] * 2, 22: [(3, 1), (2, 2)] * 3}
    functions = [f for _, f in inspect.getmembers(receptive_field, inspect.isfunction)
                 if f.__module__ == receptive_field.__name__]
    assert functions
    for function in functions:
        for answer, stack in stacks.items():
            for args in ((stack,), (image, stack), (32, 32, stack), (stack, 32, 32)):
                try:
                    result = function(*args)
                except (ValueError, TypeError):
                    continue
                assert not isinstance(result, Figure), f"{function.__name__}{args} drew a stack"
                assert result != answer and answer not in np.ravel(result).tolist(), (
                    f"{function.__name__}{args} computes the receptive field")
