"""``cnnlab demo``: the course in one command, on CIFAR-10 (or the synthetic stand-in).

Shows the data, trains a small CNN within a time budget through ``cnnlab.train``, and writes a
report folder: ``classes.png``, ``filters.png``, ``feature_maps.png``, ``curves.png``,
``confusion.png`` and ``report.md``. The network is the demo's own (see ``build_demo_net``),
not the lab04 model that students write themselves.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from cnnlab import hardware, set_seed

# Training recipe (bench/train.py --accuracy measures it; see bench/README.md).
RECIPE = {"batch_size": 256, "peak_lr": 5e-3, "label_smoothing": 0.1, "augment": False}
VALIDATION_IMAGES = 2000  # held out of the training set for the curves
SYNTHETIC_SIZE = (10_000, 2_000)


def build_demo_net(input_shape: tuple[int, int, int] = (32, 32, 3), num_classes: int = 10):
    """The demo's CNN: uint8 images (N, 32, 32, 3) -> class probabilities (N, num_classes).

    Chosen for accuracy within minutes on a laptop CPU (bench/README.md): a 5x5 stride-2
    first convolution halves the resolution at once (full-resolution layers cost the most
    here), then CONV-BN-RELU layers at 16x16, 8x8 and 4x4 with 48, 96 and 192 filters and
    global max pooling instead of a large dense layer. BatchNorm costs about 13% more CPU per
    image but lets a high learning rate converge within a few epochs.
    """
    import keras
    from keras import layers

    def conv_bn_relu(x, filters: int):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization(momentum=0.9)(x)
        return layers.ReLU()(x)

    inputs = keras.Input(input_shape)
    x = layers.Rescaling(1 / 255)(inputs)
    x = layers.Conv2D(48, 5, strides=2, padding="same", activation="relu", name="conv1")(x)
    x = conv_bn_relu(x, 48)
    for filters in (96, 192):
        x = layers.MaxPooling2D()(x)
        x = conv_bn_relu(x, filters)
        x = conv_bn_relu(x, filters)
    x = layers.GlobalMaxPooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax", dtype="float32")(x)
    return keras.Model(inputs, outputs, name="demo_net")


SHOWN_MAPS = 16  # feature maps in the report: the most active ones


def most_active_maps(maps: np.ndarray, count: int) -> tuple[list[int], int]:
    """The ``count`` slices of ``maps`` (H, W, F) that vary most over the image, most active
    first, and how many slices are zero everywhere (a ReLU map that this image never turns
    on: a blank panel teaches nothing, so the figure shows the live ones and says so)."""
    activity = maps.reshape(-1, maps.shape[-1]).std(axis=0)
    order = np.argsort(-activity, kind="stable")[:count]
    return [int(i) for i in order], int(np.sum(np.abs(maps).max(axis=(0, 1)) == 0))


def load_data(subset: tuple[int, int] | None, synthetic: bool, seed: int):
    """``(x_train, y_train), (x_test, y_test), source``: uint8 images (N, 32, 32, 3), int labels
    (N,) and a description of where they came from."""
    from cnnlab import data

    if not synthetic:
        try:
            train_split, test_split = data.load_cifar10(subset=subset, seed=seed)
            return train_split, test_split, f"CIFAR-10 ({data.locate_cifar10() or 'downloaded'})"
        except data.DatasetNotFoundError as error:
            banner = "=" * 72
            print(f"{banner}\nCIFAR-10 NOT FOUND: falling back to SYNTHETIC images.\n{error}\n"
                  f"The accuracy below is NOT a CIFAR-10 result.\n{banner}", file=sys.stderr)
    n_train, n_test = subset or SYNTHETIC_SIZE
    train_split, test_split = data.make_synthetic(n_train, n_test, seed=seed)
    return train_split, test_split, "synthetic images (cnnlab.data.make_synthetic)"


def run(budget: float = 180.0, out: Path | str = "reports/demo",
        subset: tuple[int, int] | None = None, synthetic: bool = False, seed: int = 0) -> dict:
    """Run the demo; returns the numbers written to ``report.md`` as a dict.

    Keras' global dtype policy is set for the demo's model and restored afterwards.
    """
    import keras

    previous = keras.mixed_precision.global_policy()
    try:
        return _run(budget, Path(out), subset, synthetic, seed)
    finally:
        keras.mixed_precision.set_global_policy(previous)


def _run(budget: float, out: Path, subset: tuple[int, int] | None, synthetic: bool,
         seed: int) -> dict:
    import keras

    from cnnlab import plots, train

    out.mkdir(parents=True, exist_ok=True)
    timings, start = {}, time.perf_counter()
    precision = train.use_best_precision()
    print(f"cnnlab demo: budget {budget:g} s, precision {precision}, report in {out}/")

    print("[1/4] loading data")
    (x_train, y_train), (x_test, y_test), source = load_data(subset, synthetic, seed)
    timings["load"] = time.perf_counter() - start
    print(f"      {source}: {len(x_train):,} train, {len(x_test):,} test images")
    names = _class_names(y_train)
    plots.save(plots.class_grid(x_train, y_train, class_names=names), out / "classes.png")

    print(f"[2/4] training for {budget:g} s")
    set_seed(seed)
    (x_fit, y_fit), validation = _hold_out(x_train, y_train, seed)
    model = build_demo_net(x_train.shape[1:], len(names))
    history = train.fit(model, x_fit, y_fit, budget=budget, validation_data=validation,
                        seed=seed, **RECIPE)
    timings["train"] = history.seconds

    print("[3/4] testing")
    tick = time.perf_counter()
    y_plain = train.predict(model, x_test)
    y_tta = train.predict(model, x_test, tta_flip=True)
    timings["test"] = time.perf_counter() - tick
    accuracy, accuracy_tta = float(np.mean(y_plain == y_test)), float(np.mean(y_tta == y_test))
    print(f"      test accuracy {accuracy:.1%}; with flip test-time augmentation "
          f"{accuracy_tta:.1%}")

    print("[4/4] figures")
    conv1 = model.get_layer("conv1")
    plots.save(plots.filter_grid(conv1.get_weights()[0]), out / "filters.png")
    maps = keras.Model(model.inputs, conv1.output).predict(x_test[:1], verbose=0)
    maps = np.asarray(maps, dtype=np.float32)[0]
    shown, silent = most_active_maps(maps, SHOWN_MAPS)
    plots.save(plots.feature_maps(
        maps[..., shown], labels=[f"filter {i}" for i in shown],
        title=f"conv1 after its ReLU, first test image: the {len(shown)} most active of "
              f"{maps.shape[-1]} maps ({silent} are zero everywhere on this image)"),
        out / "feature_maps.png")
    plots.save(plots.training_curves(history), out / "curves.png")
    plots.save(plots.confusion_matrix(y_test, y_tta, class_names=names), out / "confusion.png")
    timings["total"] = time.perf_counter() - start
    summary = {
        "source": source, "train_images": len(x_fit), "validation_images": len(validation[0]),
        "test_images": len(x_test), "params": model.count_params(), "budget": budget,
        "epochs": history.epochs, "images_per_second": history.images_per_second,
        "precision": precision, "accuracy": accuracy, "accuracy_tta": accuracy_tta,
        "timings": timings,
    }
    (out / "report.md").write_text(_report(summary), encoding="utf-8")
    print(f"      report: {out / 'report.md'} ({timings['total']:.0f} s in all)")
    return summary


def _class_names(y: np.ndarray) -> list[str]:
    from cnnlab.data import CLASS_NAMES

    n_classes = int(np.max(y)) + 1
    if n_classes == len(CLASS_NAMES):
        return list(CLASS_NAMES)
    return [f"class {i}" for i in range(n_classes)]


def _hold_out(x: np.ndarray, y: np.ndarray, seed: int):
    """Split a validation set (for the curves) off the training set: (x, y), (x_val, y_val)."""
    n_val = min(VALIDATION_IMAGES, len(x) // 10)
    order = np.random.default_rng(seed).permutation(len(x))
    val, fit = order[:n_val], order[n_val:]
    return (x[fit], y[fit]), (x[val], y[val])


def _report(s: dict) -> str:
    t = s["timings"]
    cpu = hardware.cpu_info()
    return "\n".join([
        "# cnnlab demo report", "",
        f"- Data: {s['source']}: {s['train_images']:,} training images "
        f"(+{s['validation_images']:,} held out for validation), {s['test_images']:,} test images",
        f"- Model: `demo_net`, {s['params']:,} parameters",
        f"- Machine: {cpu.model}, {cpu.cores} cores; precision {s['precision']}",
        f"- Budget: {s['budget']:g} s of training; {s['epochs']:.2f} epochs at "
        f"{s['images_per_second']:,.0f} images/s",
        f"- **Test accuracy: {s['accuracy']:.1%}; with flip test-time augmentation: "
        f"{s['accuracy_tta']:.1%}**",
        f"- Timings: loading {t['load']:.1f} s, training {t['train']:.1f} s, "
        f"testing {t['test']:.1f} s, total {t['total']:.1f} s", "",
        "| figure | file |", "|---|---|",
        "| one row per class | ![classes](classes.png) |",
        "| learned first-layer filters | ![filters](filters.png) |",
        "| feature maps of the first test image | ![feature maps](feature_maps.png) |",
        "| training curves | ![curves](curves.png) |",
        "| confusion matrix (with flip TTA) | ![confusion](confusion.png) |", "",
    ])
