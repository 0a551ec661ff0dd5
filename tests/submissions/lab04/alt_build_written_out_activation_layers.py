"""build_cnn written out layer by layer with model.add and Activation layers."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    model = keras.Sequential(name="lecture_cnn")
    model.add(keras.Input(shape=input_shape))
    model.add(keras.layers.Conv2D(32, kernel_size=3, padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.Conv2D(32, kernel_size=3, padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.MaxPooling2D())
    model.add(keras.layers.Conv2D(64, kernel_size=3, padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.Conv2D(64, kernel_size=3, padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.MaxPooling2D())
    model.add(keras.layers.Conv2D(128, kernel_size=3, padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.Conv2D(128, kernel_size=3, padding="same"))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.MaxPooling2D())
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(128))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.Dense(num_classes))
    model.add(keras.layers.Activation("softmax"))
    return model
""",
}
