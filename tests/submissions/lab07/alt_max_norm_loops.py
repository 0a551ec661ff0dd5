"""max_norm with a loop over the units: the unit axes moved to the front, one vector per
remaining index.
"""

KIND = "correct"
LOSES = []
SOLUTIONS = {
    "max_norm": """\
def max_norm(W, c, axis=0):
    W = np.array(W, dtype=np.float64)
    axes = [a % W.ndim for a in np.atleast_1d(axis)]
    others = [a for a in range(W.ndim) if a not in axes]
    moved = np.transpose(W, others + axes).copy()
    units = moved.reshape(int(np.prod([W.shape[a] for a in others])), -1)
    for row in units:
        norm = np.sqrt(np.sum(row ** 2))
        if norm > c:
            row *= c / norm
    moved = units.reshape(moved.shape)
    return np.transpose(moved, np.argsort(others + axes))
""",
}
