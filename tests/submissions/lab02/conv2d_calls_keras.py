"""conv2d hands the work to keras.layers.Conv2D instead of computing it with NumPy."""

KIND = "wrong"
LOSES = ["test_conv2d_from_scratch"]
SOLUTIONS = {
    "conv2d": """\
def conv2d(x, weights, bias, stride=1, padding="valid"):
    weights = np.asarray(weights, dtype=np.float64)
    layer = keras.layers.Conv2D(weights.shape[-1], weights.shape[:2], strides=stride,
                                padding=padding, dtype="float64")
    layer.build((None, *np.shape(x)))
    layer.set_weights([weights, np.asarray(bias, dtype=np.float64)])
    return keras.ops.convert_to_numpy(layer(np.asarray(x, dtype=np.float64)[None]))[0]
""",
}
