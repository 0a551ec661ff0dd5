"""build_cnn ends in Dense(num_classes) without the softmax (it outputs scores, not
probabilities).
"""

KIND = "wrong"
LOSES = [
    "test_build_cnn_layers",
    "test_build_cnn_shapes",
    "test_build_cnn_params",
    "test_cnn_accuracy",
]
SOLUTIONS = {
    "build_cnn": """\
def build_cnn(input_shape=(32, 32, 3), num_classes=10):
    layers = [keras.Input(shape=input_shape)]
    for filters in (32, 64, 128):
        layers += [keras.layers.Conv2D(filters, 3, padding="same", activation="relu"),
                   keras.layers.Conv2D(filters, 3, padding="same", activation="relu"),
                   keras.layers.MaxPooling2D(2)]
    layers += [keras.layers.Flatten(),
               keras.layers.Dense(128, activation="relu"),
               keras.layers.Dense(num_classes)]
    return keras.Sequential(layers)
""",
}
