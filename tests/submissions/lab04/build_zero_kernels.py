"""build_cnn initializes every kernel with zeros: the structure is right, but every filter
starts (and stays) the same and the network cannot learn.
"""

KIND = "wrong"
LOSES = ["test_cnn_accuracy"]
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    layers = [keras.Input(shape=input_shape)]
    for filters in (32, 64, 128):
        layers += [keras.layers.Conv2D(filters, 3, padding="same", activation="relu",
                                       kernel_initializer="zeros"),
                   keras.layers.Conv2D(filters, 3, padding="same", activation="relu",
                                       kernel_initializer="zeros"),
                   keras.layers.MaxPooling2D(2)]
    layers += [keras.layers.Flatten(),
               keras.layers.Dense(128, activation="relu", kernel_initializer="zeros"),
               keras.layers.Dense(num_classes, activation="softmax", kernel_initializer="zeros")]
    return keras.Sequential(layers)
""",
}
