"""Sequential AlexNet with each dropout just after its dense layer, LRN with its settings spelled
out.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_alexnet": """\
def build_alexnet(input_shape=(227, 227, 3), num_classes=1000):
    layers = keras.layers
    return keras.Sequential([
        keras.Input(input_shape),
        layers.Conv2D(96, 11, strides=4, padding="valid", activation="relu"),
        LocalResponseNormalization(depth_radius=2, bias=2, alpha=1e-4, beta=0.75),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(256, 5, padding="same", activation="relu"),
        LocalResponseNormalization(),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(384, 3, padding="same", activation="relu"),
        layers.Conv2D(384, 3, padding="same", activation="relu"),
        layers.Conv2D(256, 3, padding="same", activation="relu"),
        layers.MaxPooling2D(3, strides=2),
        layers.Flatten(),
        layers.Dense(4096, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(4096, activation="relu"),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ])
""",
}
