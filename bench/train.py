"""Benchmark cnnlab.train: the helper's speed against plain ``model.fit``, and the demo's accuracy.

    python bench/train.py                       # throughput: helper vs. model.fit, oneDNN on/off
    python bench/train.py --accuracy            # + the demo on CIFAR-10 for 3 and 10 minutes
    python bench/train.py --precision-only      # float32 vs. mixed bfloat16 only

Throughput trains the lab04 CNN of the curriculum (defined here: it is a graded solution, so it
cannot live in cnnlab/) on the same images through ``cnnlab.train.fit`` and through a plain
``model.fit``, alternating, and prints medians of images/s (wall clock, tracing included in
both) and of CPU milliseconds per image (steadier on a shared machine). The helper must not be
slower: the ratio should be >= 1 within noise.

oneDNN: the same CNN trained with ``TF_ENABLE_ONEDNN_OPTS=0`` and ``=1``, each run in a fresh
interpreter (TensorFlow reads the variable once, at import), alternating off/on, median
images/s of the timed epochs (the first, tracing epoch left out). ``cnnlab.hardware`` turns
oneDNN on where TensorFlow leaves it off; this is the figure behind that choice.

Precision: the same CNN under Keras' ``float32`` and ``mixed_bfloat16`` policies, each run in a
fresh interpreter, alternating, after an untimed warm-up epoch: median images/s and CPU
milliseconds per image, and the median of the per-pair ratios. ``cnnlab.hardware`` trains in
bfloat16 on the CPU kinds where this ratio was measured clearly above 1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

import cnnlab
from cnnlab import hardware


def lab04_cnn(input_shape=(32, 32, 3), num_classes=10):
    """[CONV-RELU-CONV-RELU-POOL] x 3 (32, 64, 128) -> FC(128) -> FC(10, softmax)."""
    import keras

    model = keras.Sequential([keras.Input(input_shape)])
    for filters in (32, 64, 128):
        model.add(keras.layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(keras.layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(keras.layers.MaxPooling2D())
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(128, activation="relu"))
    model.add(keras.layers.Dense(num_classes, activation="softmax", dtype="float32"))
    return model


def plain_fit(x: np.ndarray, y: np.ndarray, batch_size: int, epochs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of compile + ``model.fit`` for ``epochs`` epochs."""
    import keras

    model = lab04_cnn()
    wall, cpu = time.perf_counter(), time.process_time()
    model.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0)
    return time.perf_counter() - wall, time.process_time() - cpu


def helper_fit(x: np.ndarray, y: np.ndarray, batch_size: int, seconds: float, augment: bool):
    """(images trained, wall seconds, CPU seconds) of ``cnnlab.train.fit`` for ``seconds``."""
    from cnnlab import train

    model = lab04_cnn()
    cpu = time.process_time()
    history = train.fit(model, x, y, budget=seconds, batch_size=batch_size, augment=augment,
                        verbose=False)
    return history.epochs * len(x), history.seconds, time.process_time() - cpu


def throughput(repeats: int, n_images: int, batch_size: int, epochs: int) -> None:
    rng = np.random.default_rng(0)
    x = rng.random((n_images, 32, 32, 3), dtype=np.float32)
    y = rng.integers(0, 10, n_images)
    names = ("model.fit", "cnnlab.train.fit", "cnnlab.train.fit, augment")
    rows = []  # per run: (img/s, CPU-ms/img) for each of `names`
    for repeat in range(repeats):
        wall, cpu = plain_fit(x, y, batch_size, epochs)
        row = [(n_images * epochs / wall, 1e3 * cpu / (n_images * epochs))]
        for augment in (False, True):
            images, wall_h, cpu_h = helper_fit(x, y, batch_size, wall, augment)
            row.append((images / wall_h, 1e3 * cpu_h / images))
        rows.append(row)
        print(f"  run {repeat + 1}: " + " | ".join(
            f"{name} {ips:.0f} img/s, {ms:.2f} CPU-ms/img" for name, (ips, ms) in zip(
                names, row, strict=True)), flush=True)
    for column, name in enumerate(names):
        ips = statistics.median(row[column][0] for row in rows)
        ms = statistics.median(row[column][1] for row in rows)
        ratio = statistics.median(row[column][0] / row[0][0] for row in rows)
        cpu_ratio = statistics.median(row[0][1] / row[column][1] for row in rows)
        print(f"median {name:<26} {ips:6.0f} img/s ({ratio:.2f}x model.fit), "
              f"{ms:.2f} CPU-ms/img ({cpu_ratio:.2f}x as cheap)")


