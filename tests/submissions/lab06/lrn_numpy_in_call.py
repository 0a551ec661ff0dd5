"""call converts its inputs to NumPy: it works eagerly but not inside a model's graph, so no
model that uses it can be built (every LRN and AlexNet test).
"""

KIND = "wrong"
LOSES = [
    "test_lrn_formula",
    "test_lrn_tensorflow",
    "test_lrn_save_load",
    "test_lrn_mixed_precision",
    "test_alexnet_layers",
    "test_alexnet_shapes",
    "test_alexnet_params",
    "test_alexnet_cifar_layers",
    "test_alexnet_cifar_shapes",
    "test_alexnet_cifar_params",
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
        a = np.asarray(inputs, dtype="float64")
        r = self.depth_radius
        padded = np.pad(a ** 2, [(0, 0), (0, 0), (0, 0), (r, r)])
        sums = sum(padded[..., i:i + a.shape[-1]] for i in range(2 * r + 1))
        out = a / (self.bias + self.alpha * sums) ** self.beta
        return keras.ops.convert_to_tensor(out.astype("float32"))

    def get_config(self):
        return {**super().get_config(), "depth_radius": self.depth_radius, "bias": self.bias,
                "alpha": self.alpha, "beta": self.beta}
""",
}
