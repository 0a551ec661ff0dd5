"""conv_params by building a Keras Conv2D layer and counting its parameters."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv_params": """\
def conv_params(kernel_size, in_channels, filters, bias=True):
    layer = keras.layers.Conv2D(filters, kernel_size, use_bias=bias)
    layer.build((None, kernel_size, kernel_size, in_channels))
    return layer.count_params()
""",
}
