"""LRN from prefix sums along the channels (window sum = difference of two cumulative sums),
computed in float32 and cast back.
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
        squares = keras.ops.square(keras.ops.cast(inputs, "float32"))
        padded = keras.ops.pad(squares, [(0, 0), (0, 0), (0, 0), (r + 1, r)])
        prefix = keras.ops.cumsum(padded, axis=-1)
        sums = prefix[..., 2 * r + 1:] - prefix[..., :channels]
        scale = keras.ops.power(self.bias + self.alpha * sums, -self.beta)
        return inputs * keras.ops.cast(scale, inputs.dtype)

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
