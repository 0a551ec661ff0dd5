"""Seconds to run each lab top to bottom, as a student and under autograde (median of repeats).

    python bench/labs.py                  # every lab in autograder/source/, 3 repeats
    python bench/labs.py lab01 --repeats 1

The solved source notebook runs in a fresh kernel (kernel start included), once as a student
runs it (no NBGRADER_EXECUTION: full training budgets) and once as nbgrader autograde runs it
(NBGRADER_EXECUTION=autograde: the grading budgets of ``cnnlab.train.budget``). Budgets on
2 cores: 180 s as a student, 30 s under autograde. Needs the real CIFAR-10 (``CNNLAB_DATA``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from autograder.release import SOURCE_DIR, list_labs, nbgrader_env  # noqa: E402

BUDGETS = {"student": 180.0, "autograde": 30.0}


def run_once(notebook: Path, grading: bool) -> tuple[float, list[str]]:
    """Wall-clock seconds of one top-to-bottom run, and the errors its cells raised."""
    nb = nbformat.read(str(notebook), as_version=4)
    env = nbgrader_env()
    env.pop("NBGRADER_EXECUTION", None)
    if grading:
        env["NBGRADER_EXECUTION"] = "autograde"
    with tempfile.TemporaryDirectory() as workdir:
        client = NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": workdir}},
        )
        start = time.perf_counter()
        client.execute(env=env)
        seconds = time.perf_counter() - start
    errors = [
        f"cell {i}: {out.ename}: {out.evalue}"
        for i, cell in enumerate(nb.cells)
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    return seconds, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labs", nargs="*", help="lab ids (default: every lab)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per mode (median)")
    parser.add_argument("--mode", choices=("both", "student", "autograde"), default="both",
                        help="time only one way of running (default: both)")
    args = parser.parse_args(argv)
    from cnnlab import data

    if data.locate_cifar10() is None:
        print("CIFAR-10 not found: set CNNLAB_DATA (see `cnnlab data info`)", file=sys.stderr)
        return 1
    labs = args.labs or list_labs()
    print(f"labs, seconds top to bottom, median of {args.repeats} (cpus: {os.cpu_count()})")
    modes = ("student", "autograde") if args.mode == "both" else (args.mode,)
    print(f"{'lab':<8}" + "".join(f"{mode:>12}" for mode in modes) + "   budgets 180 s / 30 s")
    failed = False
    for lab in labs:
        notebook = next((SOURCE_DIR / lab).glob("*.ipynb"))
        medians = {}
        for mode in modes:
            times = []
            for _ in range(args.repeats):
                seconds, errors = run_once(notebook, grading=mode == "autograde")
                if errors:
                    print(f"{lab} ({mode}): cells raised: {errors}", file=sys.stderr)
                    failed = True
                times.append(seconds)
            medians[mode] = statistics.median(times)
            print(f"  {lab} {mode}: " + ", ".join(f"{t:.1f}" for t in times) + " s", flush=True)
        marks = {m: "" if medians[m] <= BUDGETS[m] else " (over budget)" for m in medians}
        print(f"{lab:<8}" + "".join(f"{medians[m]:>11.1f}s{marks[m]}" for m in modes))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
