"""Lab 04's CNN with one convolution per block instead of two."""

KIND = "wrong"
LOSES = [
    "test_build_cnn",
]
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    model = keras.Sequential([keras.Input(input_shape)])
    for filters in (32, 64, 128):
        model.add(keras.layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(keras.layers.MaxPooling2D(2))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(128, activation="relu"))
    model.add(keras.layers.Dense(num_classes, activation="softmax"))
    return model
""",
}
