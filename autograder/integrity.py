"""Detect submissions that make tests pass without solving them.

Two layers, both reported per graded test cell:

- a static scan (``scan_source``) of the cells a student can edit, for assignments to, or
  ``setattr``/``del`` on, NumPy, ``numpy.testing``, ``cnnlab.checks``, ``builtins`` and
  ``sys.modules``, and for the tools such tricks need (``ctypes``, ``unittest.mock``...);
- a runtime check (``instrument``): a cell inserted first records the pristine objects, a cell
  inserted before every graded test cell compares them with what the test is about to use and
  publishes the differences as display data of ``MIME``. ``read_reports`` collects them from the
  executed notebook and ``strip`` removes the inserted cells again.

A submission whose tests ran on patched objects gets no credit for those tests and is flagged for
manual review. A determined attacker who targets this very check can still evade it: this is a
tripwire for the common tricks, not a proof of honesty (see README).
"""

from __future__ import annotations

import ast
import json

import nbformat

MIME = "application/vnd.cnnlab.integrity+json"
TAG = "cnnlab-integrity"
WATCHED_NAMES = {"np", "numpy", "testing", "npt", "checks", "cnnlab", "builtins",
                 "__builtins__", "sys", "tf", "keras"}
SUSPICIOUS_IMPORTS = {"ctypes", "unittest.mock", "mock", "importlib", "gc", "inspect"}

_PRELUDE = r'''
def __cnnlab_integrity_setup():
    import builtins, sys
    import numpy, numpy.testing
    modules = {"numpy": numpy, "numpy.testing": numpy.testing, "builtins": builtins}
    try:
        import cnnlab.checks
        modules["cnnlab.checks"] = cnnlab.checks
    except Exception:
        pass
    volatile = {"input", "raw_input", "getpass", "_", "__", "___", "display", "get_ipython"}
    def fingerprint(obj):
        code = getattr(obj, "__code__", None)
        return (id(obj), id(code), hash(code.co_code) if code is not None else 0)
    def snapshot():
        state = {}
        for name, module in modules.items():
            for attr, value in list(vars(module).items()):
                if attr.startswith("__") or attr in volatile:
                    continue
                state[name + "." + attr] = fingerprint(value)
        return state
    pristine = snapshot()
    modules_dict = sys.modules
    def check():
        import sys as _sys
        found = []
        if _sys.modules is not modules_dict:
            found.append("sys.modules was replaced")
        for name, module in modules.items():
            if modules_dict.get(name) is not module:
                found.append("sys.modules[%r] was replaced" % name)
        now = snapshot()
        for key, value in pristine.items():
            if key not in now:
                found.append(key + " was deleted")
            elif now[key] != value:
                found.append(key + " was redefined")
        user = get_ipython().user_ns
        for alias, name in (("np", "numpy"), ("numpy", "numpy"), ("checks", "cnnlab.checks")):
            if alias in user and name in modules and user[alias] is not modules[name]:
                found.append("the name %r no longer refers to %s" % (alias, name))
        return sorted(found)
    return check
__cnnlab_integrity_check = __cnnlab_integrity_setup()
del __cnnlab_integrity_setup
'''

_CHECK = r'''
__import__("IPython.display").display.publish_display_data(
    {"%s": {"test": %r, "tampered": __cnnlab_integrity_check()}})
'''


