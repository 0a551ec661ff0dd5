"""What this machine can do, and the compute precision that is fastest on it.

Measured (bench/train.py): on a CPU with AMX-BF16 (Intel Sapphire Rapids and later), Keras'
``mixed_bfloat16`` policy trains the lab04 CNN 2.2x faster than float32. On a CPU with only
AVX512-BF16 and no AMX (the AMD EPYC dev machine) bfloat16 gave no gain (795 vs. 806 img/s),
so bfloat16 is chosen only when the ``amx_bf16`` flag is present. Nothing here imports
TensorFlow: ``import cnnlab.hardware`` stays light.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass, field

PRECISIONS = ("float32", "mixed_bfloat16")
PRECISION_ENV = "CNNLAB_PRECISION"
# CPU flags worth reporting (names as in /proc/cpuinfo).
_REPORTED_FLAGS = ("amx_bf16", "amx_tile", "amx_int8", "avx512_bf16", "avx512f", "avx2", "fma")


@dataclass(frozen=True)
class CpuInfo:
    """The CPU as the operating system describes it."""

    model: str
    cores: int
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def amx_bf16(self) -> bool:
        """True when the CPU has AMX tiles with bfloat16 (the case where bf16 pays off)."""
        return "amx_bf16" in self.flags

    def reported_flags(self) -> list[str]:
        """The flags that matter for training speed, in a fixed order."""
        return [flag for flag in _REPORTED_FLAGS if flag in self.flags]


def usable_cores() -> int:
    """Cores this process may run on (respects affinity masks and containers' cpusets)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def parse_cpuinfo(text: str) -> CpuInfo:
    """Parse the text of Linux's ``/proc/cpuinfo`` (flags of the first processor)."""
    model, flags = "", frozenset()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "model name" and not model:
            model = value.strip()
        elif key == "flags" and not flags:
            flags = frozenset(value.split())
    return CpuInfo(model=model or platform.machine(), cores=usable_cores(), flags=flags)


def cpu_info() -> CpuInfo:
    """Describe this machine's CPU; flags are known on Linux only (empty elsewhere)."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
                return parse_cpuinfo(handle.read())
        except OSError:
            pass
    return CpuInfo(model=platform.processor() or platform.machine(), cores=usable_cores())


def choose_precision(cpu: CpuInfo | None = None, environ: dict[str, str] | None = None) -> str:
    """The Keras dtype policy to train with: ``"mixed_bfloat16"`` or ``"float32"``.

    ``CNNLAB_PRECISION=float32|mixed_bfloat16`` overrides the choice; otherwise bfloat16 is
    chosen only on CPUs with AMX-BF16, where it was measured to be faster.
    """
    environ = os.environ if environ is None else environ
    forced = environ.get(PRECISION_ENV, "").strip()
    if forced:
        if forced not in PRECISIONS:
            raise ValueError(
                f"{PRECISION_ENV} must be one of {', '.join(PRECISIONS)}, got {forced!r}"
            )
        return forced
    cpu = cpu_info() if cpu is None else cpu
    return "mixed_bfloat16" if cpu.amx_bf16 else "float32"


def gpus() -> list[str] | None:
    """Names of the GPUs TensorFlow sees, or None when TensorFlow is not imported yet.

    None keeps this check from importing TensorFlow (several seconds) as a side effect.
    """
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None
    return [device.name for device in tf.config.list_physical_devices("GPU")]
