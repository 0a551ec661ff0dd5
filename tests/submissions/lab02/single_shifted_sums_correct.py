"""conv2d_single as k*k shifted copies of the image, each scaled by one weight."""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "conv2d_single": """\
def conv2d_single(x, w, b=0.0):
    k = len(w)
    out_h, out_w = len(x) - k + 1, len(x[0]) - k + 1
    out = np.full((out_h, out_w), float(b))
    for u in range(k):
        for v in range(k):
            out += w[u][v] * np.asarray(x, dtype=float)[u:u + out_h, v:v + out_w]
    return out
""",
}