def _is_graded_test(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _student_editable(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and (bool(meta.get("solution")) or not meta)


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        parts.append(node.attr if isinstance(node, ast.Attribute) else "[]")
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def scan_source(source: str) -> tuple[list[str], list[str]]:
    """(patching, suspicious): findings in one cell's code, each a readable sentence.

    ``patching`` are edits of the objects tests rely on; ``suspicious`` are tools that such
    edits need but that have honest uses too (flagged for review only).
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [], []
    patching, suspicious = [], []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if isinstance(target, (ast.Attribute, ast.Subscript)) and \
                    _root_name(target) in WATCHED_NAMES:
                patching.append(f"line {node.lineno}: changes {_dotted(target)}")
            elif isinstance(target, ast.Name) and target.id in WATCHED_NAMES - {"sys"}:
                patching.append(f"line {node.lineno}: rebinds the name {target.id}")
        if isinstance(node, ast.Call):
            func = _dotted(node.func)
            if func in {"setattr", "delattr"} and node.args and \
                    _root_name(node.args[0]) in WATCHED_NAMES:
                patching.append(f"line {node.lineno}: {func}() on {_dotted(node.args[0])}")
            elif func.startswith("sys.modules.") or func in {"importlib.reload", "reload"}:
                patching.append(f"line {node.lineno}: calls {func}()")
            elif func in {"exec", "eval", "compile", "__import__"}:
                suspicious.append(f"line {node.lineno}: calls {func}()")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                "gradebook" in node.value or node.value.startswith(("../", "/"))
                and len(node.value) > 1):
            suspicious.append(f"line {node.lineno}: names a path outside the submission "
                              f"folder: {node.value[:80]!r}")
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) \
                else [node.module or ""]
            for name in names:
                if name in SUSPICIOUS_IMPORTS or name.split(".")[0] in {"ctypes", "builtins"}:
                    suspicious.append(f"line {node.lineno}: imports {name}")
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                real = alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
                if bound in {"np", "numpy"} and real != "numpy":
                    patching.append(f"line {node.lineno}: binds {bound} to {real}")
    return patching, suspicious


def scan_notebook(nb) -> dict:
    """Static findings: ``{"patching": [...], "suspicious": [...], "first_cell": index}``."""
    patching, suspicious, first = [], [], None
    for index, cell in enumerate(nb.cells):
        if not _student_editable(cell):
            continue
        where = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {index}"
        found, odd = scan_source(cell.source)
        if found and first is None:
            first = index
        patching += [f"{where}: {text}" for text in found]
        suspicious += [f"{where}: {text}" for text in odd]
    return {"patching": patching, "suspicious": suspicious, "first_cell": first}


def tests_after(nb, index: int | None) -> list[str]:
    """grade ids of the graded test cells at or after cell ``index``."""
    if index is None:
        return []
    return [cell.metadata["nbgrader"]["grade_id"] for cell in nb.cells[index:]
            if _is_graded_test(cell)]


def instrument(nb) -> None:
    """Insert the prelude cell first and a check cell before every graded test cell."""
    cells = [_new_cell(_PRELUDE, 0)]
    for cell in nb.cells:
        if _is_graded_test(cell):
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            cells.append(_new_cell(_CHECK % (MIME, grade_id), len(cells)))
        cells.append(cell)
    nb.cells = cells


def _new_cell(source: str, number: int):
    cell = nbformat.v4.new_code_cell(source.strip())
    cell.metadata["tags"] = [TAG]
    cell["id"] = f"{TAG}-{number}"
    return cell


def _inserted(cell) -> bool:
    return TAG in cell.get("metadata", {}).get("tags", [])


def read_reports(nb) -> dict[str, list[str]]:
    """``{test grade_id: [tampering found]}``; a check that did not report counts as tampering."""
    reports: dict[str, list[str]] = {}
    for cell in nb.cells:
        if not _inserted(cell) or "publish_display_data" not in cell.source:
            continue
        test = cell.source.split("\"test\": ")[1].split(",")[0].strip("'\"")
        data = [o["data"][MIME] for o in cell.get("outputs", [])
                if o.get("output_type") == "display_data" and MIME in o.get("data", {})]
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            reports[test] = [f"the integrity check was disabled ({errors[0].get('ename')})"]
        elif data:
            payload = data[0] if isinstance(data[0], dict) else json.loads(data[0])
            reports[test] = list(payload.get("tampered", []))
    return reports


def strip(nb) -> None:
    """Remove the inserted cells (the feedback and formgrader show the student's notebook)."""
    nb.cells = [cell for cell in nb.cells if not _inserted(cell)]
