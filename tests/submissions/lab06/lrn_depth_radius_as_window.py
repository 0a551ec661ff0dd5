"""depth_radius read as Caffe's window size n: a half-width of depth_radius // 2 (3 channels
instead of 5).
"""

KIND = "wrong"
LOSES = [
    "test_lrn_formula",
    "test_lrn_tensorflow",
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
        channels = keras.ops.arange(inputs.shape[-1])
        band = keras.ops.abs(channels[:, None] - channels[None, :]) <= self.depth_radius // 2
        sums = keras.ops.matmul(keras.ops.square(inputs), keras.ops.cast(band, inputs.dtype))
        return inputs / (self.bias + self.alpha * sums) ** self.beta

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
