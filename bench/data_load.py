"""How fast CIFAR-10 loads: first decode of the JPEG archive, cached load, `import cnnlab`.

    python bench/data_load.py [ARCHIVE]       # default: $CNNLAB_DATA

Targets (issue 2, 2 cores): first decode <= 30 s, cached load of all 60,000 images <= 1 s,
`import cnnlab` <= 0.5 s. Each figure is the median of several runs; decodes go to temporary
caches, so nothing in the repository changes. Shared machines are noisy: compare medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cnnlab.data import load_cifar10


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def import_seconds(module: str) -> float:
    """Seconds ``import module`` takes in a fresh interpreter (its own start-up excluded)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    result.check_returncode()
    return float(result.stdout)


def report(name: str, seconds: list[float], target: float) -> None:
    median = statistics.median(seconds)
    runs = ", ".join(f"{s:.3f}" for s in seconds)
    verdict = "ok" if median <= target else "OVER TARGET"
    print(f"{name:<40} median {median:7.3f} s   target <= {target:g} s  {verdict}   ({runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", nargs="?", default=os.environ.get("CNNLAB_DATA"))
    parser.add_argument("--decodes", type=int, default=2, help="first decodes to time")
    parser.add_argument("--repeats", type=int, default=3, help="cached loads and imports")
    args = parser.parse_args()
    if not args.archive:
        parser.error("name the CIFAR-10 archive, or set CNNLAB_DATA")
    archive = Path(args.archive)
    print(f"archive: {archive} ({archive.stat().st_size / 1e6:.1f} MB), {os.cpu_count()} CPUs")

    os.environ.pop("CNNLAB_DATA", None)
    decodes, cached, cache_only = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.decodes):
            os.environ["CNNLAB_CACHE_DIR"] = str(Path(folder, f"cache{run}"))
            decodes.append(timed(lambda: load_cifar10(source=archive, progress=False)))
        for _ in range(args.repeats):
            cached.append(timed(lambda: load_cifar10(source=archive, progress=False)))
            cache_only.append(timed(lambda: load_cifar10(progress=False)))
        cache_mb = Path(os.environ["CNNLAB_CACHE_DIR"], "cifar10.npz").stat().st_size / 1e6
    report("first decode of 60,000 images", decodes, 30)
    report(f"cached load, source checked ({cache_mb:.0f} MB)", cached, 1)
    report("cached load, project cache only", cache_only, 1)
    for module in ("cnnlab", "cnnlab.data"):
        seconds = [import_seconds(module) for _ in range(args.repeats)]
        report(f"import {module} (fresh interpreter)", seconds, 0.5)


if __name__ == "__main__":
    main()
