"""build_cnn without keras.Input: the Sequential model is built with model.build((None,
*input_shape)).
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    model = keras.Sequential()
    for filters in (32, 64, 128):
        model.add(keras.layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(keras.layers.Conv2D(filters, 3, padding="same", activation="relu"))
        model.add(keras.layers.MaxPooling2D(2))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(128, activation="relu"))
    model.add(keras.layers.Dense(num_classes, activation="softmax"))
    model.build((None, *input_shape))
    return model
""",
}