def timed_model_fit(n_images: int, batch_size: int, epochs: int) -> tuple[float, float]:
    """(images/s, CPU-ms/image) of ``model.fit`` on the lab04 CNN after an untimed warm-up epoch."""
    import keras

    rng = np.random.default_rng(0)
    x = rng.random((n_images, 32, 32, 3), dtype=np.float32)
    y = rng.integers(0, 10, n_images)
    model = lab04_cnn()
    model.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy")
    model.fit(x, y, batch_size=batch_size, epochs=1, verbose=0)  # tracing
    wall, cpu = time.perf_counter(), time.process_time()
    model.fit(x, y, batch_size=batch_size, epochs=epochs, verbose=0)
    seconds, cpu_seconds = time.perf_counter() - wall, time.process_time() - cpu
    return n_images * epochs / seconds, 1e3 * cpu_seconds / (n_images * epochs)


def onednn_child(n_images: int, batch_size: int, epochs: int) -> None:
    """Print images/s of ``model.fit`` and whether oneDNN runs (run by the parent)."""
    from cnnlab import hardware

    images_per_second, _ = timed_model_fit(n_images, batch_size, epochs)
    print(f"{images_per_second:.1f} {hardware.onednn_enabled()}")


def precision_child(precision: str, n_images: int, batch_size: int, epochs: int) -> None:
    """Print images/s and CPU-ms/image of ``model.fit`` in ``precision`` (run by the parent)."""
    import keras

    keras.mixed_precision.set_global_policy(precision)
    images_per_second, cpu_ms = timed_model_fit(n_images, batch_size, epochs)
    print(f"{images_per_second:.1f} {cpu_ms:.3f}")


def precision_comparison(repeats: int, n_images: int, batch_size: int, epochs: int) -> None:
    """float32 vs. mixed bfloat16, interleaved, each in a fresh interpreter."""
    precisions = ("float32", "mixed_bfloat16")
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in precisions}
    for repeat in range(repeats):
        for precision in precisions:
            env = {k: v for k, v in os.environ.items() if k != hardware.PRECISION_ENV}
            result = subprocess.run(
                [sys.executable, __file__, "--precision-child", precision, "--images",
                 str(n_images), "--batch-size", str(batch_size), "--epochs", str(epochs)],
                capture_output=True, text=True, env=env, check=True,
            )
            ips, ms = result.stdout.split()[-2:]
            figures[precision].append((float(ips), float(ms)))
        print(f"  run {repeat + 1}: " + ", ".join(
            f"{name} {figures[name][-1][0]:.0f} img/s ({figures[name][-1][1]:.2f} CPU-ms/img)"
            for name in precisions), flush=True)
    pairs = list(zip(figures["float32"], figures["mixed_bfloat16"], strict=True))
    ratio = statistics.median(b[0] / a[0] for a, b in pairs)
    cpu_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
    for name in precisions:
        print(f"median {name:<15} {statistics.median(f[0] for f in figures[name]):6.0f} img/s, "
              f"{statistics.median(f[1] for f in figures[name]):.2f} CPU-ms/img")
    print(f"bfloat16 / float32: {ratio:.2f}x images/s, {cpu_ratio:.2f}x as cheap in CPU time "
          f"(medians of per-pair ratios); cnnlab chooses {hardware.choose_precision()}")


