"""conv2d_single returns scipy.signal.correlate2d (imported in its cell) instead of sliding w.

A library call costs all of the function's points: every conv2d_single test and the from-scratch
check.
"""

KIND = "wrong"
LOSES = [
    "test_conv2d_single",
    "test_conv2d_single_flipped",
    "test_conv2d_single_bias",
    "test_conv2d_from_scratch",
]
SOLUTIONS = {
    "conv2d_single": """\
from scipy.signal import correlate2d


def conv2d_single(x, w, b=0.0):
    x = np.asarray(x, dtype=np.float64)
    return correlate2d(x, np.asarray(w, dtype=np.float64), mode="valid") + b
""",
}
