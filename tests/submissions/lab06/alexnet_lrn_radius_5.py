"""LRN layers built with depth_radius=5 (the paper's n = 5 taken as TensorFlow's depth_radius)."""

KIND = "wrong"
LOSES = [
    "test_alexnet_layers",
    "test_alexnet_shapes",
    "test_alexnet_params",
]
SOLUTIONS = {
    "build_alexnet": """\
def build_alexnet(input_shape=(227, 227, 3), num_classes=1000):
    layers = keras.layers
    return keras.Sequential([
        keras.Input(input_shape),
        layers.Conv2D(96, 11, strides=4, padding="valid", activation="relu"),
        LocalResponseNormalization(depth_radius=5),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(256, 5, padding="same", activation="relu"),
        LocalResponseNormalization(depth_radius=5),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(384, 3, padding="same", activation="relu"),
        layers.Conv2D(384, 3, padding="same", activation="relu"),
        layers.Conv2D(256, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(3, strides=2),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(4096, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(4096, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
""",
}
