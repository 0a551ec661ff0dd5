"""cnnlab.plots: every figure renders headless to a non-blank PNG, with the expected panels, in
the course style without touching the user's rcParams; bad inputs give errors that name them.
No member of cnnlab.plots computes a whole pooled array (lab03's graded max_pool2d/avg_pool2d)."""

from __future__ import annotations

import io
import subprocess
import sys
from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from answer_probe import answer_keys
from matplotlib.figure import Figure
from PIL import Image

from cnnlab import _style, plots

SLIDE_POOL = [[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]
HISTORY = {
    "loss": [2.0, 1.5, 1.2],
    "accuracy": [0.3, 0.45, 0.55],
    "val_loss": [1.8, 1.6, 1.5],
    "val_accuracy": [0.35, 0.42, 0.5],
    "seconds": [3.1, 2.9, 2.9],
    "lr": [1e-3, 5e-4, 0.0],
}


def assert_not_blank(fig: Figure) -> np.ndarray:
    """Render ``fig`` to PNG, decode it, and check it holds a picture, not an empty canvas."""
    assert isinstance(fig, Figure)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=50)
    pixels = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("RGB"))
    assert pixels.shape[0] > 20 and pixels.shape[1] > 20
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) >= 8, "the figure is (nearly) blank"
    return pixels


def texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


@pytest.fixture
def images() -> np.ndarray:
    return np.random.default_rng(0).integers(0, 256, size=(40, 8, 8, 3), dtype=np.uint8)


@pytest.fixture(autouse=True)
def no_open_pyplot_figures():
    yield
    assert plt.get_fignums() == [], "a plot function left a figure open in pyplot"


def test_class_grid_has_one_row_per_class_named_on_the_left(images):
    labels = np.arange(40) % 4
    fig = plots.class_grid(images, labels, class_names=["a", "b", "c", "d"], per_class=3)
    assert_not_blank(fig)
    assert len(fig.axes) == 4 * 3
    assert [ax.get_ylabel() for ax in fig.axes[::3]] == ["a", "b", "c", "d"]
    assert all(len(ax.images) == 1 for ax in fig.axes)


def test_class_grid_defaults_to_cifar10_names_and_accepts_keras_label_shape(images):
    labels = (np.arange(40) % 10).reshape(-1, 1)
    fig = plots.class_grid(images, labels, per_class=2)
    try:
        from cnnlab.data import CLASS_NAMES
    except ImportError:
        CLASS_NAMES = [f"class {i}" for i in range(10)]
    assert [ax.get_ylabel() for ax in fig.axes[::2]] == list(CLASS_NAMES)


def test_class_grid_leaves_cells_empty_when_a_class_has_few_examples(images):
    labels = np.zeros(40, dtype=int)
    labels[0] = 1
    fig = plots.class_grid(images, labels, class_names=["many", "one"], per_class=4)
    assert [len(ax.images) for ax in fig.axes[4:]] == [1, 0, 0, 0]


def test_class_grid_is_reproducible_for_a_seed(images):
    labels = np.arange(40) % 4

    def shown(seed):
        fig = plots.class_grid(images, labels, class_names="abcd", per_class=3, seed=seed)
        return np.stack([ax.images[0].get_array() for ax in fig.axes])

    assert np.array_equal(shown(1), shown(1))
    assert not np.array_equal(shown(1), shown(2))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x": np.zeros((4, 8)), "y": np.zeros(4, int)}, r"x must have shape \(N, H, W, C\)"),
        ({"x": np.zeros((4, 8, 8, 3)), "y": np.zeros(5, int)}, "x has 4 images but y has 5"),
        ({"x": np.zeros((4, 8, 8, 3)), "y": np.zeros((4, 2), int)}, r"y must have shape \(N,\)"),
        ({"x": np.zeros((4, 8, 8, 3)), "y": [0, 1, 2, -1]}, "y must hold labels >= 0"),
        ({"x": np.zeros((4, 8, 8, 3)), "y": [0.5, 1, 2, 3]}, "integer class labels"),
        ({"x": np.zeros((4, 8, 8, 3)), "y": [0, 1, 2, 3], "class_names": ["a"]},
         "class_names has 1 names"),
        ({"x": np.zeros((4, 8, 8, 3)), "y": [0, 1, 2, 3], "per_class": 0}, "per_class"),
        ({"x": np.zeros((4, 8, 8, 5)), "y": [0, 1, 2, 3]}, "got 5 channels"),
    ],
)
def test_class_grid_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.class_grid(**kwargs)


