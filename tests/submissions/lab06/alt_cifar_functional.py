"""The CIFAR-10 AlexNet with the functional API, separate ReLU layers and dropout after each
hidden dense layer.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_alexnet_cifar": """\
def build_alexnet_cifar(input_shape=(32, 32, 3), num_classes=10):
    layers = keras.layers
    inputs = keras.Input(input_shape)
    x = inputs
    for filters in (48, 128):
        x = layers.ReLU()(layers.Conv2D(filters, 5, padding="same")(x))
        x = layers.MaxPooling2D(3, 2)(LocalResponseNormalization()(x))
    for filters in (192, 192, 128):
        x = layers.ReLU()(layers.Conv2D(filters, 3, padding="same")(x))
    x = layers.Flatten()(layers.MaxPooling2D(3, 2)(x))
    for units in (512, 256):
        x = layers.Dropout(0.5)(layers.Dense(units, activation="relu")(x))
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
""",
}
