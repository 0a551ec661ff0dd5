"""``cnnlab doctor``: is this machine ready for the labs?

Prints the versions that matter, the Keras backend, the CPU, the precision ``cnnlab.train``
will use, whether TensorFlow's oneDNN kernels are on (and why), where CIFAR-10 is found, and
whether importing Keras after ``cnnlab`` keeps stderr clean (nbgrader scores a test cell that
writes to stderr as 0). Exit status 1 when a problem was found.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata

from cnnlab import hardware

PACKAGES = ("tensorflow", "tensorflow-cpu", "keras", "numpy", "nbgrader", "jupyterlab")
# What a lab's first cell does; its stderr must stay empty.
STDERR_PROBE = "import cnnlab, keras; keras.ops.convert_to_tensor([1.0])"


def versions() -> dict[str, str]:
    """Python's version and each installed package's (packages not installed are left out)."""
    found = {"python": sys.version.split()[0]}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def stderr_after_import(code: str = STDERR_PROBE, timeout: float = 120.0) -> str:
    """What a fresh Python writes to stderr while running ``code`` ("" when clean)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
    )
    return result.stderr


def run() -> int:
    """Print the report; return 0 when everything is in order, 1 otherwise."""
    problems = []
    for name, version in versions().items():
        print(f"{name:<16}{version}")
    import keras  # after `import cnnlab`: quiet

    print(f"{'keras backend':<16}{keras.backend.backend()}")
    cpu = hardware.cpu_info()
    print(f"{'cpu':<16}{cpu.model}")
    print(f"{'cores':<16}{cpu.cores}")
    print(f"{'cpu features':<16}{', '.join(cpu.reported_flags()) or 'unknown'}")
    reason = ("bfloat16 instructions (AMX-BF16 or AVX512-BF16)" if cpu.bf16_instructions
              else "no bfloat16 instructions")
    if os.environ.get(hardware.PRECISION_ENV):
        reason = f"${hardware.PRECISION_ENV}"
    try:
        print(f"{'precision':<16}{hardware.choose_precision(cpu)} ({reason})")
    except ValueError as error:
        problems.append(str(error))
    try:
        choice = hardware.choose_onednn(cpu)
    except ValueError as error:
        problems.append(str(error))
    else:
        running = hardware.onednn_enabled()
        print(f"{'onednn':<16}{choice.describe()}; TensorFlow reports "
              f"{'on' if running else 'off'}")
        if choice.environment is not None and running != (choice.environment == "1"):
            problems.append(
                f"oneDNN should be {'on' if choice.environment == '1' else 'off'} but "
                f"TensorFlow reports it {'on' if running else 'off'} (was TensorFlow imported "
                "before cnnlab, or is this TensorFlow built without oneDNN?)"
            )
    gpus = hardware.gpus() or []
    print(f"{'gpus':<16}{', '.join(gpus) or 'none'}")

    from cnnlab.data import locate_cifar10

    where = locate_cifar10()
    print(f"{'cifar-10':<16}{where or 'not found locally (`cnnlab data download` fetches it)'}")

    noise = stderr_after_import()
    if noise.strip():
        problems.append("importing keras after cnnlab wrote to stderr:\n" + noise.rstrip())
    state = "NOT clean" if noise.strip() else "clean after `import cnnlab, keras`"
    print(f"{'stderr':<16}{state}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0

