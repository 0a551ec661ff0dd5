"""build_regularized_cnn with the functional API, separate ReLU and Softmax layers, a new
regularizer object per layer.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_regularized_cnn": """\
def build_regularized_cnn(kind, strength, input_shape=(32, 32, 3), num_classes=10,
                          filters=(32, 64, 128), dense_units=128):
    def penalty():
        if kind == "l2":
            return keras.regularizers.L2(keras_l2_factor(strength))
        if kind == "l1":
            return keras.regularizers.L1(strength)
        if kind == "elastic_net":
            return keras.regularizers.L1L2(l1=strength, l2=strength)
        return None

    def bound(axes):
        if kind != "max_norm":
            return None
        return keras.constraints.MaxNorm(max_value=strength, axis=axes)

    inputs = keras.Input(shape=input_shape)
    x = inputs
    for n in filters:
        for _ in range(2):
            x = keras.layers.Conv2D(n, (3, 3), padding="same", kernel_regularizer=penalty(),
                                    kernel_constraint=bound((0, 1, 2)))(x)
            x = keras.layers.ReLU()(x)
        x = keras.layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(dense_units, kernel_regularizer=penalty(),
                           kernel_constraint=bound([0]))(x)
    x = keras.layers.Activation("relu")(x)
    if kind == "dropout":
        x = keras.layers.Dropout(rate=strength)(x)
    x = keras.layers.Dense(num_classes, kernel_regularizer=penalty(),
                           kernel_constraint=bound([0]))(x)
    outputs = keras.layers.Softmax()(x)
    return keras.Model(inputs, outputs)
""",
}
