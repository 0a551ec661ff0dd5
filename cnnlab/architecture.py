"""A Keras model read as the lecture writes it: one line per operation, with shapes and weights.

``describe(model)`` turns any spelling of a model (``Sequential`` or functional, nested models,
``Conv2D(..., activation="relu")`` or a separate ``ReLU``/``Activation`` layer) into the same
list of ``LayerSpec``, one per operation: a layer's activation becomes an operation of its own,
so ``Conv2D(32, 3, activation="relu")`` and ``Conv2D(32, 3)`` + ``ReLU()`` read alike::

    conv2d 32 3x3 same -> 32x32x32 (896)
    relu -> 32x32x32
    maxpool 2x2 stride 2 -> 16x16x32

``parse`` reads such a line back, so an expected architecture is written in the words a student
sees (``checks.check_model`` compares the two). Output shapes come from the model's own symbolic
outputs (Keras 3 layers have no ``output_shape`` before they are called). Nothing here builds
a model for a lab: it only reads one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Any

# Settings that a line shows, per kind, in this order; the others are compared but not shown.
_SHOWN = {
    "conv2d": ("filters", "kernel", "strides", "padding"),
    "dense": ("units",),
    "maxpool": ("pool", "strides", "padding"),
    "avgpool": ("pool", "strides", "padding"),
    "dropout": ("rate",),
}
_POOLS = {"MaxPooling2D": "maxpool", "AveragePooling2D": "avgpool"}
_PLAIN = {
    "Flatten": "flatten",
    "GlobalAveragePooling2D": "global_avgpool",
    "GlobalMaxPooling2D": "global_maxpool",
    "BatchNormalization": "batchnorm",
    "LocalResponseNormalization": "lrn",
}
ACTIVATIONS = {"relu", "softmax", "sigmoid", "tanh", "elu", "gelu", "leaky_relu", "silu", "selu"}
_CONFIG_NOISE = {"name", "trainable", "dtype", "data_format", "seed", "noise_shape"}


@dataclass(frozen=True)
class LayerSpec:
    """One operation of a model: its kind, its settings, and (when known) its output and weights.

    ``output_shape`` leaves out the batch axis; ``params`` counts the operation's weights
    (an activation has none); ``source`` names the Keras layer it was read from and
    ``position`` its 1-based place in the described model.
    """

    kind: str
    settings: tuple[tuple[str, Any], ...] = ()
    output_shape: tuple[int, ...] | None = None
    params: int | None = None
    source: str = ""
    position: int = 0
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @property
    def config(self) -> dict[str, Any]:
        return dict(self.settings)

    def head(self) -> str:
        """The line without shape and weights: ``conv2d 32 3x3 same``."""
        config, words = self.config, [self.kind]
        if self.kind == "conv2d":
            words += [str(config["filters"]), _size(config["kernel"])]
            if config["strides"] != (1, 1):
                words += ["stride", _side(config["strides"])]
            words.append(config["padding"])
        elif self.kind in ("maxpool", "avgpool"):
            words += [_size(config["pool"]), "stride", _side(config["strides"])]
            if config["padding"] != "valid":
                words.append(config["padding"])
        elif self.kind == "dense":
            words.append(str(config["units"]))
        elif self.kind == "dropout":
            words.append(f"{config['rate']:g}")
        shown = _SHOWN.get(self.kind, ())
        words += [f"{key}={_value(value)}" for key, value in self.settings if key not in shown]
        return " ".join(words)

    def __str__(self) -> str:
        text = self.head()
        if self.output_shape is not None:
            text += " -> " + "x".join(str(n) for n in self.output_shape)
        if self.params:
            text += f" ({self.params:,})"
        return text


def parse(line: str) -> LayerSpec:
    """Read one line in the form ``str(LayerSpec)`` prints (shape and weights optional)."""
    text = line.strip()
    params = None
    match = re.search(r"\(([\d,]+)\)\s*$", text)
    if match:
        params = int(match.group(1).replace(",", ""))
        text = text[: match.start()].strip()
    shape = None
    if "->" in text:
        text, _, shape_text = text.partition("->")
        shape = tuple(int(n) for n in shape_text.strip().split("x"))
    words = text.split()
    if not words:
        raise ValueError(f"empty layer line {line!r}")
    kind, rest = words[0], words[1:]
    settings: dict[str, Any] = {}
    keyed = [w for w in rest if "=" in w]
    rest = [w for w in rest if "=" not in w]
    if kind == "conv2d":
        settings = {"filters": int(rest[0]), "kernel": _pair(rest[1]), "strides": (1, 1),
                    "padding": "valid"}
        rest = rest[2:]
    elif kind in ("maxpool", "avgpool"):
        pool = _pair(rest[0])
        settings = {"pool": pool, "strides": pool, "padding": "valid"}
        rest = rest[1:]
    elif kind == "dense":
        settings, rest = {"units": int(rest[0])}, rest[1:]
    elif kind == "dropout":
        settings, rest = {"rate": float(rest[0])}, rest[1:]
    while rest:
        word = rest.pop(0)
        if word == "stride":
            settings["strides"] = _pair(rest.pop(0))
        elif word in ("same", "valid"):
            settings["padding"] = word
        else:
            raise ValueError(f"cannot read {word!r} in layer line {line!r}")
    for word in keyed:
        key, _, value = word.partition("=")
        settings[key] = _literal(value)
    return LayerSpec(kind, _ordered(kind, settings), shape, params)


def describe(model: Any, input_shape: tuple[int, ...] | None = None) -> list[LayerSpec]:
    """The operations of a Keras ``model``, in order (see the module docstring).

    A ``Sequential`` model without an ``Input`` is built for ``input_shape`` first; raises
    ``ValueError`` when the model cannot be read.
    """
    import keras

    if not isinstance(model, keras.Model):
        raise ValueError(f"expected a keras.Model, got {type(model).__name__}")
    if not model.built:
        if input_shape is None:
            raise ValueError("the model is not built: start it with keras.Input(shape)")
        model.build((None, *input_shape))
    specs: list[LayerSpec] = []
    for layer in _leaf_layers(model):
        specs += _layer_specs(layer)
    return [replace(spec, position=i) for i, spec in enumerate(specs, start=1)]


def normalized(specs: list[LayerSpec]) -> list[LayerSpec]:
    """``specs`` with each dropout that follows a dense layer (and its activation) moved before
    that layer: ``Dropout`` just before or just after a ``Dense`` layer means the same model."""
    out = list(specs)
    for i, spec in enumerate(specs):
        if spec.kind != "dropout":
            continue
        j = i - 1
        if j > 0 and out[j].kind in ACTIVATIONS:
            j -= 1
        if j >= 0 and out[j].kind == "dense":
            out.insert(j, out.pop(i))
    return out


def dropout_placements(specs: list[LayerSpec], limit: int = 256) -> list[LayerSpec]:
    """Every way of reading ``specs`` with each dropout moved across a neighbouring dense layer.

    A ``Dropout`` just after a ``Dense`` layer (and its activation) and one just before the next
    ``Dense`` layer sit at the same place of the list, so whether it belongs to the layer before
    or after it depends on what is compared with: the list of variants (the original first; at
    most ``limit``) lets a comparison pick the reading that matches.
    """
    options: list[list[int]] = []  # per dropout: the indices it may take (before its move)
    dropouts = [i for i, spec in enumerate(specs) if spec.kind == "dropout"]
    for i in dropouts:
        places = [i]
        j = i - 1
        if j > 0 and specs[j].kind in ACTIVATIONS:
            j -= 1
        if j >= 0 and specs[j].kind == "dense":
            places.append(j)  # before the dense layer it follows
        k = i + 1
        if k < len(specs) and specs[k].kind == "dense":
            end = k + 1 if k + 1 < len(specs) and specs[k + 1].kind in ACTIVATIONS else k
            places.append(end + 0.5)  # after the dense layer (and activation) it precedes
        options.append(places)
    variants, seen = [], set()
    for choice in itertools.product(*options):
        if len(variants) >= limit:
            break
        keys = {i: float(i) for i in range(len(specs)) if i not in dropouts}
        for i, place in zip(dropouts, choice, strict=True):
            keys[i] = place - 0.25 if place != i and place == int(place) else float(place)
        order = tuple(sorted(range(len(specs)), key=lambda n: keys[n]))
        if order not in seen:
            seen.add(order)
            variants.append([specs[n] for n in order])
    return variants


def table(model: Any, input_shape: tuple[int, ...] | None = None) -> str:
    """A text table of ``describe(model)``: position, operation, output shape, weights."""
    specs = describe(model, input_shape)
    rows = [("#", "operation", "output", "weights", "layer")]
    for spec in specs:
        shape = "x".join(str(n) for n in spec.output_shape) if spec.output_shape else "?"
        rows.append((str(spec.position), spec.head(), shape, f"{spec.params or 0:,}",
                     spec.source))
    total = sum(spec.params or 0 for spec in specs)
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) if i in (1, 4) else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    return "\n".join([*lines, f"total weights: {total:,}"])


# --- reading layers ------------------------------------------------------------------------------


def _leaf_layers(model: Any) -> list[Any]:
    import keras

    found = []
    for layer in model.layers:
        if isinstance(layer, keras.Model):
            found += _leaf_layers(layer)
        elif type(layer).__name__ != "InputLayer":
            found.append(layer)
    return found


def _output_shape(layer: Any) -> tuple[int, ...] | None:
    try:
        shape = layer.output.shape
    except (AttributeError, ValueError, RuntimeError):
        return None
    return tuple(int(n) if n is not None else -1 for n in shape[1:])


def _layer_specs(layer: Any) -> list[LayerSpec]:
    name = type(layer).__name__
    shape, params = _output_shape(layer), int(layer.count_params())
    config = layer.get_config()
    settings: dict[str, Any]
    activation = None
    if name == "Conv2D":
        settings = {"filters": config["filters"], "kernel": tuple(config["kernel_size"]),
                    "strides": tuple(config["strides"]), "padding": config["padding"]}
        if tuple(config.get("dilation_rate", (1, 1))) != (1, 1):
            settings["dilation"] = tuple(config["dilation_rate"])
        if config.get("groups", 1) != 1:
            settings["groups"] = config["groups"]
        if not config.get("use_bias", True):
            settings["bias"] = False
        kind, activation = "conv2d", _activation_name(layer.activation)
    elif name == "Dense":
        settings = {"units": config["units"]}
        if not config.get("use_bias", True):
            settings["bias"] = False
        kind, activation = "dense", _activation_name(layer.activation)
    elif name in _POOLS:
        strides = config.get("strides") or config["pool_size"]
        settings = {"pool": tuple(config["pool_size"]), "strides": tuple(strides),
                    "padding": config["padding"]}
        kind = _POOLS[name]
    elif name == "Dropout":
        kind, settings = "dropout", {"rate": float(config["rate"])}
    elif name == "Activation":
        kind, settings = _activation_name(layer.activation) or "linear", {}
    elif name == "ReLU":
        kind, settings = "relu", {k: config[k] for k in ("max_value", "negative_slope",
                                                         "threshold")
                                  if config.get(k) not in (None, 0, 0.0)}
    elif name == "Softmax":
        kind, settings = "softmax", {}
        if config.get("axis", -1) not in (-1, [-1]):
            settings["axis"] = config["axis"]
    elif name in _PLAIN:
        kind = _PLAIN[name]
        settings = {k: v for k, v in config.items()
                    if k in ("depth_radius", "bias", "alpha", "beta")}
    else:
        kind = name.lower()
        settings = {k: v for k, v in config.items()
                    if k not in _CONFIG_NOISE and _plain(v)}
    main = LayerSpec(kind, _ordered(kind, settings), shape, params, source=layer.name)
    if activation in (None, "linear"):
        return [main]
    return [main, LayerSpec(activation, (), shape, 0, source=layer.name)]


def _activation_name(function: Any) -> str | None:
    if function is None:
        return None
    return getattr(function, "__name__", type(function).__name__).lower()


def _ordered(kind: str, settings: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    shown = [key for key in _SHOWN.get(kind, ()) if key in settings]
    return tuple((key, settings[key]) for key in shown + sorted(set(settings) - set(shown)))


def _plain(value: Any) -> bool:
    return isinstance(value, (int, float, str, bool, tuple)) or value is None


def _pair(text: str) -> tuple[int, int]:
    parts = [int(n) for n in text.split("x")]
    return (parts[0], parts[-1])


def _size(pair: tuple[int, int]) -> str:
    return f"{pair[0]}x{pair[1]}"


def _side(pair: tuple[int, int]) -> str:
    return str(pair[0]) if pair[0] == pair[1] else _size(pair)


def _value(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _literal(text: str) -> Any:
    if text in ("True", "False"):
        return text == "True"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text