@pytest.mark.parametrize(
    "batch",
    [
        np.random.default_rng(1).integers(0, 256, (5, 8, 8, 3), dtype=np.uint8),
        np.random.default_rng(1).random((5, 8, 8, 3)),
        np.random.default_rng(1).normal(size=(5, 8, 8, 3)),  # stretched to be visible
        np.random.default_rng(1).random((5, 8, 8)),
        np.random.default_rng(1).random((5, 8, 8, 1)),
    ],
    ids=["uint8-rgb", "float-rgb", "float-rgb-unscaled", "grey", "grey-1-channel"],
)
def test_image_grid_shows_one_panel_per_image(batch):
    fig = plots.image_grid(batch, titles=list("abcde"), ncols=2)
    assert_not_blank(fig)
    assert len(fig.axes) == 5
    assert [ax.get_title() for ax in fig.axes] == list("abcde")


def test_image_grid_accepts_a_list_of_images_of_different_sizes():
    rng = np.random.default_rng(2)
    fig = plots.image_grid([rng.random((8, 8)), rng.integers(0, 256, (16, 12, 3), np.uint8)])
    assert_not_blank(fig)
    assert len(fig.axes) == 2


def test_image_grid_rejects_bad_input():
    with pytest.raises(ValueError, match="titles has 1 entries but there are 2 images"):
        plots.image_grid(np.zeros((2, 4, 4)), titles=["x"])
    with pytest.raises(ValueError, match=r"images\[1\] must have shape"):
        plots.image_grid([np.zeros((4, 4)), np.zeros(4)])
    with pytest.raises(ValueError, match="images is empty"):
        plots.image_grid([])
    with pytest.raises(ValueError, match="NaN"):
        plots.image_grid(np.full((1, 4, 4), np.nan))


@pytest.mark.parametrize(("channels", "n_filters"), [(3, 5), (1, 4), (16, 6)])
def test_filter_grid_has_one_panel_per_filter(channels, n_filters):
    kernel = np.random.default_rng(3).normal(size=(3, 3, channels, n_filters))
    fig = plots.filter_grid(kernel)
    assert_not_blank(fig)
    assert len(fig.axes) == n_filters
    assert [ax.get_title() for ax in fig.axes] == [f"filter {f}" for f in range(n_filters)]
    shown = fig.axes[0].images[0].get_array()
    if channels == 3:
        assert shown.shape == (3, 3, 3)
        assert shown.min() == 0 and shown.max() == 1  # each filter normalised to [0, 1]
    else:
        assert shown.ndim == 2  # grey tiles, one per channel


def test_filter_grid_survives_a_constant_filter_and_rejects_other_shapes():
    assert_not_blank(plots.filter_grid(np.ones((3, 3, 3, 2))))
    with pytest.raises(ValueError, match=r"kernel must have shape \(k, k, C, F\)"):
        plots.filter_grid(np.ones((3, 3, 3)))


@pytest.mark.parametrize("shape", [(10, 12, 6), (1, 10, 12, 6)])
def test_feature_maps_has_one_labelled_panel_per_slice(shape):
    maps = np.random.default_rng(4).normal(size=shape)
    fig = plots.feature_maps(maps)
    assert_not_blank(fig)
    assert [ax.get_title() for ax in fig.axes] == [f"filter {f}" for f in range(6)]
    assert "each slice is the output of one filter" in fig._suptitle.get_text()
    assert np.allclose(fig.axes[2].images[0].get_array(), maps.reshape(10, 12, 6)[..., 2])


def test_feature_maps_takes_panel_labels_and_rejects_batches():
    fig = plots.feature_maps(np.ones((4, 4, 2)) * [1, 2], labels=["edges", "blur"], ncols=1)
    assert [ax.get_title() for ax in fig.axes] == ["edges", "blur"]
    with pytest.raises(ValueError, match=r"batch of 2: pass maps\[i:i\+1\]"):
        plots.feature_maps(np.ones((2, 4, 4, 3)))
    with pytest.raises(ValueError, match="labels has 1 entries but maps has 3 slices"):
        plots.feature_maps(np.ones((4, 4, 3)), labels=["a"])


