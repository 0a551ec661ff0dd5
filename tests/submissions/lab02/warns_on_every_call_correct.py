"""Correct relu and conv_output_size that warn on every call (Runtime-, DeprecationWarning).

Under autograde the warnings go to stdout (cnnlab), so they cost no points: nbgrader scores a
test cell that writes to stderr 0 even when it passes.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "relu": '''\
import warnings


def relu(x):
    x = np.asarray(x)
    with np.errstate(invalid="warn"):
        np.float64(0.0) * np.float64(np.inf)  # 0 * inf: a RuntimeWarning, on every call
    return np.where(x > 0, x, 0).astype(x.dtype) if x.dtype.kind == "f" else np.maximum(x, 0)
''',
    "conv_output_size": '''\
import warnings


def conv_output_size(n, kernel_size, stride=1, pad=0):
    warnings.warn("conv_output_size: the old argument order is deprecated", DeprecationWarning,
                  stacklevel=2)
    return (n + 2 * pad - kernel_size) // stride + 1
''',
}
