"""A stub: build_regularized_cnn raises ValueError instead of building a model. Every run of the
comparison fails, so there is nothing to train; the graded facts must not pass for want of runs.
"""

KIND = "wrong"
LOSES = [
    "test_build_structure",
    "test_build_penalties",
    "test_build_max_norm",
    "test_build_dropout",
    "test_fact_weight_norm",
    "test_fact_sparsity",
    "test_fact_max_norm",
]
SOLUTIONS = {
    "build_regularized_cnn": """\
def build_regularized_cnn(kind, strength, input_shape=(32, 32, 3), num_classes=10,
                          filters=(32, 64, 128), dense_units=128):
    raise ValueError(f"{kind} is not supported yet")
""",
}
