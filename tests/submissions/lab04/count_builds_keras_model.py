"""cnn_param_count builds the stack in Keras and returns model.count_params(): right number,
but not counted by hand.
"""

KIND = "wrong"
LOSES = [
    "test_cnn_param_count",
    "test_cnn_param_count_input_shape",
    "test_cnn_param_count_odd_sizes",
    "test_cnn_param_count_other_stacks",
]
SOLUTIONS = {
    "cnn_param_count": """\
def cnn_param_count(input_shape, filters, kernel_size, dense_units, num_classes):
    layers = [keras.Input(shape=input_shape)]
    for f in filters:
        layers += [keras.layers.Conv2D(f, kernel_size, padding="same", activation="relu"),
                   keras.layers.Conv2D(f, kernel_size, padding="same", activation="relu"),
                   keras.layers.MaxPooling2D(2)]
    layers += [keras.layers.Flatten(), keras.layers.Dense(dense_units, activation="relu"),
               keras.layers.Dense(num_classes, activation="softmax")]
    return keras.Sequential(layers).count_params()
""",
}
