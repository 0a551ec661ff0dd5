"""local_params rounds the number of strided windows up (a window that would leave the image)."""

KIND = "wrong"
LOSES = ["test_local_params_stride"]
SOLUTIONS = {
    "local_params": """\
def local_params(input_shape, kernel_size, filters, stride=1, bias=True):
    import math
    height, width, channels = input_shape
    out_h = math.ceil((height - kernel_size) / stride) + 1
    out_w = math.ceil((width - kernel_size) / stride) + 1
    return out_h * out_w * filters * (kernel_size * kernel_size * channels + int(bias))
""",
}
