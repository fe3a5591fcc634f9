"""A normal (non-editable) install runs `mediakit report` and `mediakit batch`.

The wheel is built from a copy of the package's build inputs, installed with
``--no-deps`` into a fresh venv, and run from a folder outside the checkout on a copy of
a sample article, so nothing can be read from the project tree. The fresh venv borrows
the dependencies of the interpreter running the tests instead of downloading them again:
a ``.pth`` file lists this interpreter's site-packages, and ``JUPYTER_PATH`` its
``share/jupyter`` (nbconvert's HTML templates are data files, outside site-packages). A
``.pth`` line only adds a folder to ``sys.path``; the ``.pth`` files inside that folder,
among them an editable mediakit's finder, are not run, and the fresh venv's own
site-packages comes first, so ``mediakit`` is the installed wheel's (checked below).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from mediakit import analyze, load_articles

from .conftest import RAW, ROOT

pytestmark = pytest.mark.slow

ARTICLE = "wire-gaza-aid-talks.md"
# What setuptools reads to build the wheel (pyproject.toml names README.md as the readme).
BUILD_INPUTS = ("pyproject.toml", "README.md", "mediakit")


def _run(args: list[str], cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _build_wheel(tmp: Path) -> Path:
    # Built from a copy: setuptools writes build/ and *.egg-info next to the sources, and a
    # build/ left in the checkout by an earlier build would slip removed files into the wheel.
    src = tmp / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, src / name)
    dist = tmp / "dist"
    # An absolute path: a bare folder name would be looked up on the package index.
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
          str(src.resolve())], cwd=tmp)
    [wheel] = dist.glob("mediakit-*.whl")
    return wheel


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
          "--no-index", str(wheel)], cwd=tmp)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     cwd=tmp).strip())
    borrowed = dict.fromkeys(sysconfig.get_path(key) for key in ("purelib", "platlib"))
    (site / "_borrowed_dependencies.pth").write_text("".join(f"{p}\n" for p in borrowed))
    return venv


def test_a_wheel_installed_in_a_fresh_venv_runs_report_and_batch_from_its_own_notebooks(
        tmp_path):
    venv = _fresh_venv(tmp_path, _build_wheel(tmp_path))
    work = tmp_path / "work"  # outside the checkout
    (work / "articles").mkdir(parents=True)
    shutil.copy2(RAW / ARTICLE, work / "articles" / ARTICLE)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["JUPYTER_PATH"] = os.pathsep.join([str(Path(sys.prefix, "share", "jupyter")),
                                           *filter(None, [os.environ.get("JUPYTER_PATH")])])
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"

    package = Path(_run([str(venv / "bin" / "python"), "-c",
                         "import mediakit; print(mediakit.__file__)"], cwd=work, env=env)
                   .strip()).parent
    assert package.is_relative_to(venv) and not package.is_relative_to(ROOT)
    installed = package / "data" / "notebooks"
    assert sorted(p.name for p in installed.iterdir()) == ["article_report.ipynb",
                                                           "compare_articles.ipynb"]

    _run([str(venv / "bin" / "mediakit"), "report", f"articles/{ARTICLE}", "--out", "rep",
          "--no-progress"], cwd=work, env=env)
    folder = work / "rep" / "wire-gaza-aid-talks"
    assert {"metrics.json", "report.html", "report.ipynb"} <= {p.name for p in folder.iterdir()}
    executed = json.loads((folder / "report.ipynb").read_text("utf-8"))
    assert executed["metadata"]["papermill"]["input_path"] == str(installed /
                                                                  "article_report.ipynb")
    metrics = json.loads((folder / "metrics.json").read_text("utf-8"))
    provenance = metrics.pop("provenance")
    assert provenance["notebook"]["sha256"] == hashlib.sha256(
        (installed / "article_report.ipynb").read_bytes()).hexdigest()
    assert provenance["mediakit_commit"] is None  # not run from a git checkout
    # The installed package measures what the checkout measures (the path is as given).
    expected = analyze(load_articles(RAW / ARTICLE)[0]).to_dict()
    expected.pop("provenance")
    expected["article"]["source_path"] = f"articles/{ARTICLE}"
    assert metrics == json.loads(json.dumps(expected))
    assert "<html" in (folder / "report.html").read_text("utf-8")[:200].lower()

    _run([str(venv / "bin" / "mediakit"), "batch", "articles", "--out", "bat", "--no-progress"],
         cwd=work, env=env)
    assert (work / "bat" / "wire-gaza-aid-talks" / "metrics.json").is_file()
    assert (work / "bat" / "comparison.html").is_file()
    comparison = json.loads((work / "bat" / "comparison.ipynb").read_text("utf-8"))
    assert comparison["metadata"]["papermill"]["input_path"] == str(installed /
                                                                    "compare_articles.ipynb")
