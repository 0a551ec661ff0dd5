"""Run one student-lab job in its own process, with limits: ``run_job(job) -> result``.

The job is self-contained (file contents, not paths), so the same function runs in a local
thread pool and on a Dask worker of another machine. The child process gets:

- a private temporary course copy as its only working folder (HOME and TMPDIR point inside it);
- an environment of locale, library paths and numerical settings only (``job_environment``):
  no secret of the grader's environment reaches a submission;
- a memory limit (RLIMIT_AS, per process: the worker and the kernel each), a file size limit,
  no core dumps;
- a whole-notebook timeout (the process tree is killed) on top of nbgrader's per-cell timeout;
- where ``unshare`` can create user namespaces (most Linux machines): no network (an empty
  network namespace with loopback only for the kernel), its own PID namespace (everything the
  submission started is killed when its kernel stops, before results are written), the real
  course folder hidden and the code read-only, and a kernel without capabilities, which cannot
  undo those mounts.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograder.course import REPO_ROOT, tool_env

FILE_LIMIT_MB = 512


@functools.cache
def namespaces_available() -> bool:
    """Whether ``unshare`` can give a job its own user, network, mount and PID namespaces."""
    if not shutil.which("unshare"):
        return False
    probe = ["unshare", "-rnm", "--pid", "--fork", "--kill-child", "true"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def isolation_summary() -> str:
    if namespaces_available():
        return "network off, own PID/mount namespaces, course hidden, code read-only"
    return ("unshare is not available here: no network or filesystem isolation, only a private "
            "working copy, memory/time limits")


def sweep_stale() -> int:
    """Remove job folders left by a grader that was killed (their owner process is gone)."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob("cnnlab-grade-*"):
        try:
            owner = int((folder / "owner").read_text())
            os.kill(owner, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
        except (OSError, ValueError):
            continue
    return removed


def _command(job_dir: Path, job: dict) -> tuple[list[str], bool]:
    cmd = [sys.executable, "-m", "autograder.worker", str(job_dir)]
    limits = []
    if shutil.which("prlimit"):
        limits = ["prlimit", f"--as={int(job['memory_mb']) * 2**20}",
                  f"--fsize={FILE_LIMIT_MB * 2**20}", "--core=0", "--"]
    if namespaces_available():
        return ["unshare", "-rnm", "--pid", "--fork", "--kill-child", *limits, *cmd], True
    return [*limits, *cmd], False


def _limit_self(memory_mb: int) -> None:  # only where prlimit(1) is missing
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT_MB * 2**20,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


# What a job's environment keeps of the grader's: locale, library paths and the settings of
# the numerical stack. Nothing else (tokens, keys, passwords, the instructor's paths) reaches a
# submission's kernel, which could print it into its notebook and feedback.
KEPT_VARIABLES = {"LANG", "LANGUAGE", "TZ", "LD_LIBRARY_PATH", "CONDA_PREFIX", "VIRTUAL_ENV",
                  "CUDA_VISIBLE_DEVICES", "XLA_FLAGS", "KERAS_BACKEND", "PYTHONHASHSEED"}
KEPT_PREFIXES = ("LC_", "CNNLAB_", "TF_", "OMP_", "KMP_", "MKL_", "OPENBLAS_", "ONEDNN_", "DNNL_")


def job_environment(extra: dict[str, str]) -> dict[str, str]:
    """A job's environment: ``tool_env``'s PATH and PYTHONPATH, the kept variables, ``extra``."""
    tools = tool_env()
    env = {key: value for key, value in tools.items()
           if key in KEPT_VARIABLES or key.startswith(KEPT_PREFIXES)}
    env.update(PATH=tools["PATH"], PYTHONPATH=tools["PYTHONPATH"])
    env.update(extra)
    return env


def _write_inputs(job: dict, job_dir: Path) -> None:
    for rel, data in job["files"].items():
        path = job_dir / "course" / rel
        if not path.resolve().is_relative_to(job_dir.resolve()):
            raise ValueError(f"job file {rel!r} escapes the job folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for sub in ("home", "tmp"):
        (job_dir / sub).mkdir()
    settings = {k: v for k, v in job.items() if k != "files"}
    (job_dir / "job.json").write_text(json.dumps(settings))


def _wait(proc: subprocess.Popen, timeout: float, group: bool) -> tuple[int | None, float, bool]:
    """Wait for ``proc`` (killing its tree after ``timeout`` s): (exit code, peak MB, timed out)."""
    deadline = time.monotonic() + timeout
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss covers the child and the descendants it waited for (the kernel), in kB.
            return proc.returncode, usage.ru_maxrss / 1024, timed_out
        if not timed_out and time.monotonic() > deadline:
            timed_out = True
            try:
                if group:
                    os.killpg(proc.pid, signal.SIGKILL)
                else:
                    proc.kill()  # unshare --kill-child takes the whole PID namespace down
            except ProcessLookupError:
                pass
        time.sleep(0.05)


def _collect(job: dict, job_dir: Path) -> dict[str, bytes]:
    folder = job_dir / "course" / "autograded" / job["student"] / job["lab"]
    files = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 64 * 2**20:
            files[str(path.relative_to(folder))] = path.read_bytes()
    return files


def run_job(job: dict) -> dict:
    """Autograde one student-lab in a sandboxed child process; never raises for its content.

    Returns ``{"student", "lab", "status", "reason", "notes", "scores", "static", "runtime",
    "files" (autograded folder contents), "seconds", "peak_mb"}``; ``status`` is ``ok``,
    ``timeout``, ``crashed`` or ``error``.
    """
    started = time.monotonic()
    job_dir = Path(tempfile.mkdtemp(prefix="cnnlab-grade-"))
    (job_dir / "owner").write_text(str(os.getpid()))
    result = {"student": job["student"], "lab": job["lab"], "notes": [], "scores": {},
              "static": {}, "runtime": {}, "errors": {}, "files": {}, "reason": None}
    try:
        _write_inputs(job, job_dir)
        cmd, namespaced = _command(job_dir, job)
        settings = json.loads((job_dir / "job.json").read_text())
        settings["namespaced"] = namespaced
        # Job folders sit side by side in the temporary folder: inside the sandbox it is
        # replaced by an empty one holding only this job's folder (unless the code or the
        # data live there too, and would vanish with it).
        settings["job_dir"], settings["shared_tmp"] = str(job_dir), str(job_dir.parent)
        settings["keep_visible"] = [str(REPO_ROOT), sys.prefix, os.environ.get("CNNLAB_DATA", "")]
        (job_dir / "job.json").write_text(json.dumps(settings))
        env = job_environment({
            "HOME": str(job_dir / "home"), "TMPDIR": str(job_dir / "tmp"),
            "JUPYTER_RUNTIME_DIR": str(job_dir / "home" / "runtime"),
            "IPYTHONDIR": str(job_dir / "home" / "ipython"),
            # No MPLBACKEND: the kernel's inline backend turns figures into image/png outputs
            # for the autograded notebook, formgrader and feedback (Agg left only text).
            "MPLCONFIGDIR": str(job_dir / "home" / "mpl"),
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(REPO_ROOT),
            **job.get("env", {})})
        use_preexec = "prlimit" not in cmd
        with open(job_dir / "worker.log", "wb") as log:
            proc = subprocess.Popen(
                cmd, cwd=job_dir / "course", env=env, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=not namespaced,
                preexec_fn=functools.partial(_limit_self, int(job["memory_mb"]))
                if use_preexec else None)
            code, peak_mb, timed_out = _wait(proc, job["notebook_timeout"], not namespaced)
        result["peak_mb"] = round(peak_mb, 1)
        done = job_dir / "result.json"
        if timed_out:
            result["status"] = "timeout"
            result["reason"] = (f"stopped after the whole-notebook limit of "
                                f"{job['notebook_timeout']:g} s")
        elif not done.exists():
            result["status"] = "crashed"
            tail = (job_dir / "worker.log").read_bytes()[-1500:].decode(errors="replace")
            memory = "MemoryError" in tail or code in (-9, 137)
            result["reason"] = (f"the grading process died (exit {code})"
                                + (": out of memory" if memory else "") + f"\n{tail}")
        else:
            worker = json.loads(done.read_text())
            result.update({k: worker.get(k, result.get(k)) for k in
                           ("notes", "scores", "static", "runtime", "errors")})
            result["status"] = worker["status"]
            result["reason"] = worker.get("error")
            result["files"] = _collect(job, job_dir)
            log_tail = (job_dir / "worker.log").read_bytes()[-20000:].decode(errors="replace")
            if "DeadKernelError" in log_tail or "Kernel died" in log_tail:
                result["status"] = "crashed"
                result["reason"] = ("the kernel died (sys/os exit, a crash such as a segfault, "
                                    "or the memory limit); the notebook is graded 0")
            if result["status"] == "ok" and not result["files"] and worker.get("ran"):
                result["status"] = "crashed"
                result["reason"] = "nbgrader produced no graded notebook\n" + log_tail[-3000:]
    except Exception as error:  # the batch goes on; the report shows why
        result["status"] = "error"
        result["reason"] = f"{type(error).__name__}: {error}"
    finally:
        shutil.rmtree(job_dir, ignore_errors=True)
    result["seconds"] = round(time.monotonic() - started, 2)
    return result