def _lines(ax) -> list[tuple[str, tuple[float, ...]]]:
    return [(line.get_linestyle(), tuple(line.get_ydata())) for line in ax.get_lines()]


@pytest.mark.parametrize(
    "history",
    [HISTORY, SimpleNamespace(history=HISTORY)],
    ids=["dict-of-lists", "object-with-history"],
)
def test_training_curves_draws_train_solid_and_validation_dashed(history):
    fig = plots.training_curves(history)
    assert_not_blank(fig)
    loss_ax, accuracy_ax = fig.axes
    assert (loss_ax.get_title(), accuracy_ax.get_title()) == ("loss", "accuracy")
    assert _lines(loss_ax) == [("-", (2.0, 1.5, 1.2)), ("--", (1.8, 1.6, 1.5))]
    assert _lines(accuracy_ax) == [("-", (0.3, 0.45, 0.55)), ("--", (0.35, 0.42, 0.5))]
    assert list(loss_ax.get_lines()[0].get_xdata()) == [1, 2, 3]  # epochs count from 1


def test_training_curves_puts_a_cut_short_last_epoch_at_its_fraction():
    fig = plots.training_curves({**HISTORY, "epochs": [1.0, 2.0, 2.35]})
    assert list(fig.axes[0].get_lines()[0].get_xdata()) == [1.0, 2.0, 2.35]


def test_training_curves_accepts_a_keras_history():
    keras = pytest.importorskip("keras")
    history = keras.callbacks.History()
    history.history = {k: HISTORY[k] for k in ("loss", "accuracy", "val_loss", "val_accuracy")}
    fig = plots.training_curves(history)
    assert len(fig.axes) == 2 and len(fig.axes[0].get_lines()) == 2


def test_training_curves_compares_several_runs_one_colour_each():
    other = {key: [v * 0.9 for v in values] for key, values in HISTORY.items()}
    runs = {"none": HISTORY, "L2 0.01": SimpleNamespace(history=other), "short": {"loss": [3.0]}}
    fig = plots.training_curves(runs, title="regularization")
    assert_not_blank(fig)
    loss_ax, accuracy_ax = fig.axes
    assert len(loss_ax.get_lines()) == 2 + 2 + 1
    colours = [line.get_color() for line in loss_ax.get_lines()]
    assert colours[0] == colours[1] != colours[2] == colours[3] != colours[4]
    legend = [t.get_text() for t in accuracy_ax.get_legend().get_texts()]
    assert legend == ["none", "L2 0.01", "short", "train", "validation"]


@pytest.mark.parametrize(
    ("history", "titles"),
    [
        ({"loss": [1.0, 0.5]}, ["loss"]),
        ({"acc": [0.1, 0.2], "val_acc": [0.1, 0.15]}, ["accuracy"]),
        ({"loss": np.array([1.0, 0.5]), "sparse_categorical_accuracy": [0.2, 0.4]},
         ["loss", "accuracy"]),
    ],
)
def test_training_curves_draws_the_panels_the_history_has(history, titles):
    assert [ax.get_title() for ax in plots.training_curves(history).axes] == titles


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([1.0, 0.5], "must be a keras History"),
        ({}, "must be a keras History"),
        ({"run": {"lr": [0.1]}}, r"history_or_histories\['run'\] is not a history"),
        ({"good": HISTORY, "bad": 3}, r"history_or_histories\['bad'\] is not a history"),
    ],
)
def test_training_curves_rejects_what_is_not_a_history(value, message):
    with pytest.raises(ValueError, match=message):
        plots.training_curves(value)


