"""dense_params by building a Keras Dense layer and counting its parameters."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "dense_params": """\
def dense_params(n_inputs, n_units, bias=True):
    layer = keras.layers.Dense(n_units, use_bias=bias)
    layer.build((None, n_inputs))
    return layer.count_params()
""",
}
