"""elastic_net_penalty uses keras.regularizers.L1L2."""

KIND = "wrong"
LOSES = ["test_elastic_net_penalty"]
SOLUTIONS = {
    "elastic_net_penalty": """\
def elastic_net_penalty(weights, lam1, lam2):
    regularizer = keras.regularizers.L1L2(l1=lam1, l2=lam2)
    return float(sum(keras.ops.convert_to_numpy(regularizer(np.asarray(w, dtype="float64")))
                     for w in weights))
""",
}
