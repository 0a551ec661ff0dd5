"""call casts its inputs to float32: under mixed_bfloat16 the output is float32, not the policy's
bfloat16.
"""

KIND = "wrong"
LOSES = [
    "test_lrn_mixed_precision",
]
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
        x = keras.ops.cast(inputs, "float32")
        channels = keras.ops.arange(x.shape[-1])
        band = keras.ops.abs(channels[:, None] - channels[None, :]) <= self.depth_radius
        sums = keras.ops.matmul(keras.ops.square(x), keras.ops.cast(band, "float32"))
        return x / (self.bias + self.alpha * sums) ** self.beta

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
