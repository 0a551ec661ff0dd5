"""cnnlab.architecture and checks.check_model: any spelling of a model passes, each listed
mistake fails with a message that names the operation and says what to change."""

from __future__ import annotations

import pytest

from cnnlab import architecture, checks

keras = pytest.importorskip("keras")
L = keras.layers

# The lecture's stack (LABS.md lab04) written out, as a test would write it: 550,570 weights.
STACK = []
_side = 32
for _filters in (32, 64, 128):
    STACK += [f"conv2d {_filters} 3x3 same -> {_side}x{_side}x{_filters}",
              f"relu -> {_side}x{_side}x{_filters}"] * 2
    _side //= 2
    STACK.append(f"maxpool 2x2 stride 2 -> {_side}x{_side}x{_filters}")
STACK += ["flatten -> 2048", "dense 128 -> 128", "relu -> 128", "dense 10 -> 10", "softmax -> 10"]
PARAMS = 550_570


def stack(filters=(32, 64, 128), first_padding="same", kernel=3, pool=True, hidden=(128,),
          softmax=True, separate=False, functional=False, nested=False, lazy=False,
          input_shape=(32, 32, 3)):
    layers = []
    for block, f in enumerate(filters):
        for conv in range(2):
            padding = first_padding if (block, conv) == (0, 0) else "same"
            if separate:
                layers += [L.Conv2D(f, kernel, padding=padding),
                           L.ReLU() if conv else L.Activation("relu")]
            else:
                layers.append(L.Conv2D(f, (kernel, kernel), padding=padding, activation="relu"))
        if pool:
            layers.append(L.MaxPooling2D(pool_size=(2, 2), strides=2))
    layers.append(L.Flatten())
    layers += [L.Dense(units, activation="relu") for units in hidden]
    if separate and softmax:
        layers += [L.Dense(10), L.Softmax()]
    else:
        layers.append(L.Dense(10, activation="softmax" if softmax else None))
    if functional:
        inputs = keras.Input(input_shape)
        x = inputs
        for layer in layers:
            x = layer(x)
        return keras.Model(inputs, x)
    if nested:
        return keras.Sequential([keras.Input(input_shape), keras.Sequential(layers[:5]),
                                 *layers[5:]])
    if lazy:
        return keras.Sequential(layers)
    return keras.Sequential([keras.Input(input_shape), *layers])


def failure(model, aspects=checks.MODEL_ASPECTS, expected=STACK, **kwargs) -> str:
    with pytest.raises(AssertionError) as error:
        checks.check_model("build_cnn()", model, expected, aspects=aspects, params=PARAMS,
                           **kwargs)
    return str(error.value)


@pytest.mark.parametrize("spelling", [{}, {"separate": True}, {"functional": True},
                                      {"nested": True}, {"lazy": True}])
def test_every_spelling_of_the_stack_passes(spelling):
    model = stack(**spelling)
    checks.check_model("build_cnn()", model, STACK, params=PARAMS, input_shape=(32, 32, 3))


def test_a_lazy_sequential_needs_the_input_shape():
    assert "keras.Input" in failure(stack(lazy=True))


@pytest.mark.parametrize("mistake, words", [
    ({"first_padding": "valid"}, ["operation 1", "padding='valid'", 'padding="same"']),
    ({"filters": (32, 64, 64)}, ["operation 11", "filters=64", "set filters=128"]),
    ({"kernel": 5}, ["operation 1", "kernel=(5, 5)", "set kernel_size=3"]),
    ({"pool": False}, ["maxpool 2x2 stride 2 operation is missing after your operation 4",
                       "keras.layers.MaxPooling2D(2)"]),
    ({"hidden": ()}, ["dense 128 operation is missing after your operation 16 (flatten",
                      "keras.layers.Dense(128)"]),
    ({"hidden": (128, 64)}, ["operation 19 (dense 64", "not in the expected stack",
                             "remove it"]),
    ({"softmax": False}, ["softmax operation is missing after your operation 19 (dense 10",
                          'activation="softmax"']),
])
def test_each_mistake_names_the_operation_and_what_to_change(mistake, words):
    model = stack(**mistake)
    for aspects in (("layers",), ("shapes",), ("params",)):
        message = failure(model, aspects)
        for word in words:
            assert word in message, (aspects, message)


def test_shapes_and_weights_are_checked_where_layers_match():
    # The same layers on a 28x28 input: every shape (and the Dense weights) differ.
    model = stack(input_shape=(28, 28, 3))
    checks.check_model("m", model, STACK, aspects=("layers",))
    assert "operation 1 (conv2d 32 3x3 same" in failure(model, ("shapes",))
    assert "28x28x32, but 32x32x32 is expected" in failure(model, ("shapes",))
    assert "weights in all" in failure(model, ("params",))


