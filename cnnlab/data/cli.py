"""``cnnlab data info|download|verify|path``: the dataset from the command line.

``add_subcommands(subparsers)`` registers the ``data`` command on the ``cnnlab`` parser. Every
subcommand sets ``func``; the caller runs ``args.func(args)``, which returns the exit status.
``python -m cnnlab.data ...`` runs the same commands on their own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cnnlab.data import paths, spec
from cnnlab.data.cache import file_sha256, read_cache, read_meta, source_identity
from cnnlab.data.cifar10 import Source, find_source, load_cifar10
from cnnlab.data.download import download_cifar10, download_url, file_md5
from cnnlab.data.errors import DatasetError, DatasetNotFoundError
from cnnlab.data.formats import detect
from cnnlab.data.validate import class_counts, completeness_problems


def add_subcommands(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``data`` with its subcommands to ``subparsers``; returns the ``data`` parser."""
    data = subparsers.add_parser("data", help="CIFAR-10: where it is, download, verify")
    commands = data.add_subparsers(dest="data_command", metavar="COMMAND", required=True)
    source_help = "a CIFAR-10 copy to use instead of the search (overrides $CNNLAB_DATA)"

    info = commands.add_parser("info", help="where CIFAR-10 is found, counts per class, cache")
    info.add_argument("--source", type=Path, help=source_help)
    info.set_defaults(func=_info)

    download = commands.add_parser("download", help="download the official archive and cache it")
    download.add_argument("--dir", type=Path, help="folder for the archive (default: the cache)")
    download.add_argument("--url", help=f"a mirror of the archive (default: {spec.OFFICIAL_URL})")
    download.add_argument("--timeout", type=float, default=15.0, help="seconds (default: 15)")
    download.set_defaults(func=_download)

    verify = commands.add_parser("verify", help="re-check checksums, shapes, counts and cache")
    verify.add_argument("--source", type=Path, help=source_help)
    verify.set_defaults(func=_verify)

    where = commands.add_parser("path", help="print the path CIFAR-10 is loaded from")
    where.add_argument("--cache", action="store_true", help="print the cache file's path instead")
    where.set_defaults(func=_path)
    return data


def main(argv: list[str] | None = None) -> int:
    """Run ``data`` subcommands on their own (``python -m cnnlab.data info``)."""
    parser = argparse.ArgumentParser(prog="python -m cnnlab.data")
    add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["data", *(sys.argv[1:] if argv is None else argv)])
    return args.func(args)


def _info(args: argparse.Namespace) -> int:
    found = find_source(args.source)
    print(f"source: {found if found else f'no local copy (would download {download_url()})'}")
    print(f"cache:  {paths.cache_file()}: {_cache_state(paths.cache_file(), found)}")
    try:
        (_, y_train), (_, y_test) = load_cifar10(source=args.source)
    except (DatasetNotFoundError, DatasetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    train, test = class_counts(y_train), class_counts(y_test)
    print(f"\n{'class':<12}{'train':>8}{'test':>8}")
    for name, n_train, n_test in zip(spec.CLASS_NAMES, train, test, strict=True):
        print(f"{name:<12}{n_train:>8,}{n_test:>8,}")
    print(f"{'total':<12}{train.sum():>8,}{test.sum():>8,}")
    return 0


def _download(args: argparse.Namespace) -> int:
    destination = args.dir / spec.OFFICIAL_FILENAME if args.dir else None
    try:
        archive = download_cifar10(destination, url=args.url, timeout=args.timeout)
        load_cifar10(source=archive)
    except (DatasetNotFoundError, DatasetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"archive: {archive} (MD5 {spec.OFFICIAL_MD5} checked)")
    print(f"cache:   {paths.cache_file()}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    found = find_source(args.source)
    if found is None:
        print(
            f"FAIL no local copy of CIFAR-10; run `cnnlab data download` or set {paths.DATA_ENV}",
            file=sys.stderr,
        )
        return 1
    checks = []
    try:
        is_cache = detect(found.path)[0] == "npz" if found.path.exists() else False
        if found.path.is_file() and not is_cache:
            checks.append(_checksum_check(found.path))
        data = load_cifar10(source=found.path, progress=False)
        valid = "shapes, dtypes, labels and classes valid"
        if is_cache:
            valid = f"every array matches its recorded SHA-256; {valid}"
        checks.append((True, f"{found.path}: {valid}"))
        problems = completeness_problems(data)
        checks.append((not problems, "; ".join(problems) or "50,000 + 10,000 images, all classes"))
        if not is_cache:
            checks.append(_cache_check(found.path))
    except (DatasetNotFoundError, DatasetError) as error:
        checks.append((False, str(error)))
    for ok, message in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {message}")
    return 0 if all(ok for ok, _ in checks) else 1


def _path(args: argparse.Namespace) -> int:
    if args.cache:
        print(paths.cache_file())
        return 0
    found = find_source()
    if found is None:
        print("no local copy of CIFAR-10: run `cnnlab data download`", file=sys.stderr)
        return 1
    print(found.path)
    return 0


def _checksum_check(path: Path) -> tuple[bool, str]:
    if file_md5(path) == spec.OFFICIAL_MD5:
        return True, f"{path}: MD5 matches the official cifar-10-python.tar.gz"
    if file_sha256(path) == spec.JPEG_ARCHIVE_SHA256:
        return True, f"{path}: SHA-256 matches the course's offline JPEG copy"
    if path.name == spec.OFFICIAL_FILENAME:
        return False, f"{path}: MD5 differs from the published {spec.OFFICIAL_MD5} (corrupt?)"
    return True, f"{path}: no published checksum for this file (contents checked below)"


def _cache_check(source: Path) -> tuple[bool, str]:
    cache = paths.cache_file()
    try:
        _, meta = read_cache(cache)
    except (OSError, DatasetError) as error:
        return False, f"{cache}: {error}"
    fingerprint = source_identity(source, "")["fingerprint"]
    if meta["source"].get("fingerprint") != fingerprint:
        return False, f"{cache}: made from {meta['source'].get('path')}, not from {source}"
    return True, f"{cache}: checksums match, made from {source}"


def _cache_state(cache: Path, found: Source | None) -> str:
    if not cache.is_file():
        return "not built yet"
    try:
        meta = read_meta(cache)
    except DatasetError as error:
        return f"damaged ({error}); the next load rebuilds it"
    size = cache.stat().st_size / 1e6
    made = f"made {meta['created']} from {meta['source'].get('path')}, {size:.1f} MB"
    if found is None or found.origin == "project cache" or not found.path.exists():
        return made
    try:
        if detect(found.path)[0] == "npz":
            return made
        current = source_identity(found.path, "")["fingerprint"]
    except (OSError, DatasetError) as error:
        return f"{made}; source unreadable ({error})"
    if meta["source"].get("fingerprint") != current:
        return f"stale ({made}); the next load rebuilds it from {found.path}"
    return made
