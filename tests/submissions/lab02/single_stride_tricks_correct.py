"""conv2d_single with sliding_window_view and einsum."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d_single": """\
def conv2d_single(x, w, b=0.0):
    windows = np.lib.stride_tricks.sliding_window_view(np.asarray(x, dtype=float), np.shape(w))
    return np.einsum("ijuv,uv->ij", windows, w) + b
""",
}
