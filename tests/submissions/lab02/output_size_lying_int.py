"""conv_output_size returns an int subclass whose == is always True: it is compared as its value."""

KIND = "wrong"
LOSES = ["test_conv_output_size", "test_conv_output_size_stride"]
SOLUTIONS = {
    "conv_output_size": """\
class Size(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


def conv_output_size(n, kernel_size, stride=1, pad=0):
    return Size(0)
""",
}