def test_confusion_matrix_counts_and_per_class_accuracy():
    y_true = [0, 0, 1, 1, 2, 2, 2, 2]
    y_pred = [0, 1, 1, 1, 0, 2, 2, 2]
    fig = plots.confusion_matrix(y_true, y_pred, class_names=["cat", "dog", "frog"],
                                 normalize=False)
    assert_not_blank(fig)
    (ax,) = fig.axes
    assert np.array_equal(ax.images[0].get_array() * 3, [[1, 1, 0], [0, 2, 0], [1, 0, 3]])
    assert sorted(texts(ax)) == sorted(["1", "1", "2", "1", "3"])  # zero cells stay empty
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["cat (50%)", "dog (100%)", "frog (75%)"]
    assert "75.0% of 8 images" in ax.get_title()


def test_confusion_matrix_normalised_by_row_from_scores():
    y_true = np.array([0, 0, 1, 1])
    scores = np.array([[0.9, 0.1], [0.2, 0.8], [0.3, 0.7], [0.4, 0.6]])  # argmax: 0, 1, 1, 1
    (ax,) = plots.confusion_matrix(y_true, scores, class_names=["a", "b"]).axes
    assert np.allclose(ax.images[0].get_array(), [[0.5, 0.5], [0, 1]])
    assert sorted(texts(ax)) == ["100%", "50%", "50%"]


def test_confusion_matrix_rejects_bad_input():
    with pytest.raises(ValueError, match="y_true has 3 labels but y_pred has 2"):
        plots.confusion_matrix([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="class_names has 2 names"):
        plots.confusion_matrix([0, 1, 2], [0, 1, 2], class_names=["a", "b"])
    with pytest.raises(ValueError, match=r"y_pred must have shape \(N,\) or \(N, n_classes\)"):
        plots.confusion_matrix([0, 1], np.zeros((2, 2, 2)))


def test_param_counts_is_log_scale_with_one_line_per_kind():
    sides = np.array([32, 64, 128, 256, 512, 1024])
    counts = {"fully connected": (3 * sides**2) ** 2, "locally connected": 27 * sides**2,
              "shared": [27] * 6}
    fig = plots.param_counts(sides, counts)
    assert_not_blank(fig)
    (ax,) = fig.axes
    assert ax.get_yscale() == "log"
    assert [line.get_label() for line in ax.get_lines()] == list(counts)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["32", "64", "128", "256", "512", "1024"]


def test_param_counts_rejects_bad_input():
    with pytest.raises(ValueError, match=r"counts_by_label\['a'\] has 2 counts but sides has 3"):
        plots.param_counts([1, 2, 3], {"a": [1, 2]})
    with pytest.raises(ValueError, match="must be positive"):
        plots.param_counts([1, 2], {"a": [0, 2]})
    with pytest.raises(ValueError, match="non-empty"):
        plots.param_counts([1, 2], {})


def test_pooling_windows_draws_the_slides_example():
    fig = plots.pooling_windows(SLIDE_POOL)
    assert_not_blank(fig)
    grid_ax, out_ax = fig.axes
    assert texts(out_ax) == ["6", "8", "3", "4"]
    bold = [t.get_text() for t in grid_ax.texts if t.get_fontweight() == "bold"]
    assert sorted(bold) == ["3", "4", "6", "8"]  # each window's maximum is marked
    coloured = [p for p in grid_ax.patches if p.get_facecolor()[:3] != (1.0, 1.0, 1.0)]
    assert len(coloured) == 4  # one coloured window per output cell


def test_pooling_windows_average_and_overlapping_windows():
    (_, out_ax) = plots.pooling_windows(SLIDE_POOL, op="avg").axes
    assert texts(out_ax) == ["3.25", "5.25", "2", "2"]
    fig = plots.pooling_windows(np.arange(25).reshape(5, 5), pool_size=3, stride=2)
    assert texts(fig.axes[1]) == ["12", "14", "22", "24"]


def test_pooling_windows_shows_the_callers_output_and_marks_wrong_cells():
    fig = plots.pooling_windows(SLIDE_POOL, output=[[6, 8], [3, 4]])
    out_ax = fig.axes[1]
    assert texts(out_ax) == ["6", "8", "3", "4"]
    assert out_ax.get_title() == "given output 2x2"
    assert {t.get_color() for t in out_ax.texts} == {"black"}
    out_ax = plots.pooling_windows(SLIDE_POOL, output=[[6, 8], [3, 3]]).axes[1]
    assert texts(out_ax) == ["6", "8", "3", "3"]
    assert [t.get_color() for t in out_ax.texts] == ["black"] * 3 + ["red"]
    out_ax = plots.pooling_windows(SLIDE_POOL, op="avg", output=[[6, 8], [3, 4]]).axes[1]
    assert [t.get_color() for t in out_ax.texts] == ["red"] * 4  # maxima are not averages
    with pytest.raises(ValueError, match=r"output must have shape \(2, 2\).*got shape \(3, 3\)"):
        plots.pooling_windows(SLIDE_POOL, output=np.zeros((3, 3)))


def test_no_member_of_plots_computes_a_whole_pooled_array():
    # max_pool2d and avg_pool2d are graded in lab03: nothing importable may hand out the answer
    x = np.random.default_rng(3).normal(size=(8, 10))
    args = [(x,), (x, 2), (x, 2, 2), (x, 2, 2, "max"), (x, 2, 2, "avg"), (x, 3, 2),
            (x, 3, 2, "max"), (x, 3, 2, "avg")]
    shapes = [(4, 5), (3, 4)]  # 2x2 windows stride 2; 3x3 windows stride 2
    leaks, ran = answer_keys([plots, _style], args, [(), (0,), (2,)], shapes)
    assert leaks == []
    assert ran >= 8  # pooling_windows (and others) did run
    assert not [name for name in dir(plots) if "pool" in name.lower() and name != "pooling_windows"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x": np.zeros((4, 4, 1))}, r"x must have shape \(H, W\)"),
        ({"x": SLIDE_POOL, "op": "min"}, "op must be 'max' or 'avg'"),
        ({"x": SLIDE_POOL, "pool_size": 5}, "pool_size 5 does not fit"),
        ({"x": SLIDE_POOL, "stride": 0}, "stride must be a positive integer"),
        ({"x": np.zeros((32, 32))}, "up to 16x16"),
    ],
)
def test_pooling_windows_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.pooling_windows(**kwargs)


