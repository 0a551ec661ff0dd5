"""build_regularized_cnn puts Dropout after the Flatten (before the hidden Dense layer) instead
of after the hidden Dense layer.
"""

KIND = "wrong"
LOSES = ["test_build_dropout"]
SOLUTIONS = {
    "build_regularized_cnn": """\
def build_regularized_cnn(kind, strength, input_shape=(32, 32, 3), num_classes=10,
                          filters=(32, 64, 128), dense_units=128):
    penalty = {
        "l2": lambda: keras.regularizers.L2(keras_l2_factor(strength)),
        "l1": lambda: keras.regularizers.L1(strength),
        "elastic_net": lambda: keras.regularizers.L1L2(l1=strength, l2=strength),
    }.get(kind, lambda: None)()
    conv_bound = keras.constraints.MaxNorm(strength, axis=[0, 1, 2]) if kind == "max_norm" else None
    dense_bound = keras.constraints.MaxNorm(strength, axis=0) if kind == "max_norm" else None
    conv_extra = {}
    dense_extra = {}
    out_extra = {}
    model = keras.Sequential([keras.Input(input_shape)])
    for n_filters in filters:
        for _ in range(2):
            model.add(keras.layers.Conv2D(n_filters, 3, padding="same", activation="relu",
                                          kernel_regularizer=penalty,
                                          kernel_constraint=conv_bound, **conv_extra))
        model.add(keras.layers.MaxPooling2D(2))
    model.add(keras.layers.Flatten())
    if kind == "dropout":
        model.add(keras.layers.Dropout(strength))
    model.add(keras.layers.Dense(dense_units, activation="relu",
                                 kernel_regularizer=penalty,
                                 kernel_constraint=dense_bound, **dense_extra))
    model.add(keras.layers.Dense(num_classes, activation="softmax",
                                 kernel_regularizer=penalty,
                                 kernel_constraint=dense_bound, **out_extra))
    return model
""",
}
