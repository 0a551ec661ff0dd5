"""The student bundle (``python -m autograder bundle``): what students get, not this repository.

1. It holds exactly the allowlisted files under ``cnnlab-student/``, and the same files give the
   same zip, byte for byte.
2. No file in it holds an nbgrader marker, a line of a source notebook's solution regions or a
   line of the code of a catalogue entry (``tests/submissions/``); the check is shown to fail
   when a solution line is planted in a copy.
3. It installs: ``pip install -e`` into a fresh virtual environment, offline (the dependencies
   already installed here are made visible to it), and ``import cnnlab`` there is the bundle's.
4. It runs: a released notebook's first cells (up to the first solution cell) run without error
   in a Jupyter kernel of that environment, and its ``make jupyter-config`` hides nbgrader's
   instructor tools and keeps Validate.
5. The command refuses (exit 1, nothing written) a file with a marker and a stale ``labs/``.

``labs/`` matching the sources is tested by tests/test_labs.py; here ``release.differences`` is
replaced by a stub so that these tests do not depend on it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from labkit import catalogue, notebooks
from nbclient import NotebookClient

from autograder import bundle, cli, release
from autograder.course import REPO_ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

TOP = "cnnlab-student"
STUDENT_FILES = {"README.md", "pyproject.toml", "environment.yml", "Makefile",
                 "nbgrader_config.py"}
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
SOLUTION_REGION = re.compile(
    r"^\s*#+\s*BEGIN SOLUTION.*?^\s*#+\s*END SOLUTION[^\n]*", re.M | re.S)
HIDDEN_REGION = re.compile(
    r"^\s*#+\s*BEGIN HIDDEN TESTS.*?^\s*#+\s*END HIDDEN TESTS[^\n]*", re.M | re.S)
#: Lines that solutions share with cnnlab's own code, each a generic idiom, not an answer.
SHARED_IDIOMS = {
    # Keras: how any model is given its input (cnnlab.demo builds the demo's CNN with it).
    "inputs = keras.Input(input_shape)",
    # Keras: how any Sequential model gets its weights (cnnlab.architecture inspects models).
    "model.build((None, *input_shape))",
    # The sliding window of cnnlab.plots' pooling diagram (one channel, for the picture); a
    # student's max_pool2d/avg_pool2d works on batches of many channels.
    "for i, j in np.ndindex(out_h, out_w):",
    "top, left = i * stride, j * stride",
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def significant(text: str) -> set[str]:
    """The lines of ``text`` that would give an answer away: stripped, >= 30 characters, no comment.

    Short lines (``return out``, ``out = np.zeros_like(x)``, ``for c in range(channels):``)
    occur in any NumPy code, cnnlab's included, so matching them would make the check fail for
    nothing or, excused one by one, meaningless. A line of 30 characters or more in a solution is
    specific to it (``windows = x[:, i:i + kernel_size, j:j + kernel_size, :]``); a verbatim copy
    of one in a student file is a leak. Comments are left out: they explain, they do not solve.
    """
    lines = (line.strip() for line in text.splitlines())
    return {line for line in lines if len(line) >= 30 and not line.startswith("#")}


def _source_cells() -> list[dict]:
    cells = []
    for lab in notebooks.labs():
        cells += json.loads(notebooks.source_path(lab).read_text(encoding="utf-8"))["cells"]
    return cells


def given_lines() -> set[str]:
    """Lines a release shows: the sources without solution regions, hidden tests, answer cells."""
    given = set()
    for cell in _source_cells():
        if cell["cell_type"] == "markdown" and cell["metadata"].get("nbgrader", {}).get("solution"):
            continue
        text = HIDDEN_REGION.sub("", SOLUTION_REGION.sub("", "".join(cell["source"])))
        given |= {line.strip() for line in text.splitlines()}
    return given


def solution_lines() -> set[str]:
    """Significant lines of the sources' solution regions and markdown answer cells (nbgrader
    replaces those whole), less the lines a release shows anyway (signatures, docstrings)."""
    found = set()
    for cell in _source_cells():
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and cell["metadata"].get("nbgrader", {}).get("solution"):
            found |= significant(text)
        for region in SOLUTION_REGION.finditer(text):
            found |= significant(region.group(0))
    return found - given_lines()


def submission_lines() -> set[str]:
    """Significant lines of the code of every catalogue entry, less the lines a release shows."""
    found = set()
    for lab in notebooks.labs():
        for entry in catalogue.entries(lab):
            for code in entry.solutions.values():
                found |= significant(code)
    return found - given_lines()


def file_lines(path: Path) -> set[str]:
    """Stripped lines of a file; of a notebook, the lines of its cells' sources."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":
        text = "\n".join("".join(cell["source"]) for cell in json.loads(text)["cells"])
    return {line.strip() for line in text.splitlines()}


