"""The window one channel short: 2r shifted slices (c - r ... c + r - 1) instead of 2r + 1."""

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
        r = self.depth_radius
        channels = inputs.shape[-1]
        squares = keras.ops.pad(keras.ops.square(inputs), [(0, 0), (0, 0), (0, 0), (r, r)])
        sums = squares[..., 0:channels]
        for i in range(1, 2 * r):
            sums = sums + squares[..., i:i + channels]
        return inputs / (self.bias + self.alpha * sums) ** self.beta

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
