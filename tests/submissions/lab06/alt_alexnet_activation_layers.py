"""AlexNet built with model.add, Activation('relu') layers and a final Activation('softmax')."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "build_alexnet": """\
def build_alexnet(input_shape=(227, 227, 3), num_classes=1000):
    layers = keras.layers
    model = keras.Sequential()
    model.add(keras.Input(input_shape))
    convs = [(96, 11, 4, "valid", True, True), (256, 5, 1, "same", True, True),
             (384, 3, 1, "same", False, False), (384, 3, 1, "same", False, False),
             (256, 3, 1, "same", False, True)]
    for filters, size, stride, padding, normalize, pool in convs:
        model.add(layers.Conv2D(filters, size, strides=stride, padding=padding))
        model.add(layers.Activation("relu"))
        if normalize:
            model.add(LocalResponseNormalization())
        if pool:
            model.add(layers.MaxPooling2D(3, 2))
    model.add(layers.Flatten())
    for units in (4096, 4096):
        model.add(layers.Dropout(0.5))
        model.add(layers.Dense(units))
        model.add(layers.Activation("relu"))
    model.add(layers.Dense(num_classes))
    model.add(layers.Activation("softmax"))
    return model
""",
}
