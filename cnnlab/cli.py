"""The ``cnnlab`` command: ``doctor``, ``data info|download|verify|path`` and ``demo``.

Subcommands import their machinery when they run, so ``cnnlab --help`` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cnnlab import __version__


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``cnnlab`` (every subcommand sets ``func``)."""
    parser = argparse.ArgumentParser(
        prog="cnnlab",
        description="Course labs on convolutional networks (Keras, CIFAR-10).",
    )
    parser.add_argument("--version", action="version", version=f"cnnlab {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    doctor = commands.add_parser(
        "doctor", help="versions, CPU, precision, dataset, and whether stderr stays clean"
    )
    doctor.set_defaults(func=_doctor)

    from cnnlab.data.cli import add_subcommands  # NumPy only: cheap

    add_subcommands(commands)

    demo = commands.add_parser(
        "demo", help="train a CNN on CIFAR-10 within a time budget and write a report"
    )
    demo.add_argument("--budget", type=float, default=180.0, metavar="SECONDS",
                      help="training time in seconds (default: 180)")
    demo.add_argument("--out", type=Path, default=Path("reports/demo"), metavar="DIR",
                      help="report folder (default: reports/demo)")
    demo.add_argument("--subset", type=int, nargs=2, metavar=("N_TRAIN", "N_TEST"),
                      help="train and test on a stratified subset (default: everything)")
    demo.add_argument("--synthetic", action="store_true",
                      help="use the built-in synthetic images instead of CIFAR-10")
    demo.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    demo.set_defaults(func=_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``cnnlab`` script and of ``python -m cnnlab``; returns the exit code."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    return int(args.func(args) or 0)


def _doctor(args: argparse.Namespace) -> int:
    from cnnlab import doctor

    return doctor.run()


def _demo(args: argparse.Namespace) -> int:
    from cnnlab import demo

    if not args.budget > 0:
        print(f"error: --budget must be a positive number of seconds, got {args.budget}",
              file=sys.stderr)
        return 2
    if args.subset is not None and min(args.subset) < 10:
        print(f"error: --subset needs at least 10 images per split, got {args.subset}",
              file=sys.stderr)
        return 2
    subset = tuple(args.subset) if args.subset else None
    demo.run(budget=args.budget, out=args.out, subset=subset, synthetic=args.synthetic,
             seed=args.seed)
    return 0
