"""make_synthetic (deterministic, learnable) and load_sample_image (offline real photos)."""

from __future__ import annotations

import numpy as np
import pytest

from cnnlab.data import SAMPLE_IMAGES, load_sample_image, make_synthetic


def test_synthetic_has_the_cifar_layout():
    (x, y), (x_test, y_test) = make_synthetic(103, 20)
    assert x.shape == (103, 32, 32, 3) and x.dtype == np.uint8
    assert y.shape == (103,) and y.dtype == np.int64
    assert x_test.shape == (20, 32, 32, 3) and y_test.dtype == np.int64
    assert sorted(np.bincount(y, minlength=10)) == [10] * 7 + [11] * 3  # balanced within one
    assert np.bincount(y_test, minlength=10).tolist() == [2] * 10
    assert x.min() < 30 and x.max() > 200  # uses the pixel range


def test_synthetic_is_deterministic_per_seed():
    first, again, other = (
        make_synthetic(50, 30, 1),
        make_synthetic(50, 30, 1),
        make_synthetic(50, 30, 2),
    )
    for (x, y), (x2, y2) in zip(first, again, strict=True):
        np.testing.assert_array_equal(x, x2)
        np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(first[0][0], other[0][0])
    # Test images come from their own stream: they do not depend on n_train.
    np.testing.assert_array_equal(make_synthetic(7, 30, 1)[1][0], first[1][0])


def test_synthetic_classes_are_learnable():
    """A nearest-class-mean classifier (written here in NumPy) beats chance (10%) by far."""
    (x, y), (x_test, y_test) = make_synthetic(2000, 500, seed=0)
    flat, flat_test = x.reshape(len(x), -1) / 255.0, x_test.reshape(len(x_test), -1) / 255.0
    means = np.stack([flat[y == c].mean(axis=0) for c in range(10)])
    distances = ((flat_test[:, None, :] - means[None]) ** 2).sum(axis=-1)
    accuracy = (distances.argmin(axis=1) == y_test).mean()
    assert accuracy > 0.5, accuracy
    gaps = np.linalg.norm(means[:, None] - means[None], axis=-1)[~np.eye(10, dtype=bool)]
    assert gaps.min() > 1.0  # every pair of class means differs


@pytest.mark.parametrize("bad", [(-1, 5), (5, 2.5), (True, 3)])
def test_synthetic_rejects_bad_sizes(bad):
    with pytest.raises(ValueError, match="n_train|n_test"):
        make_synthetic(*bad)


@pytest.mark.parametrize("name", SAMPLE_IMAGES)
def test_every_sample_image_loads_as_rgb_uint8(name):
    image = load_sample_image(name)
    assert image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3
    assert min(image.shape[:2]) >= 150
    assert image.std() > 10  # a photo, not a blank


def test_grayscale_samples_repeat_one_channel_and_known_sizes():
    camera = load_sample_image("camera")
    assert camera.shape == (512, 512, 3)
    assert (camera[..., 0] == camera[..., 2]).all()
    assert load_sample_image("grace_hopper").shape == (600, 512, 3)
    assert load_sample_image("astronaut").shape == (512, 512, 3)


def test_unknown_sample_lists_the_names():
    with pytest.raises(ValueError, match="choose one of: astronaut, brick"):
        load_sample_image("mona_lisa")