def test_weight_histograms_one_panel_per_label():
    rng = np.random.default_rng(5)
    fig = plots.weight_histograms({
        "none": rng.normal(0, 0.1, (3, 3, 3, 8)),
        "L1": [rng.laplace(0, 0.02, (10, 4)), rng.laplace(0, 0.02, 5)],
    })
    assert_not_blank(fig)
    assert len(fig.axes) == 2
    assert fig.axes[1].get_title(loc="left").startswith("L1: std")
    assert sum(p.get_height() for p in fig.axes[1].patches) == 45
    with pytest.raises(ValueError, match="non-empty"):
        plots.weight_histograms({})


def test_save_writes_a_png_creating_folders(tmp_path):
    fig = plots.image_grid(np.zeros((1, 4, 4)))
    written = plots.save(fig, tmp_path / "report" / "figures" / "grid")
    assert written == tmp_path / "report" / "figures" / "grid.png"
    assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="must end in .png"):
        plots.save(fig, tmp_path / "grid.jpg")
    with pytest.raises(TypeError, match="must be a matplotlib Figure"):
        plots.save("not a figure", tmp_path / "x.png")


def test_the_course_style_does_not_leak_into_the_users_rcparams():
    before = dict(matplotlib.rcParams)
    fig = plots.training_curves(HISTORY)
    assert not fig.axes[0].spines["top"].get_visible()  # the style applied inside...
    assert dict(matplotlib.rcParams) == before  # ...and nowhere else


def test_no_graded_lab_function_lives_in_the_plotting_modules():
    from cnnlab import demos

    graded = ["conv2d", "conv2d_single", "conv2d_fast", "relu", "max_pool2d", "avg_pool2d",
              "conv_relu_pool", "conv_output_size", "vectorize", "softmax", "build_cnn"]
    for module in (plots, demos):
        assert not [name for name in graded if hasattr(module, name)]


def test_importing_plots_and_demos_does_not_import_tensorflow():
    code = ("import sys, cnnlab.plots, cnnlab.demos\n"
            "print([m for m in ('tensorflow', 'keras', 'ipywidgets') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_notebook_shows_a_returned_figure_exactly_once():
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "import numpy as np\nfrom cnnlab import plots\n"
        "plots.pooling_windows([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])"
    )]
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=60).execute()
    outputs = notebook.cells[0].outputs
    assert [o.output_type for o in outputs] == ["execute_result"]
    assert "image/png" in outputs[0].data


