"""No get_config and no decorator: Keras 3 records the constructor's arguments itself, and
load_model finds the class through custom_objects.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "lrn_layer": """\
class LocalResponseNormalization(keras.layers.Layer):
    def __init__(self, depth_radius=2, bias=2.0, alpha=1e-4, beta=0.75, **kwargs):
        super().__init__(**kwargs)
        self.depth_radius = depth_radius
        self.bias = bias
        self.alpha = alpha
        self.beta = beta

    def call(self, inputs):
        channels = keras.ops.arange(inputs.shape[-1])
        band = keras.ops.abs(channels[:, None] - channels[None, :]) <= self.depth_radius
        sums = keras.ops.matmul(keras.ops.square(inputs), keras.ops.cast(band, inputs.dtype))
        return inputs / (self.bias + self.alpha * sums) ** self.beta
""",
}
