"""cnnlab: the helper package of a Keras course on convolutional networks (CIFAR-10).

Importing ``cnnlab`` is light (no TensorFlow) and makes the later TensorFlow import silent on
stderr, so that nbgrader never scores a passing test cell 0 for a log line; under nbgrader
(``NBGRADER_EXECUTION`` set) it also shows Python warnings on stdout rather than stderr.
Submodules are imported where they are used::

    from cnnlab import data, plots, train, checks
"""

import os

from cnnlab._quiet import quiet_tensorflow, warnings_to_stdout
from cnnlab.seed import set_seed

__version__ = "0.1.0"
__all__ = ["set_seed", "quiet_tensorflow", "__version__"]

quiet_tensorflow()
if os.environ.get("NBGRADER_EXECUTION"):
    warnings_to_stdout()