def test_hyperparameter_search_marks_the_chosen_value():
    fig = plots.hyperparameter_search([1e-4, 1e-3, 1e-2], {"train": [0.3, 0.5, 0.4],
                                                          "validation": [0.28, 0.45, 0.35]},
                                      chosen=1e-3)
    assert_not_blank(fig)
    (ax,) = fig.axes
    assert ax.get_xscale() == "log"
    assert [line.get_label() for line in ax.get_lines()] == ["train", "validation",
                                                             "chosen: 0.001"]
    linear = plots.hyperparameter_search([1, 2, 4], {"norm": [30.0, 20.0, 10.0]}, log_x=False)
    assert linear.axes[0].get_xscale() == "linear"


def test_hyperparameter_search_rejects_bad_input():
    with pytest.raises(ValueError, match=r"scores_by_label\['a'\] has 2 scores but values has 3"):
        plots.hyperparameter_search([1, 2, 3], {"a": [1, 2]})
    with pytest.raises(ValueError, match="positive on a log axis"):
        plots.hyperparameter_search([0, 1], {"a": [1, 2]})
    with pytest.raises(ValueError, match="non-empty"):
        plots.hyperparameter_search([1, 2], {})


def test_wirings_1d_draws_the_slides_three_layers_one_line_per_connection():
    from matplotlib.collections import LineCollection

    fig = plots.wirings_1d(n_inputs=9, field=6,
                           counts={"fully_connected": 36, "local": 24, "shared": 6})
    assert_not_blank(fig)
    assert len(fig.axes) == 3
    assert [ax.get_title().splitlines()[0] for ax in fig.axes] == [
        "fully connected: 36 weights", "local: 24 weights", "shared: 6 weights"]
    drawn = []
    for ax in fig.axes:
        (lines,) = [c for c in ax.collections if isinstance(c, LineCollection)]
        colours = [tuple(c) for c in lines.get_colors()]
        # a line runs from a hidden neuron (y = 1) to an input (y = 0)
        ends = [(float(s[0][0]), int(round(s[1][0]))) for s in lines.get_segments()]
        drawn.append((ends, colours))
    assert [len(ends) for ends, _ in drawn] == [36, 24, 24]
    assert [len(set(colours)) for _, colours in drawn] == [1, 1, 6]
    # every input wired to every neuron; local: 6 neighbouring inputs per neuron
    assert sorted({i for _, i in drawn[0][0]}) == list(range(9))
    local_fields = {}
    for neuron, i in drawn[1][0]:
        local_fields.setdefault(neuron, []).append(i)
    assert sorted(sorted(f) for f in local_fields.values()) == [
        list(range(start, start + 6)) for start in range(4)]
    # shared: the same connections as local, and the colour is the place in the field
    ends, colours = drawn[2]
    assert sorted(ends) == sorted(drawn[1][0])
    first = {neuron: min(f) for neuron, f in local_fields.items()}
    by_offset = {}
    for (neuron, i), colour in zip(ends, colours, strict=True):
        by_offset.setdefault(i - first[neuron], set()).add(colour)
    assert sorted(by_offset) == list(range(6))
    assert all(len(c) == 1 for c in by_offset.values())
    assert len(set().union(*by_offset.values())) == 6


def test_wirings_1d_other_sizes_and_bad_input():
    fig = plots.wirings_1d(5, 5)  # without counts: the figure does not count (lab01's task)
    assert [ax.get_title().splitlines()[0] for ax in fig.axes] == [
        "fully connected", "local", "shared"]
    assert not any(ch.isdigit() for ax in fig.axes for ch in ax.get_title())
    with pytest.raises(ValueError, match="field 7 is wider than the 6 inputs"):
        plots.wirings_1d(6, 7)
    with pytest.raises(ValueError, match="up to 16 inputs"):
        plots.wirings_1d(40, 3)
    with pytest.raises(ValueError, match="field must be a positive integer"):
        plots.wirings_1d(9, 0)
