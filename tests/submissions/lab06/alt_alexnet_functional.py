"""AlexNet with the functional API and separate ReLU layers."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_alexnet": """\
def build_alexnet(input_shape=(227, 227, 3), num_classes=1000):
    layers = keras.layers
    inputs = keras.Input(shape=input_shape)
    x = layers.ReLU()(layers.Conv2D(96, (11, 11), strides=(4, 4))(inputs))
    x = layers.MaxPooling2D(pool_size=3, strides=2)(LocalResponseNormalization()(x))
    x = layers.ReLU()(layers.Conv2D(256, (5, 5), padding="same")(x))
    x = layers.MaxPooling2D(pool_size=3, strides=2)(LocalResponseNormalization()(x))
    for filters in (384, 384, 256):
        x = layers.ReLU()(layers.Conv2D(filters, 3, padding="same")(x))
    x = layers.Flatten()(layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2))(x))
    for units in (4096, 4096):
        x = layers.ReLU()(layers.Dense(units)(layers.Dropout(0.5)(x)))
    outputs = layers.Softmax()(layers.Dense(num_classes)(x))
    return keras.Model(inputs, outputs)
""",
}
