"""build_regularized_cnn with Dropout after every pooling layer as well, L2 written as
L1L2(l2=...) (the same penalty) and a layer list.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_regularized_cnn": """\
def build_regularized_cnn(kind, strength, input_shape=(32, 32, 3), num_classes=10,
                          filters=(32, 64, 128), dense_units=128):
    settings = {}
    if kind == "l2":
        settings["kernel_regularizer"] = keras.regularizers.L1L2(l2=keras_l2_factor(strength))
    elif kind == "l1":
        settings["kernel_regularizer"] = keras.regularizers.L1(l1=strength)
    elif kind == "elastic_net":
        settings["kernel_regularizer"] = keras.regularizers.L1L2(strength, strength)
    conv = dict(settings)
    dense = dict(settings)
    if kind == "max_norm":
        conv["kernel_constraint"] = keras.constraints.MaxNorm(strength, axis=(0, 1, 2))
        dense["kernel_constraint"] = keras.constraints.MaxNorm(strength, axis=0)
    layers = [keras.Input(input_shape)]
    for n in filters:
        layers += [keras.layers.Conv2D(n, 3, padding="same", activation="relu", **conv),
                   keras.layers.Conv2D(n, 3, padding="same", activation="relu", **conv),
                   keras.layers.MaxPooling2D()]
        if kind == "dropout":
            layers.append(keras.layers.Dropout(strength))
    layers += [keras.layers.Flatten(),
               keras.layers.Dense(dense_units, activation="relu", **dense)]
    if kind == "dropout":
        layers.append(keras.layers.Dropout(strength))
    layers.append(keras.layers.Dense(num_classes, activation="softmax", **dense))
    return keras.Sequential(layers)
""",
}
