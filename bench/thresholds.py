"""Where a graded training threshold may sit: the solved lab under autograde, over many seeds.

    python bench/thresholds.py lab04 cnn_accuracy --seeds 5
    python bench/thresholds.py lab07 weight_norms gap --seeds 5 --student   # as a student runs it

Runs the lab's source notebook (solutions in place) in a fresh kernel per seed with
``NBGRADER_EXECUTION=autograde`` (so training is the fixed grading work of ``train.budget``),
with every ``cnnlab.set_seed(s)`` and ``train.fit(..., seed=s)`` moved to ``s + offset`` for
offsets 0 .. seeds-1 (offset 0 is the notebook as graded). Prints each named variable per seed
with its minimum and median, the notebook's wall time, and the CPU flags: a threshold is set
below the minimum with a stated margin, from runs on each CPU kind at hand. ``--repeat`` runs
offset 0 twice more to show that a graded number is the same on every run of one machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cnnlab import hardware  # noqa: E402

SEED_SHIFT = """\
import cnnlab, functools
from cnnlab import train as _train
_offset = {offset}
_set_seed, _fit = cnnlab.set_seed, _train.fit
cnnlab.set_seed = lambda seed: _set_seed(seed + _offset)
@functools.wraps(_fit)
def _shifted_fit(*args, seed=0, **kwargs):
    return _fit(*args, seed=seed + _offset, **kwargs)
_train.fit = _shifted_fit
"""


def run(lab: str, names: list[str], offset: int, student: bool) -> tuple[dict, float]:
    """The values of ``names`` after running ``lab``'s source notebook with seeds shifted."""
    folder = ROOT / "autograder" / "source" / lab
    (path,) = sorted(folder.glob("*.ipynb"))
    notebook = nbformat.read(str(path), as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(SEED_SHIFT.format(offset=offset)))
    report = "import json\nprint(json.dumps({" + ", ".join(
        f"{name!r}: {name}" for name in names) + "}, default=float))"
    notebook.cells.append(nbformat.v4.new_code_cell(report))
    env = dict(os.environ)
    env.pop("PYTEST_CURRENT_TEST", None)
    if student:
        env.pop("NBGRADER_EXECUTION", None)
    else:
        env["NBGRADER_EXECUTION"] = "autograde"
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute(env=env)
    seconds = time.perf_counter() - start
    text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")
    return json.loads(text.strip().splitlines()[-1]), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lab")
    parser.add_argument("names", nargs="+", help="notebook variables to report (numbers)")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--repeat", action="store_true", help="run offset 0 twice more")
    parser.add_argument("--student", action="store_true",
                        help="as a student runs it (wall-clock budgets) instead of autograde")
    args = parser.parse_args()
    cpu = hardware.cpu_info()
    print(f"{cpu.model}, {cpu.cores} cores, {', '.join(cpu.reported_flags())}; "
          f"oneDNN {hardware.choose_onednn(cpu).describe()}")
    mode = "student" if args.student else "autograde"
    offsets = list(range(args.seeds)) + ([0, 0] if args.repeat else [])
    results: dict[str, list[float]] = {name: [] for name in args.names}
    for offset in offsets:
        values, seconds = run(args.lab, args.names, offset, args.student)
        for name in args.names:
            results[name].append(values[name])
        shown = ", ".join(f"{name} {values[name]:.4g}" for name in args.names)
        print(f"{args.lab} {mode} seed offset {offset}: {shown} ({seconds:.1f} s)", flush=True)
    for name, values in results.items():
        print(f"{name}: min {min(values):.4g}, median {statistics.median(values):.4g}, "
              f"max {max(values):.4g} over {len(values)} runs")


if __name__ == "__main__":
    main()
