"""Lab 04's CNN with the functional API and separate ReLU layers."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    inputs = keras.Input(input_shape)
    x = inputs
    for filters in (32, 64, 128):
        for _ in range(2):
            x = keras.layers.ReLU()(keras.layers.Conv2D(filters, 3, padding="same")(x))
        x = keras.layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = keras.layers.Dense(128, activation="relu")(keras.layers.Flatten()(x))
    return keras.Model(inputs, keras.layers.Dense(num_classes, activation="softmax")(x))
""",
}
