"""What this machine can do, and the TensorFlow settings that are fastest on it.

Two choices are made from the CPU's flags, never assumed:

- Precision. On a CPU with bfloat16 instructions, Keras' ``mixed_bfloat16`` policy trains the
  lab04 CNN faster than float32: 2.2x with AMX-BF16 (Intel Sapphire Rapids and later); with
  AVX512-BF16 and no AMX (an AMD EPYC) 1.67x less CPU time per image and 1.6-2.7x the images/s
  (bench/train.py --precision-only, 5 and 3 pairs; an earlier pair of single runs at batch 512
  showed no gain: the wall clock of these shared machines swings 2x). Without either flag
  bfloat16 is emulated, so float32 stays the choice there.
- oneDNN. TensorFlow on Linux turns its oneDNN kernels on by default only on CPUs with
  AVX512_VNNI, AVX512_BF16, AVX_VNNI or AMX; there they stay as TensorFlow has them. On an
  x86-64 CPU with AVX2 but none of those, TensorFlow leaves oneDNN off, and turning it on
  measured faster (lab04 CNN 245-315 vs. 200 img/s on an AVX2-only AMD EPYC; bench/train.py),
  so ``apply_onednn_choice`` sets ``TF_ENABLE_ONEDNN_OPTS=1`` before TensorFlow is imported.
  Elsewhere (Apple silicon, other ARM CPUs, unknown flags) nothing was measured and
  TensorFlow's own default is kept.

Nothing here imports TensorFlow: ``import cnnlab.hardware`` stays light.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass, field

PRECISIONS = ("float32", "mixed_bfloat16")
PRECISION_ENV = "CNNLAB_PRECISION"
ONEDNN_ENV = "CNNLAB_ONEDNN"
TF_ONEDNN_ENV = "TF_ENABLE_ONEDNN_OPTS"
# The flags (as in /proc/cpuinfo) for which TensorFlow 2.x on Linux turns oneDNN on by itself
# (DefaultOneDnnPolicy in tensorflow/core/util/port.cc).
TF_ONEDNN_DEFAULT_FLAGS = (
    "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16"
)
# CPU flags worth reporting (names as in /proc/cpuinfo).
_REPORTED_FLAGS = (
    "amx_bf16", "amx_tile", "amx_int8", "avx512_bf16", "avx512_vnni", "avx_vnni", "avx512f",
    "avx2", "fma",
)
_TRUE, _FALSE = ("1", "true"), ("0", "false")


@dataclass(frozen=True)
class CpuInfo:
    """The CPU as the operating system describes it."""

    model: str
    cores: int
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def amx_bf16(self) -> bool:
        """True when the CPU has AMX tiles with bfloat16."""
        return "amx_bf16" in self.flags

    @property
    def bf16_instructions(self) -> bool:
        """True when the CPU computes bfloat16 in hardware (AMX-BF16 or AVX512-BF16): the
        kinds where mixed bfloat16 was measured faster than float32."""
        return self.amx_bf16 or "avx512_bf16" in self.flags

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
    chosen only on CPUs with bfloat16 instructions (AMX-BF16 or AVX512-BF16), where it was
    measured to be faster.
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
    return "mixed_bfloat16" if cpu.bf16_instructions else "float32"


@dataclass(frozen=True)
class OneDnnChoice:
    """Whether TensorFlow's oneDNN kernels will be on, and why.

    ``enabled`` is None when cnnlab leaves the decision to TensorFlow on a CPU it cannot
    describe; ``environment`` is the value ``TF_ENABLE_ONEDNN_OPTS`` gets (None: left alone).
    """

    enabled: bool | None
    reason: str
    environment: str | None = None

    def describe(self) -> str:
        state = {True: "on", False: "off", None: "TensorFlow's default"}[self.enabled]
        return f"{state} ({self.reason})"


def tensorflow_onednn_default(cpu: CpuInfo) -> bool | None:
    """Whether TensorFlow turns oneDNN on by itself on ``cpu`` (None: flags unknown)."""
    if not cpu.flags:
        return None
    return any(flag in cpu.flags for flag in TF_ONEDNN_DEFAULT_FLAGS)


def choose_onednn(cpu: CpuInfo | None = None, environ: dict[str, str] | None = None
                  ) -> OneDnnChoice:
    """Decide TensorFlow's oneDNN setting for ``cpu``; see the module docstring for the rule.

    ``CNNLAB_ONEDNN=0|1`` overrides the choice; an explicit ``TF_ENABLE_ONEDNN_OPTS`` is kept.
    """
    environ = os.environ if environ is None else environ
    forced = environ.get(ONEDNN_ENV, "").strip().lower()
    if forced:
        if forced not in _TRUE + _FALSE:
            raise ValueError(f"{ONEDNN_ENV} must be 0 or 1, got {environ[ONEDNN_ENV]!r}")
        on = forced in _TRUE
        return OneDnnChoice(on, f"${ONEDNN_ENV}={environ[ONEDNN_ENV].strip()}", "1" if on else "0")
    explicit = environ.get(TF_ONEDNN_ENV, "").strip().lower()
    if explicit in _TRUE + _FALSE:
        return OneDnnChoice(explicit in _TRUE, f"${TF_ONEDNN_ENV} set")
    cpu = cpu_info() if cpu is None else cpu
    default = tensorflow_onednn_default(cpu)
    if default:
        found = [flag for flag in TF_ONEDNN_DEFAULT_FLAGS if flag in cpu.flags]
        return OneDnnChoice(True, f"TensorFlow's default with {', '.join(found)}")
    if default is False and "avx2" in cpu.flags:
        return OneDnnChoice(
            True, "AVX2 without AVX512_VNNI/AVX512_BF16/AMX: TensorFlow leaves it off, "
            "turned on because it measured faster", "1"
        )
    if default is False:
        return OneDnnChoice(False, "no AVX2: TensorFlow leaves it off, not measured here")
    return OneDnnChoice(None, "CPU flags unknown: not measured here")


def apply_onednn_choice(environ: dict[str, str] | None = None) -> OneDnnChoice:
    """Set ``TF_ENABLE_ONEDNN_OPTS`` as ``choose_onednn`` decides, before TensorFlow starts.

    Once TensorFlow is imported its setting is fixed; then nothing is changed. An invalid
    ``CNNLAB_ONEDNN`` leaves everything as it is (``cnnlab doctor`` reports it).
    """
    environ = os.environ if environ is None else environ
    try:
        choice = choose_onednn(environ=environ)
    except ValueError as error:
        return OneDnnChoice(None, str(error))
    if choice.environment is not None and "tensorflow" not in sys.modules:
        environ[TF_ONEDNN_ENV] = choice.environment
    return choice


def onednn_enabled() -> bool | None:
    """Whether the imported TensorFlow runs oneDNN kernels (None before it is imported)."""
    if "tensorflow" not in sys.modules:
        return None
    from tensorflow.python.util import _pywrap_util_port

    return bool(_pywrap_util_port.IsMklEnabled())


def gpus() -> list[str] | None:
    """Names of the GPUs TensorFlow sees, or None when TensorFlow is not imported yet.

    None keeps this check from importing TensorFlow (several seconds) as a side effect.
    """
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None
    return [device.name for device in tf.config.list_physical_devices("GPU")]
