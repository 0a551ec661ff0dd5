"""environment.yml (conda) and pyproject.toml (pip) must ask for the same packages.

conda cannot be reached from CI, so the conda file is parsed and compared, not solved.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
# pip names that conda-forge spells differently.
CONDA_NAME = {"tensorflow-cpu": "tensorflow"}


def _split(requirement: str) -> tuple[str, str]:
    """'numpy>=1.26; marker' -> ('numpy', '>=1.26')."""
    spec = requirement.split(";")[0].strip()
    name, bounds = re.match(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)", spec).groups()
    return CONDA_NAME.get(name.lower(), name.lower()), bounds.replace(" ", "")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return dict(_split(requirement) for requirement in project["dependencies"])


def _conda() -> tuple[dict[str, str], list[str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = {}, []
    for entry in env["dependencies"]:
        if isinstance(entry, dict):
            pip.extend(entry["pip"])
        else:
            name, bounds = _split(entry)
            conda[name] = bounds
    return conda, pip


def test_environment_yml_parses_and_uses_conda_forge():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["name"] == "cnnlab"
    assert env["channels"] == ["conda-forge"]


def test_conda_and_pip_list_the_same_packages_with_the_same_bounds():
    pip_deps = _pyproject()
    conda, _ = _conda()
    conda.pop("python"), conda.pop("pip")
    assert conda == pip_deps


def test_conda_environment_installs_the_package_itself():
    _, pip = _conda()
    assert pip == ["-e ."]


def test_python_bounds_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    conda, _ = _conda()
    assert project["requires-python"] == ">=3.10"
    assert conda["python"].startswith(">=3.10")
