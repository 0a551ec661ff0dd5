"""l2_penalty hands the work to keras.regularizers.L2 (a library call costs all of the
function's points).
"""

KIND = "wrong"
LOSES = ["test_l2_penalty"]
SOLUTIONS = {
    "l2_penalty": """\
def l2_penalty(weights, lam):
    regularizer = keras.regularizers.L2(lam / 2)
    return float(sum(keras.ops.convert_to_numpy(regularizer(np.asarray(w, dtype="float64")))
                     for w in weights))
""",
}
