"""LRN with a Python loop over the channels, each window clipped to the channels that exist,
stacked back.
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
        squares = keras.ops.square(inputs)
        outputs = []
        for c in range(inputs.shape[-1]):
            total = keras.ops.sum(squares[..., max(0, c - r):c + r + 1], axis=-1)
            outputs.append(inputs[..., c] / (self.bias + self.alpha * total) ** self.beta)
        return keras.ops.stack(outputs, axis=-1)

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
