"""conv2d_single flips the kernel (a true convolution)."""

KIND = "wrong"
LOSES = ["test_conv2d_single", "test_conv2d_single_flipped"]
SOLUTIONS = {
    "conv2d_single": """\
def conv2d_single(x, w, b=0.0):
    w = np.asarray(w)[::-1, ::-1]
    k = w.shape[0]
    out = np.zeros((x.shape[0] - k + 1, x.shape[1] - k + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(w * x[i:i + k, j:j + k]) + b
    return out
""",
}
