"""LRN over a (2r + 1) x (2r + 1) window of neighbouring pixels of the same channel instead of
neighbouring channels.
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
        r = self.depth_radius
        height, width = inputs.shape[1], inputs.shape[2]
        squares = keras.ops.pad(keras.ops.square(inputs), [(0, 0), (r, r), (r, r), (0, 0)])
        sums = 0.0
        for i in range(2 * r + 1):
            for j in range(2 * r + 1):
                sums = sums + squares[:, i:i + height, j:j + width, :]
        return inputs / (self.bias + self.alpha * sums) ** self.beta

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
