"""The CIFAR-10 AlexNet without LRN."""

KIND = "wrong"
LOSES = [
    "test_alexnet_cifar_layers",
    "test_alexnet_cifar_shapes",
    "test_alexnet_cifar_params",
]
SOLUTIONS = {
    "build_alexnet_cifar": """\
def build_alexnet_cifar(input_shape=(32, 32, 3), num_classes=10):
    layers = keras.layers
    return keras.Sequential([
        keras.Input(input_shape),
        layers.Conv2D(48, 5, padding="same", activation="relu"),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(128, 5, padding="same", activation="relu"),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(192, 3, padding="same", activation="relu"),
        layers.Conv2D(192, 3, padding="same", activation="relu"),
        layers.Conv2D(128, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(3, strides=2),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(512, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(256, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
""",
}
