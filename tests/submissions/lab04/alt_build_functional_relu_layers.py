"""build_cnn with the functional API, ReLU and Softmax as layers of their own."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for filters in (32, 64, 128):
        for _ in range(2):
            x = keras.layers.Conv2D(filters, (3, 3), padding="same")(x)
            x = keras.layers.ReLU()(x)
        x = keras.layers.MaxPool2D(pool_size=(2, 2), strides=2)(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dense(128)(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Dense(num_classes)(x)
    outputs = keras.layers.Softmax()(x)
    return keras.Model(inputs, outputs, name="cnn")
""",
}