def onednn_comparison(repeats: int, n_images: int, batch_size: int, epochs: int) -> None:
    """Images/s with oneDNN off and on, interleaved, each in a fresh interpreter."""
    figures: dict[str, list[float]] = {"0": [], "1": []}
    for repeat in range(repeats):
        for setting in ("0", "1"):
            env = {k: v for k, v in os.environ.items() if k != "CNNLAB_ONEDNN"}
            env["TF_ENABLE_ONEDNN_OPTS"] = setting
            result = subprocess.run(
                [sys.executable, __file__, "--onednn-child", "--images", str(n_images),
                 "--batch-size", str(batch_size), "--epochs", str(epochs)],
                capture_output=True, text=True, env=env, check=True,
            )
            ips, running = result.stdout.split()[-2:]
            if running != str(setting == "1"):
                raise RuntimeError(f"TF_ENABLE_ONEDNN_OPTS={setting} but oneDNN is {running}")
            figures[setting].append(float(ips))
        print(f"  run {repeat + 1}: oneDNN off {figures['0'][-1]:.0f} img/s, "
              f"on {figures['1'][-1]:.0f} img/s", flush=True)
    off, on = (statistics.median(figures[key]) for key in ("0", "1"))
    ratio = statistics.median(b / a for a, b in zip(figures["0"], figures["1"], strict=True))
    choice = hardware.choose_onednn()
    print(f"median oneDNN off {off:.0f} img/s, on {on:.0f} img/s: on/off {ratio:.2f}x "
          f"(median of per-pair ratios); cnnlab chooses {choice.describe()}")


def accuracy(budgets: list[float], out: Path) -> None:
    from cnnlab import demo

    for seconds in budgets:
        summary = demo.run(budget=seconds, out=out / f"demo_{seconds:g}s")
        print(f"demo {seconds:g} s: {summary['epochs']:.2f} epochs, "
              f"{summary['images_per_second']:.0f} img/s, test accuracy "
              f"{summary['accuracy']:.1%}, with flip TTA {summary['accuracy_tta']:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--images", type=int, default=4096)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--accuracy", action="store_true",
                        help="also run the demo on CIFAR-10 for each --budgets (slow)")
    parser.add_argument("--budgets", type=float, nargs="+", default=[180.0, 600.0])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--onednn-only", action="store_true",
                        help="only the oneDNN off/on comparison")
    parser.add_argument("--onednn-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--precision-only", action="store_true",
                        help="only the float32 vs. mixed bfloat16 comparison")
    parser.add_argument("--precision-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.onednn_child:
        onednn_child(args.images, args.batch_size, args.epochs)
        return
    if args.precision_child:
        precision_child(args.precision_child, args.images, args.batch_size, args.epochs)
        return
    cnnlab.set_seed(0)
    cpu = hardware.cpu_info()
    print(f"{cpu.model}, {cpu.cores} cores, {', '.join(cpu.reported_flags())}; "
          f"precision {hardware.choose_precision(cpu)}; "
          f"oneDNN {hardware.choose_onednn(cpu).describe()}")
    print(f"lab04 CNN, {args.images} images x {args.epochs} epochs, batch {args.batch_size}, "
          f"{args.repeats} alternating runs")
    if not (args.onednn_only or args.precision_only):
        throughput(args.repeats, args.images, args.batch_size, args.epochs)
    if not args.onednn_only:
        print("float32 vs. mixed bfloat16, model.fit, fresh interpreter per run:")
        precision_comparison(args.repeats, args.images, args.batch_size, args.epochs)
    if not args.precision_only:
        print("oneDNN off vs. on (TF_ENABLE_ONEDNN_OPTS), model.fit, fresh interpreter per run:")
        onednn_comparison(args.repeats, args.images, args.batch_size, args.epochs)
    if args.accuracy:
        accuracy(args.budgets, args.out)


if __name__ == "__main__":
    main()
