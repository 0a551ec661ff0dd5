"""call hands the work to tf.nn.local_response_normalization: a library's own LRN costs every LRN
test.
"""

KIND = "wrong"
LOSES = [
    "test_lrn_formula",
    "test_lrn_tensorflow",
    "test_lrn_save_load",
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
        return tf.nn.local_response_normalization(inputs, depth_radius=self.depth_radius,
                                                  bias=self.bias, alpha=self.alpha,
                                                  beta=self.beta)

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
