"""cnnlab.hardware: precision and oneDNN chosen from the CPU's flags, for every CPU kind.

The CPU kinds are described by /proc/cpuinfo texts, so each rule is tested on every machine,
whatever CPU it has. What TensorFlow itself does with the choice is tested through the
``CNNLAB_ONEDNN`` override, which forces both settings on any x86-64 Linux.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from cnnlab import hardware

AMX_CPUINFO = """processor\t: 0
model name\t: Intel(R) Xeon(R) Platinum 8480+
flags\t\t: fpu sse avx2 avx512f avx512_bf16 avx512_vnni amx_bf16 amx_tile amx_int8
"""
# The two AMD EPYC kinds this project has run on.
EPYC_AVX512_CPUINFO = """processor\t: 0
model name\t: AMD EPYC
flags\t\t: fpu sse avx2 fma avx512f avx512_bf16 avx512_vnni
"""
EPYC_AVX2_CPUINFO = """processor\t: 0
model name\t: AMD EPYC
flags\t\t: fpu sse avx avx2 fma
"""
ALDER_LAKE_CPUINFO = """processor\t: 0
model name\t: 12th Gen Intel(R) Core(TM) i7-1260P
flags\t\t: fpu sse avx avx2 fma avx_vnni
"""
OLD_CPUINFO = """processor\t: 0
model name\t: Intel(R) Core(TM)2 Duo
flags\t\t: fpu sse sse2 ssse3
"""
ARM_CPUINFO = """processor\t: 0
BogoMIPS\t: 50.00
Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32
"""


def cpu(text: str) -> hardware.CpuInfo:
    return hardware.parse_cpuinfo(text)


def test_precision_uses_bfloat16_only_with_bfloat16_instructions():
    assert cpu(AMX_CPUINFO).amx_bf16
    epyc = cpu(EPYC_AVX512_CPUINFO)
    assert epyc.model == "AMD EPYC" and "avx512_bf16" in epyc.reported_flags()
    assert hardware.choose_precision(cpu(AMX_CPUINFO), environ={}) == "mixed_bfloat16"
    # AVX512-BF16 without AMX: measured 1.67x cheaper per image than float32.
    assert not epyc.amx_bf16 and epyc.bf16_instructions
    assert hardware.choose_precision(epyc, environ={}) == "mixed_bfloat16"
    # Without bfloat16 instructions it would be emulated.
    assert hardware.choose_precision(cpu(EPYC_AVX2_CPUINFO), environ={}) == "float32"
    assert hardware.choose_precision(hardware.CpuInfo("unknown", 1), environ={}) == "float32"


def test_precision_override_by_environment():
    epyc = cpu(EPYC_AVX512_CPUINFO)
    forced = {"CNNLAB_PRECISION": "float32"}
    assert hardware.choose_precision(epyc, environ=forced) == "float32"
    forced = {"CNNLAB_PRECISION": "mixed_bfloat16"}
    assert hardware.choose_precision(cpu(EPYC_AVX2_CPUINFO), environ=forced) == "mixed_bfloat16"
    with pytest.raises(ValueError, match="CNNLAB_PRECISION"):
        hardware.choose_precision(epyc, environ={"CNNLAB_PRECISION": "float16"})


@pytest.mark.parametrize("text", [AMX_CPUINFO, EPYC_AVX512_CPUINFO, ALDER_LAKE_CPUINFO])
def test_onednn_stays_as_tensorflow_has_it_where_tensorflow_turns_it_on(text):
    assert hardware.tensorflow_onednn_default(cpu(text)) is True
    choice = hardware.choose_onednn(cpu(text), environ={})
    assert choice.enabled is True and choice.environment is None
    assert "TensorFlow's default" in choice.reason


def test_onednn_turned_on_on_avx2_cpus_where_tensorflow_leaves_it_off():
    avx2 = cpu(EPYC_AVX2_CPUINFO)
    assert hardware.tensorflow_onednn_default(avx2) is False
    choice = hardware.choose_onednn(avx2, environ={})
    assert (choice.enabled, choice.environment) == (True, "1")
    assert "measured faster" in choice.reason


def test_onednn_left_to_tensorflow_where_nothing_was_measured():
    old = hardware.choose_onednn(cpu(OLD_CPUINFO), environ={})
    assert (old.enabled, old.environment) == (False, None)
    arm = cpu(ARM_CPUINFO)  # aarch64 Linux lists "Features", not "flags"
    assert arm.flags == frozenset() and hardware.tensorflow_onednn_default(arm) is None
    choice = hardware.choose_onednn(arm, environ={})
    assert (choice.enabled, choice.environment) == (None, None)


@pytest.mark.parametrize("text", [AMX_CPUINFO, EPYC_AVX2_CPUINFO, ARM_CPUINFO])
def test_onednn_overrides(text):
    on = hardware.choose_onednn(cpu(text), environ={"CNNLAB_ONEDNN": "1"})
    off = hardware.choose_onednn(cpu(text), environ={"CNNLAB_ONEDNN": " 0 "})
    assert (on.enabled, on.environment) == (True, "1")
    assert (off.enabled, off.environment) == (False, "0")
    # A user's own TF_ENABLE_ONEDNN_OPTS is kept as it is.
    kept = hardware.choose_onednn(cpu(text), environ={"TF_ENABLE_ONEDNN_OPTS": "0"})
    assert (kept.enabled, kept.environment) == (False, None)
    with pytest.raises(ValueError, match="CNNLAB_ONEDNN must be 0 or 1"):
        hardware.choose_onednn(cpu(text), environ={"CNNLAB_ONEDNN": "fast"})


def test_apply_sets_the_tensorflow_variable_only_when_it_decides(monkeypatch):
    monkeypatch.setattr(hardware, "cpu_info", lambda: cpu(EPYC_AVX2_CPUINFO))
    monkeypatch.delitem(sys.modules, "tensorflow", raising=False)
    environ: dict[str, str] = {}
    assert hardware.apply_onednn_choice(environ).enabled is True
    assert environ == {"TF_ENABLE_ONEDNN_OPTS": "1"}
    monkeypatch.setattr(hardware, "cpu_info", lambda: cpu(EPYC_AVX512_CPUINFO))
    environ = {}
    hardware.apply_onednn_choice(environ)
    assert environ == {}  # TensorFlow's own default is on: left alone
    environ = {"CNNLAB_ONEDNN": "bogus"}
    assert hardware.apply_onednn_choice(environ).enabled is None
    assert "TF_ENABLE_ONEDNN_OPTS" not in environ


def _onednn_after_import(env_extra: dict[str, str]) -> str:
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("TF_ENABLE_ONEDNN_OPTS", "CNNLAB_ONEDNN")}
    env.update(env_extra)
    code = ("import cnnlab, keras; from cnnlab import hardware; "
            "print(hardware.onednn_enabled(), hardware.choose_onednn().enabled)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.skipif(not (sys.platform.startswith("linux") and hardware.cpu_info().flags),
                    reason="TensorFlow's oneDNN build: x86-64 Linux")
def test_the_choice_reaches_tensorflow_on_this_machine():
    assert _onednn_after_import({"CNNLAB_ONEDNN": "1"}) == ["True", "True"]
    assert _onednn_after_import({"CNNLAB_ONEDNN": "0"}) == ["False", "False"]
    running, chosen = _onednn_after_import({})
    # Whatever this CPU is, TensorFlow runs what cnnlab chose (every x86-64 CI CPU has AVX2).
    assert running == chosen == "True"