def leaks(folder: Path, forbidden: set[str]) -> list[str]:
    """``file: line`` for every forbidden line (less the shared idioms) found in ``folder``."""
    forbidden = forbidden - SHARED_IDIOMS
    return [f"{path.relative_to(folder)}: {line}"
            for path in sorted(p for p in folder.rglob("*") if p.is_file())
            for line in sorted(file_lines(path) & forbidden)]


def _expected_files() -> set[str]:
    expected = {f"labs/{lab}/{nb.name}" for lab in notebooks.labs()
                for nb in (REPO_ROOT / "labs" / lab).glob("*.ipynb")}
    expected |= {p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "cnnlab").rglob("*.py")
                 if "__pycache__" not in p.parts}
    return expected | {"data/manifest.json", "data/README.md"} | STUDENT_FILES


@pytest.fixture(scope="module")
def zip_path(tmp_path_factory) -> Path:
    """The bundle as the command writes it (labs/ taken as up to date: see the docstring)."""
    out = tmp_path_factory.mktemp("dist") / "student.zip"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(release, "differences", lambda labs=None: [])
        assert cli.main(["bundle", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def unpacked(zip_path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder / TOP


def _clean_env(**extra: str) -> dict[str, str]:
    """This environment without PYTHONPATH and VIRTUAL_ENV, which would point at this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def student_python(unpacked, tmp_path_factory) -> Path:
    """A fresh venv with the bundle installed (editable, offline) and this one's dependencies.

    Nothing is downloaded: a ``.pth`` file puts this interpreter's site-packages on the new
    one's path, and what pip would have installed beside the packages (Jupyter's configuration
    in ``etc/jupyter``, the lab extensions in ``share/jupyter``) is copied or linked in.
    """
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    purelib = subprocess.run([python, "-c", where], check=True, capture_output=True,
                             text=True).stdout.strip()
    ours = [p for p in site.getsitepackages() if Path(p).is_relative_to(sys.prefix)]
    Path(purelib, "_project_dependencies.pth").write_text("\n".join(ours) + "\n")
    shutil.copytree(Path(sys.prefix, "etc", "jupyter"), venv / "etc" / "jupyter")
    (venv / "share").mkdir(exist_ok=True)
    (venv / "share" / "jupyter").symlink_to(Path(sys.prefix, "share", "jupyter"))
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--no-build-isolation", "--no-cache-dir", "--disable-pip-version-check",
                    "-e", str(unpacked)], check=True, cwd=venv.parent, env=_clean_env())
    return python


def test_bundle_holds_exactly_the_allowlisted_files(zip_path):
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert all(name.startswith(f"{TOP}/") for name in names)
    inside = {name[len(TOP) + 1:] for name in names}
    assert {name.split("/")[0] for name in inside} == {"labs", "cnnlab", "data"} | STUDENT_FILES
    assert inside == _expected_files()
    assert not [n for n in inside if n.split("/")[0] in ("autograder", "tests", "bench", ".ci")
                or "source" in n.split("/")[:-1] or "__pycache__" in n]
    assert names == sorted(names)


def test_the_same_files_give_the_same_zip(tmp_path):
    chosen = bundle.files()
    first = bundle.write_zip(chosen, tmp_path / "a.zip").read_bytes()
    second = bundle.write_zip(chosen, tmp_path / "b.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_no_marker_in_the_bundle(unpacked):
    found = [f"{path.relative_to(unpacked)}: {marker}"
             for path in sorted(p for p in unpacked.rglob("*") if p.is_file())
             for marker in MARKERS if marker in path.read_text(encoding="utf-8")]
    assert not found, found


def test_no_solution_line_in_the_bundle(unpacked):
    forbidden = solution_lines()
    assert len(forbidden) > 50, "the sources' solutions should give many significant lines"
    assert not leaks(unpacked, forbidden)


def test_no_catalogue_code_in_the_bundle(unpacked):
    forbidden = submission_lines()
    assert len(forbidden) > 200, "the catalogue should give many significant lines"
    assert not leaks(unpacked, forbidden)


def test_the_leak_check_finds_a_planted_solution_line(unpacked, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(unpacked, copy)
    solution = sorted(solution_lines() - SHARED_IDIOMS)[0]
    entry = sorted(submission_lines() - SHARED_IDIOMS)[0]
    notebook_path = next((copy / "labs" / "lab01").glob("*.ipynb"))
    nb = nbformat.read(notebook_path, as_version=4)
    nb.cells[1].source += "\n    " + solution
    nbformat.write(nb, notebook_path)
    with (copy / "cnnlab" / "plots.py").open("a") as module:
        module.write(f"\n# planted\n{entry}\n")
    found = leaks(copy, solution_lines() | submission_lines())
    assert found == sorted([f"{notebook_path.relative_to(copy)}: {solution}",
                            f"cnnlab/plots.py: {entry}"])


def test_student_files_keep_in_step_with_the_course():
    main = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    student = tomllib.loads((bundle.STUDENT_DIR / "pyproject.toml").read_text())["project"]
    for key in ("name", "version", "requires-python", "dependencies", "scripts"):
        assert student[key] == main[key], key
    assert "optional-dependencies" not in student

    import yaml

    conda = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    student_conda = yaml.safe_load((bundle.STUDENT_DIR / "environment.yml").read_text())
    assert student_conda["dependencies"] == conda["dependencies"]
    assert student_conda["channels"] == conda["channels"]

    from traitlets.config import PyFileConfigLoader

    def timeout(folder: Path):
        config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
        return config.Execute.timeout

    assert timeout(bundle.STUDENT_DIR) == timeout(REPO_ROOT / "autograder")


def test_bundle_installs_into_a_fresh_venv(student_python, unpacked):
    probe = ("import sys, cnnlab, cnnlab.data.paths as p; "
             "print(cnnlab.__file__); print(p.repo_root()); print(sys.prefix)")
    out = subprocess.run([student_python, "-c", probe], check=True, capture_output=True,
                         text=True, cwd=unpacked.parent, env=_clean_env()).stdout.split("\n")
    assert Path(out[0]) == unpacked / "cnnlab" / "__init__.py"
    # The CIFAR-10 cache goes to the bundle's data/, beside data/manifest.json.
    assert Path(out[1]) == unpacked
    assert Path(out[2]) == student_python.parent.parent
    script = student_python.parent / "cnnlab"
    assert subprocess.run([script, "--help"], capture_output=True, env=_clean_env(),
                          cwd=unpacked).returncode == 0


def test_a_released_notebook_runs_in_the_fresh_venv(student_python, unpacked, tmp_path,
                                                   monkeypatch):
    from cnnlab import data
    from cnnlab.data import paths

    prefix = tmp_path / "kernels"
    subprocess.run([student_python, "-m", "ipykernel", "install", "--prefix", str(prefix),
                    "--name", "cnnlab-student"], check=True, capture_output=True,
                   env=_clean_env())
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    monkeypatch.delenv("PYTHONPATH", raising=False)
    monkeypatch.delenv("VIRTUAL_ENV", raising=False)
    have_data = data.locate_cifar10() is not None
    if have_data:
        # Read the cache this session already decoded (tests/conftest.py) instead of decoding
        # CIFAR-10 again into the bundle's data/.
        monkeypatch.setenv("CNNLAB_CACHE_DIR", str(paths.cache_dir()))

    lab = unpacked / "labs" / "lab01"
    nb = nbformat.read(next(lab.glob("*.ipynb")), as_version=4)
    first_solution = next(i for i, cell in enumerate(nb.cells)
                          if cell.metadata.get("nbgrader", {}).get("solution"))
    cells = [c for c in nb.cells[:first_solution]
             if c.cell_type == "code" and (have_data or "load_cifar10" not in c.source)]
    assert cells and "import cnnlab" in cells[0].source
    cells.append(nbformat.v4.new_code_cell("import sys\nprint(cnnlab.__file__)\nprint(sys.prefix)"))
    nb.cells = cells
    NotebookClient(nb, kernel_name="cnnlab-student", timeout=120,
                   resources={"metadata": {"path": str(lab)}}).execute()
    outputs = [o for cell in nb.cells for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o.text for o in outputs if o.get("name") == "stderr"]
    if have_data:
        assert any("training images (50000, 32, 32, 3)" in o.get("text", "") for o in outputs)
    where = nb.cells[-1].outputs[0].text.split("\n")
    assert Path(where[0]) == unpacked / "cnnlab" / "__init__.py"
    assert Path(where[1]) == student_python.parent.parent


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_the_student_makefile_has_the_readme_commands(unpacked):
    dry = subprocess.run(["make", "-n", "-C", str(unpacked), "lab", "demo"], check=True,
                         capture_output=True, text=True, env=_clean_env()).stdout
    assert "pip install --quiet -e ." in dry
    assert ".venv/bin/jupyter lab labs/" in dry and ".venv/bin/cnnlab demo" in dry
    readme = (unpacked / "README.md").read_text()
    assert "make lab " in readme and "make demo " in readme


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_jupyter_config_hides_the_instructor_tools(student_python, unpacked):
    env = _clean_env()
    subprocess.run(["make", "-C", str(unpacked), "jupyter-config",
                    f"BIN={student_python.parent}"], check=True, capture_output=True, env=env)
    lab = subprocess.run([student_python, "-m", "jupyterlab.labextensions", "list"],
                         capture_output=True, text=True, env=env)
    disabled = ANSI.sub("", lab.stdout + lab.stderr).split("Disabled extensions:")[-1].split()
    plugins = {"menu", "formgrader", "create-assignment", "assignment-list", "course-list"}
    assert set(disabled) == {f"@jupyter/nbgrader:{plugin}" for plugin in plugins}
    server = subprocess.run([student_python, "-m", "jupyter_server.extension.serverextension",
                             "list"], capture_output=True, text=True, env=env)
    state = dict(re.findall(r"nbgrader\.server_extensions\.(\w+) (enabled|disabled)",
                            ANSI.sub("", server.stdout + server.stderr)))
    assert state == {"formgrader": "disabled", "assignment_list": "disabled",
                     "course_list": "disabled", "validate_assignment": "enabled"}


def test_bundle_refuses_a_file_with_a_marker(tmp_path, monkeypatch, capsys):
    planted = tmp_path / "helper.py"
    planted.write_text("### BEGIN HIDDEN TESTS\nassert True\n### END HIDDEN TESTS\n")
    chosen = {**bundle.files(), "cnnlab/helper.py": planted}
    monkeypatch.setattr(bundle, "files", lambda: chosen)
    monkeypatch.setattr(release, "differences", lambda labs=None: [])
    out = tmp_path / "out.zip"
    assert cli.main(["bundle", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "cnnlab/helper.py contains 'BEGIN HIDDEN TESTS'" in err
    assert "cnnlab/helper.py contains 'END HIDDEN TESTS'" in err
    assert not out.exists()


def test_bundle_refuses_a_stale_labs_folder(tmp_path, monkeypatch, capsys):
    stale = ["labs/lab01/lab01_vectorization.ipynb differs from what the source produces"]
    monkeypatch.setattr(release, "differences", lambda labs=None: stale)
    out = tmp_path / "out.zip"
    assert cli.main(["bundle", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "python -m autograder release" in err and stale[0] in err
    assert not out.exists()
