"""CIFAR-10 and other images for the labs, loaded the same way everywhere.

>>> from cnnlab.data import CLASS_NAMES, load_cifar10
>>> (x_train, y_train), (x_test, y_test) = load_cifar10(subset=(5000, 1000), seed=0)
>>> x_train.shape, x_train.dtype, y_train.shape      # ((5000, 32, 32, 3), uint8, (5000,))

``load_cifar10`` finds CIFAR-10 (``source=``, ``$CNNLAB_DATA``, the project's cache, the Keras
cache, or a download), decodes it once into ``data/cifar10.npz`` and reads that afterwards.
``make_synthetic`` is the offline stand-in; ``load_sample_image`` gives real photos for
convolution demos. Importing this package is light: NumPy only.
"""

from cnnlab.data.cifar10 import find_source, load_cifar10, locate_cifar10
from cnnlab.data.download import download_cifar10
from cnnlab.data.errors import DatasetError, DatasetNotFoundError, DownloadError
from cnnlab.data.samples import SAMPLE_IMAGES, load_sample_image
from cnnlab.data.spec import CLASS_NAMES, Dataset
from cnnlab.data.synthetic import make_synthetic

__all__ = [
    "CLASS_NAMES",
    "SAMPLE_IMAGES",
    "Dataset",
    "DatasetError",
    "DatasetNotFoundError",
    "DownloadError",
    "download_cifar10",
    "find_source",
    "load_cifar10",
    "load_sample_image",
    "locate_cifar10",
    "make_synthetic",
]
