"""LRN as a 1-D convolution of the squared channels with a window of ones (channels reshaped to a
sequence per pixel).
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "lrn_layer": """\
@keras.saving.register_keras_serializable(package="cnnlab_lab06")
class LocalResponseNormalization(keras.layers.Layer):
    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, inputs):
        r = self.depth_radius
        channels = inputs.shape[-1]
        squares = keras.ops.reshape(keras.ops.square(inputs), (-1, channels, 1))
        kernel = keras.ops.ones((2 * r + 1, 1, 1), dtype=inputs.dtype)
        sums = keras.ops.conv(squares, kernel, padding="same")
        sums = keras.ops.reshape(sums, keras.ops.shape(inputs))
        return inputs / (self.bias + self.alpha * sums) ** self.beta

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