def test_per_layer_weights_and_the_total():
    lines = ["conv2d 4 3x3 valid -> 6x6x4 (112)", "relu", "flatten", "dense 2 (290)"]
    ok = keras.Sequential([keras.Input((8, 8, 3)), L.Conv2D(4, 3, activation="relu"),
                           L.Flatten(), L.Dense(2)])
    checks.check_model("m", ok, lines)
    no_bias = keras.Sequential([keras.Input((8, 8, 3)), L.Conv2D(4, 3, activation="relu",
                                                                   use_bias=False),
                                L.Flatten(), L.Dense(2)])
    assert "bias=False" in failure(no_bias, ("layers",), lines)


def test_dropout_before_or_after_its_dense_layer_reads_the_same():
    lines = ["flatten", "dropout 0.5", "dense 16", "relu", "dense 2", "softmax"]
    after = keras.Sequential([keras.Input((4, 4, 1)), L.Flatten(), L.Dense(16, activation="relu"),
                              L.Dropout(0.5), L.Dense(2, activation="softmax")])
    before = keras.Sequential([keras.Input((4, 4, 1)), L.Flatten(), L.Dropout(0.5),
                               L.Dense(16), L.ReLU(), L.Dense(2, activation="softmax")])
    for model in (after, before):
        checks.check_model("m", model, lines, aspects=("layers",))
    wrong_rate = keras.Sequential([keras.Input((4, 4, 1)), L.Flatten(), L.Dropout(0.2),
                                   L.Dense(16, activation="relu"),
                                   L.Dense(2, activation="softmax")])
    assert "rate=0.2" in failure(wrong_rate, ("layers",), lines)


def test_two_dropouts_written_before_their_dense_layers_accept_the_after_spelling():
    """AlexNet's FC part: a dropout before each of two dense layers, or after each (LABS.md)."""
    before = ["flatten", "dropout 0.5", "dense 16", "relu", "dropout 0.5", "dense 16", "relu",
              "dense 3", "softmax"]
    after = ["flatten", "dense 16", "relu", "dropout 0.5", "dense 16", "relu", "dropout 0.5",
             "dense 3", "softmax"]

    def model(dropout_after):
        layers = [keras.Input((4, 4, 1)), L.Flatten()]
        for _ in range(2):
            pair = [L.Dense(16, activation="relu"), L.Dropout(0.5)]
            layers += pair if dropout_after else pair[::-1]
        return keras.Sequential([*layers, L.Dense(3, activation="softmax")])

    for lines in (before, after):
        for dropout_after in (False, True):
            checks.check_model("m", model(dropout_after), lines, aspects=("layers",))
    one_dropout = keras.Sequential([keras.Input((4, 4, 1)), L.Flatten(), L.Dropout(0.5),
                                    L.Dense(16, activation="relu"),
                                    L.Dense(16, activation="relu"),
                                    L.Dense(3, activation="softmax")])
    for lines in (before, after):
        assert "dropout 0.5 operation is missing" in failure(one_dropout, ("layers",), lines)


def test_other_activations_and_pools_are_told_apart():
    lines = ["conv2d 2 3x3 same", "relu", "maxpool 2x2 stride 2"]
    leaky = keras.Sequential([keras.Input((8, 8, 1)), L.Conv2D(2, 3, padding="same"),
                              L.LeakyReLU(), L.MaxPooling2D()])
    assert "should be relu" in failure(leaky, ("layers",), lines)
    average = keras.Sequential([keras.Input((8, 8, 1)), L.Conv2D(2, 3, padding="same",
                                                                   activation="relu"),
                                L.AveragePooling2D(2)])
    assert "keras.layers.MaxPooling2D(2)" in failure(average, ("layers",), lines)
    stride_one = keras.Sequential([keras.Input((8, 8, 1)), L.Conv2D(2, 3, padding="same",
                                                                      activation="relu"),
                                   L.MaxPooling2D(2, strides=1)])
    assert "strides=(1, 1)" in failure(stride_one, ("layers",), lines)


def test_lines_read_back_as_they_print():
    for spec in architecture.describe(stack(separate=True)):
        again = architecture.parse(str(spec))
        assert (again.kind, again.settings, again.output_shape) == (
            spec.kind, spec.settings, spec.output_shape)
    spec = architecture.parse("conv2d 96 11x11 stride 4 valid -> 55x55x96 (34,944)")
    assert spec.config == {"filters": 96, "kernel": (11, 11), "strides": (4, 4),
                           "padding": "valid"}
    assert (spec.output_shape, spec.params) == ((55, 55, 96), 34_944)
    pool = architecture.parse("maxpool 3x3 stride 2")
    assert pool.config["strides"] == (2, 2) and str(pool) == "maxpool 3x3 stride 2"
    with pytest.raises(ValueError, match="cannot read"):
        architecture.parse("conv2d 3 3x3 sideways")


def test_table_lists_every_operation_with_its_weights():
    text = architecture.table(stack())
    assert "conv2d 32 3x3 same" in text and "262,272" in text and "total weights: 550,570" in text


def test_not_a_model():
    assert "is None" in failure(None)
    assert "could not be read as a Keras model" in failure("a string")
