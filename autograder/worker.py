"""Autograde one student's lab inside the sandbox: ``python -m autograder.worker JOB_DIR``.

``JOB_DIR`` holds ``job.json`` and a private course copy (``course/``: the config, the lab's
source folder, a gradebook with the assignment but no students, and this one submission).
The worker repairs what would break nbgrader (#1941: invalid JSON, empty files), scans and
instruments the notebooks for integrity, runs nbgrader's own ``Autograde`` with an output cap,
then writes ``result.json``. The parent process, never this one, writes the real gradebook.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import nbformat

from autograder import integrity

TRUNCATED = "\n[output truncated by the grader: this notebook printed more than {} MB]\n"


def _isolate(job: dict, notes: list[str]) -> None:
    """In a fresh mount namespace: hide the course, make code read-only, bring loopback up."""
    if not job.get("namespaced"):
        return
    _private_tmp(job, notes)
    for path in job.get("readonly", []):
        ok = subprocess.run(["mount", "--bind", path, path], capture_output=True).returncode == 0
        ok = ok and subprocess.run(["mount", "-o", "remount,bind,ro", path],
                                   capture_output=True).returncode == 0
        if not ok:
            notes.append(f"sandbox: could not make {path} read-only")
    for path in job.get("hide", []):
        if os.path.isdir(path) and subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", path],
                capture_output=True).returncode != 0:
            notes.append(f"sandbox: could not hide {path}")
    if shutil.which("ip"):
        subprocess.run(["ip", "link", "set", "lo", "up"], capture_output=True)
    if not _drop_capabilities():
        notes.append("sandbox: could not drop capabilities (a kernel could undo its mounts)")


def _libc():
    """The C library, for the system calls the sandbox makes itself (mount, prctl)."""
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _private_tmp(job: dict, notes: list[str]) -> None:
    """An empty temporary folder with only this job's folder in it: no job sees another's.

    The job folder is kept open, the shared folder covered by a tmpfs, and the job folder bound
    back at its own path from the open descriptor, so every path of the job stays the same.
    """
    shared, own = job.get("shared_tmp"), job.get("job_dir")
    if not shared or not own:
        return
    root = Path(shared).resolve()
    if any(p and Path(p).resolve().is_relative_to(root) for p in job.get("keep_visible", [])):
        notes.append(f"sandbox: {shared} holds the code or the data, so jobs share it")
        return
    libc = _libc()
    ms_bind = 4096
    descriptor = os.open(own, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m,mode=1777", "tmpfs", shared],
                          capture_output=True).returncode != 0:
            notes.append(f"sandbox: could not give the job a private {shared}")
            return
        os.makedirs(own, exist_ok=True)
        # mount(2) itself: mount(8) would resolve the descriptor's path, now the empty folder
        if libc.mount(f"/proc/self/fd/{descriptor}".encode(), own.encode(), None, ms_bind,
                      None) != 0:
            subprocess.run(["umount", shared], capture_output=True)
            notes.append(f"sandbox: could not give the job a private {shared}")
    finally:
        os.close(descriptor)
    os.chdir(Path(own) / "course")


def _drop_capabilities() -> bool:
    """Empty the capability bounding set and forbid gaining privileges, for every child.

    The worker is root in its user namespace, and so would the kernel be: able to unmount what
    hides the course or makes the code read-only. With an empty bounding set, a program this
    process starts (nbgrader's kernel and anything it runs) has no capability at all.
    """
    libc = _libc()
    pr_capbset_drop, pr_set_no_new_privs = 24, 38
    dropped = 0
    for capability in range(64):
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            break  # past the last capability this kernel knows
        dropped += 1
    return dropped > 0 and libc.prctl(pr_set_no_new_privs, 1, 0, 0, 0) == 0


def _end_leftovers() -> None:
    """Kill every process of the job but this one: what a submission left running dies now.

    Only as PID 1 of the job's own PID namespace, where kill(-1) reaches the job's processes
    and nothing else; called once the kernel has stopped, before nbgrader writes the graded
    notebook, so that no background process of the submission can touch any result.
    """
    if os.getpid() == 1:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _capped_execute(cap_bytes: int):
    from nbgrader.preprocessors import Execute

    class CappedExecute(Execute):
        """nbgrader's Execute that stops recording outputs past ``cap_bytes`` per notebook."""

        def preprocess(self, nb, resources=None, km=None):
            self._seen_bytes = 0
            try:
                return super().preprocess(nb, resources, km)
            finally:
                _end_leftovers()

        def output(self, outs, msg, display_id, cell_index):
            size = len(json.dumps(msg.get("content", {})))
            self._seen_bytes += size
            if self._seen_bytes <= cap_bytes:
                return super().output(outs, msg, display_id, cell_index)
            if self._seen_bytes - size <= cap_bytes:
                outs.append(nbformat.v4.new_output(
                    "stream", name="stdout", text=TRUNCATED.format(cap_bytes // 2**20)))
            content = msg.get("content", {})
            # Errors and stderr decide grades and integrity reports: keep them, shortened.
            if msg["msg_type"] == "error":
                content["evalue"] = str(content.get("evalue", ""))[:2000]
                content["traceback"] = [line[:2000] for line in content.get("traceback", [])[-20:]]
            elif msg["msg_type"] == "stream" and content.get("name") == "stderr":
                content["text"] = str(content.get("text", ""))[:500]
            elif not (msg["msg_type"] == "display_data"
                      and integrity.MIME in content.get("data", {})):
                return None
            return super().output(outs, msg, display_id, cell_index)

    return CappedExecute


def _unique_ids(nb, notes: list[str]) -> None:
    """Make duplicated cells harmless before nbgrader sees them.

    Cell ids must be unique to load. For a duplicated graded cell nbgrader's DeduplicateIds
    keeps the last copy but leaves the others with empty metadata, which its schema check
    then rejects as "an old version of the metadata format": drop the earlier copies'
    metadata ourselves (the copies still run as plain cells).
    """
    seen, grade_ids = set(), set()
    for index, cell in enumerate(nb.cells):
        if not cell.get("id") or cell["id"] in seen:
            cell["id"] = f"cell-{index}"
        seen.add(cell["id"])
    for cell in reversed(nb.cells):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id and grade_id in grade_ids:
            del cell.metadata["nbgrader"]
            notes.append(f"{grade_id}: duplicated cell; only one copy is graded")
        elif grade_id:
            grade_ids.add(grade_id)


def _check_cells(nb, source: Path, notes: list[str]) -> None:
    """Note graded cells that were deleted or edited (nbgrader restores edited locked cells)."""
    from nbgrader import utils

    present = {}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade_id"):
            present[meta["grade_id"]] = cell
    if source.exists():
        for cell in nbformat.read(source, as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade") and meta.get("grade_id") not in present:
                notes.append(f"{meta['grade_id']}: graded cell missing from the submission "
                             "(scored 0)")
    for grade_id, cell in present.items():
        meta = cell.metadata["nbgrader"]
        if meta.get("locked") and not meta.get("solution") and meta.get("checksum") and \
                utils.compute_checksum(cell) != meta["checksum"]:
            notes.append(f"{grade_id}: locked cell was edited; the original was restored")


def _prepare(course: Path, job: dict, notes: list[str]) -> dict:
    """Make every submitted notebook loadable and instrumented; return static findings."""
    lab, student = job["lab"], job["student"]
    folder = course / "submitted" / student / lab
    expected = set(job["notebooks"])
    findings = {}
    for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
        if path.stem not in expected:
            notes.append(f"{path.name}: not a notebook of {lab} (expected "
                         f"{', '.join(n + '.ipynb' for n in sorted(expected))}); ignored")
            path.unlink()
            continue
        try:
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
        except Exception as error:  # nbgrader would crash the batch on these (#1941)
            reason = "empty file" if path.stat().st_size == 0 else \
                f"not a valid notebook ({type(error).__name__}: {str(error)[:200]})"
            notes.append(f"{path.name}: {reason}; graded as missing (0 points)")
            path.unlink()
            continue
        kernel = nb.metadata.get("kernelspec", {}).get("name")
        if kernel and kernel != "python3":
            notes.append(f"{path.name}: kernel {kernel!r} replaced by python3")
        _unique_ids(nb, notes)
        _check_cells(nb, course / "source" / lab / path.name, notes)
        static = integrity.scan_notebook(nb)
        findings[path.stem] = {**static, "zeroed": integrity.tests_after(
            nb, static["first_cell"])}
        integrity.instrument(nb)
        nbformat.write(nb, path)
    for name in sorted(expected):
        if not (folder / f"{name}.ipynb").exists() and not any(name in n for n in notes):
            notes.append(f"{name}.ipynb: missing from the submission (0 points)")
    return findings


def _autograde(course: Path, job: dict) -> None:
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )
    from traitlets.config import Config, PyFileConfigLoader

    cfg = Config()
    if (course / "nbgrader_config.py").exists():
        cfg = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    cfg.CourseDirectory.root = str(course)
    cfg.CourseDirectory.db_url = f"sqlite:///{course / 'gradebook.db'}"
    for key in ("source", "submitted", "autograded"):
        setattr(cfg.CourseDirectory, f"{key}_directory", key)
    cfg.CourseDirectory.assignment_id = job["lab"]
    cfg.CourseDirectory.student_id = job["student"]
    cfg.Execute.timeout = job["cell_timeout"]
    cfg.ExecutePreprocessor.timeout = job["cell_timeout"]
    cfg.Autograde.autograde_preprocessors = [
        _capped_execute(int(job["output_mb"] * 2**20)), IgnorePattern,
        ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades, AssignLatePenalties,
        CheckCellMetadata]
    coursedir = CourseDirectory(config=cfg)
    Autograde(coursedir=coursedir, config=cfg).start()


def _explain(error: str, job: dict) -> str | None:
    """A sentence for the errors the grader's limits cause (plain test failures need none)."""
    name = error.split(":")[0]
    if name in {"CellTimeoutError", "KeyboardInterrupt", "TimeoutError"}:
        return f"stopped at the per-cell time limit of {job['cell_timeout']:g} s ({name})"
    if name == "MemoryError":
        return f"ran out of memory (limit {job['memory_mb']} MB per process)"
    if name == "SystemExit":
        return "called sys.exit(); the rest of that cell did not run"
    return None


def _finish(course: Path, job: dict, notes: list[str]) -> tuple[dict, dict, dict]:
    """Read scores and integrity reports from the autograded notebooks; strip inserted cells."""
    from nbgrader import utils

    folder = course / "autograded" / job["student"] / job["lab"]
    scores, runtime, errors = {}, {}, {}
    for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
        nb = nbformat.read(path, as_version=4)
        runtime[path.stem] = integrity.read_reports(nb)
        integrity.strip(nb)
        truncated = False
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            name = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index}"
            for output in cell.outputs:
                truncated |= output.get("text", "").startswith(TRUNCATED[:30])
                if output.output_type == "error":
                    errors[f"{path.stem}/{name}"] = \
                        f"{output.ename}: {str(output.evalue)[:300]}"
            if utils.is_grade(cell):
                scores[f"{path.stem}/{name}"] = list(utils.determine_grade(cell))
        for where, error in errors.items():
            if where.startswith(path.stem + "/"):
                why = _explain(error, job)
                if why:
                    notes.append(f"{where}: {why}")
        if truncated:
            notes.append(f"{path.name}: output over {job['output_mb']:g} MB was truncated")
        nbformat.write(nb, path)
    return scores, runtime, errors


def main(job_dir: str) -> int:
    job_dir_path = Path(job_dir)
    job = json.loads((job_dir_path / "job.json").read_text())
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    warnings.simplefilter("ignore")  # nbformat/SQLAlchemy chatter; errors still reach the log
    course = job_dir_path / "course"
    notes: list[str] = []
    started = time.monotonic()
    _isolate(job, notes)
    result = {"status": "ok", "notes": notes, "error": None}
    try:
        result["static"] = _prepare(course, job, notes)
        if any((course / "submitted" / job["student"] / job["lab"]).glob("*.ipynb")):
            result["ran"] = True
            _autograde(course, job)
        result["scores"], result["runtime"], result["errors"] = _finish(course, job, notes)
    except Exception as error:
        result["status"] = "error"
        result["error"] = f"{type(error).__name__}: {str(error)[:2000]}"
        result["scores"], result["runtime"], result["errors"] = {}, {}, {}
    result["seconds"] = time.monotonic() - started
    tmp = job_dir_path / "result.json.tmp"
    tmp.write_text(json.dumps(result))
    os.replace(tmp, job_dir_path / "result.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
