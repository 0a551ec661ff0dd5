"""build_cnn as a Sequential of three Sequential blocks (a helper builds each block)."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_cnn": """\
def conv_block(filters):
    return keras.Sequential([
        keras.layers.Conv2D(filters, 3, padding="same", activation="relu"),
        keras.layers.Conv2D(filters, 3, padding="same", activation="relu"),
        keras.layers.MaxPooling2D(2),
    ], name=f"block_{filters}")


def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        conv_block(32), conv_block(64), conv_block(128),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(num_classes, activation="softmax"),
    ])
""",
}
