"""Notebooks in the repository carry no outputs, no execution counts and no execution metadata.

Outputs in git make diffs unreadable, bloat the history and can leak data from whoever ran the
notebook last. Contributors strip them automatically with nbstripout's git filter
(``.gitattributes`` names it; README.md, "Contributing: notebooks", says how to switch it on);
this test is the gate for anyone who did not. The last test checks the filter, configured as
the README says (``--keep-id``), leaves every committed notebook byte for byte as it is, so
``git add`` never rewrites a freshly built notebook.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

# Folders that hold notebooks nobody commits: executed reports, checkpoints, the environment.
SKIPPED_PARTS = {".venv", ".git", ".ipynb_checkpoints", "node_modules"}
SKIPPED_PREFIXES = ("data/processed/", "tests/artifacts/", "benchmarks/out/")

# Cell metadata written by executing a notebook: JupyterLab's `execution` timings (recordTiming),
# the ExecuteTime extension's, and papermill's per-cell record.
EXECUTION_CELL_KEYS = ("execution", "ExecuteTime", "papermill")
# Notebook metadata written by running it: saved widget state, papermill's run record.
EXECUTION_NOTEBOOK_KEYS = ("widgets", "papermill")

# How README.md has contributors configure nbstripout's clean filter. --keep-id: nbstripout
# otherwise renumbers cell ids "0", "1", ... and the committed notebooks would differ from
# what mediakit.notebook_build writes ("cell-00", ...). The extra keys: nbstripout keeps
# papermill's records by default (it already drops `execution`, `ExecuteTime`, `widgets`).
NBSTRIPOUT_EXTRA_KEYS = "metadata.papermill cell.metadata.papermill"
NBSTRIPOUT_FLAGS = ["--keep-id", "--extra-keys", NBSTRIPOUT_EXTRA_KEYS]


def repository_notebooks(root: Path = ROOT) -> list[Path]:
    """Every notebook of the working tree that git tracks or would track (not ignored).

    Falls back to walking the tree, minus the folders above, outside a git checkout.
    """
    if shutil.which("git") and (root / ".git").exists():
        done = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--",
             "*.ipynb"],
            cwd=root, capture_output=True, text=True, check=True,
        )
        names = sorted({n for n in done.stdout.split("\0") if n})
        return [root / n for n in names if (root / n).is_file()]  # skip deleted, not yet staged
    found = []
    for path in sorted(root.rglob("*.ipynb")):
        rel = path.relative_to(root).as_posix()
        if SKIPPED_PARTS.isdisjoint(path.relative_to(root).parts) and not rel.startswith(
            SKIPPED_PREFIXES
        ):
            found.append(path)
    return found


def notebook_problems(notebook: dict) -> list[str]:
    """What in ``notebook`` (nbformat 4 JSON as a dict) should not be committed; [] when clean."""
    problems = []
    for key in EXECUTION_NOTEBOOK_KEYS:
        if key in notebook.get("metadata", {}):
            problems.append(f"notebook metadata has {key!r}")
    for index, cell in enumerate(notebook.get("cells", [])):
        where = f"cell {index} ({cell.get('id', 'no id')})"
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                problems.append(f"{where} has {len(cell['outputs'])} output(s)")
            if cell.get("execution_count") is not None:
                problems.append(f"{where} has execution_count {cell['execution_count']}")
        for key in EXECUTION_CELL_KEYS:
            if key in cell.get("metadata", {}):
                problems.append(f"{where} metadata has {key!r}")
    return problems


def _clean_notebook() -> dict:
    return {
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "cells": [
            {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# T"},
            {"cell_type": "code", "id": "b", "metadata": {"tags": ["parameters"]},
             "execution_count": None, "outputs": [], "source": "x = 1"},
        ],
    }


def test_notebook_problems_accepts_a_clean_notebook():
    assert notebook_problems(_clean_notebook()) == []


def test_notebook_problems_names_every_kind_of_leftover():
    dirty = _clean_notebook()
    dirty["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    code = dirty["cells"][1]
    code["execution_count"] = 3
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "1\n"}]
    code["metadata"]["execution"] = {"iopub.status.busy": "2026-11-26T14:00:00Z"}
    dirty["cells"][0]["metadata"]["ExecuteTime"] = {"end_time": "2026-11-26T14:00:00Z"}
    assert notebook_problems(dirty) == [
        "notebook metadata has 'widgets'",
        "cell 0 (a) metadata has 'ExecuteTime'",
        "cell 1 (b) has 1 output(s)",
        "cell 1 (b) has execution_count 3",
        "cell 1 (b) metadata has 'execution'",
    ]


def test_repository_notebooks_finds_the_report_notebooks():
    names = {p.relative_to(ROOT).as_posix() for p in repository_notebooks()}
    assert {"notebooks/article_report.ipynb", "notebooks/compare_articles.ipynb",
            "notebooks/compare_corpus.ipynb"} <= names
    assert not any(n.startswith(SKIPPED_PREFIXES) or "/.ipynb_checkpoints/" in n for n in names)


def test_repository_notebooks_walks_the_tree_outside_git(tmp_path):
    for rel in ("a.ipynb", "sub/b.ipynb", ".venv/c.ipynb", "sub/.ipynb_checkpoints/b.ipynb",
                "data/processed/x/report.ipynb", "notes.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}")
    found = [p.relative_to(tmp_path).as_posix() for p in repository_notebooks(tmp_path)]
    assert found == ["a.ipynb", "sub/b.ipynb"]


@pytest.mark.parametrize(
    "path", repository_notebooks(), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_committed_notebook_has_no_outputs_counts_or_execution_metadata(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook_problems(notebook) == [], (
        f"{path.relative_to(ROOT)}: strip it (nbstripout --keep-id FILE, or rebuild it with "
        "python -m mediakit.notebook_build) and see README.md, 'Contributing: notebooks'"
    )


def test_nbstripout_filter_leaves_every_committed_notebook_unchanged():
    # One nbstripout process for all notebooks (it takes ~2 s to start); --textconv prints
    # each stripped notebook in turn, exactly as the git filter would store it.
    paths = repository_notebooks()
    done = subprocess.run(
        [sys.executable, "-m", "nbstripout", *NBSTRIPOUT_FLAGS, "--textconv", *map(str, paths)],
        capture_output=True, check=True, text=True, encoding="utf-8",
    )
    decoder, out, pos, changed = json.JSONDecoder(), done.stdout, 0, []
    for path in paths:
        _, end = decoder.raw_decode(out, pos)
        stripped = out[pos:end] + "\n"  # nbformat.write ends each notebook with a newline
        assert out[end:end + 1] == "\n"
        pos = end + 1
        if stripped != path.read_text(encoding="utf-8"):
            changed.append(path.relative_to(ROOT).as_posix())
    assert pos == len(out)
    assert changed == [], "nbstripout (README's settings) would rewrite these on git add"


def _dirty_notebook() -> dict:
    dirty = _clean_notebook()
    dirty["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    dirty["metadata"]["papermill"] = {"duration": 1.5, "input_path": "x.ipynb"}
    code = dirty["cells"][1]
    code["execution_count"] = 7
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "1\n"}]
    code["metadata"].update(execution={"iopub.status.idle": "2026-11-26T14:00:00Z"},
                            ExecuteTime={"end_time": "2026-11-26T14:00:00Z"},
                            papermill={"duration": 0.1, "status": "completed"})
    return dirty


def test_nbstripout_with_the_readme_flags_removes_everything_this_test_forbids(tmp_path):
    path = tmp_path / "dirty.ipynb"
    path.write_text(json.dumps(_dirty_notebook()))
    assert len(notebook_problems(_dirty_notebook())) == 7
    done = subprocess.run(
        [sys.executable, "-m", "nbstripout", *NBSTRIPOUT_FLAGS, "--textconv", str(path)],
        capture_output=True, check=True,
    )
    stripped = json.loads(done.stdout)
    assert notebook_problems(stripped) == []
    assert [c["id"] for c in stripped["cells"]] == ["a", "b"]  # --keep-id
    assert stripped["cells"][1]["metadata"] == {"tags": ["parameters"]}  # tags survive


def test_gitattributes_names_the_nbstripout_filter_and_diff():
    lines = (ROOT / ".gitattributes").read_text().splitlines()
    assert "*.ipynb filter=nbstripout" in lines
    assert "*.ipynb diff=ipynb" in lines


def _git(cwd: Path, *args: str, check_ok: bool = True) -> str:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd),
           "PATH": os.environ.get("PATH", ""), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0 or not check_ok, (args, done.stderr)
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_add_stores_notebooks_stripped_and_clones_without_the_filter_still_work(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    # The README's one-time setup, with this interpreter standing in for .venv/bin/nbstripout.
    subprocess.run([sys.executable, "-m", "nbstripout", "--install", "--attributes",
                    ".gitattributes"], cwd=repo, check=True, env={
                        **os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"})
    assert (repo / ".gitattributes").read_text() == (ROOT / ".gitattributes").read_text()
    clean = _git(repo, "config", "filter.nbstripout.clean").strip()
    _git(repo, "config", "filter.nbstripout.clean", f"{clean} --keep-id")
    _git(repo, "config", "diff.ipynb.textconv", f"{clean} --keep-id --textconv")
    _git(repo, "config", "filter.nbstripout.extrakeys", NBSTRIPOUT_EXTRA_KEYS)

    dirty = json.dumps(_dirty_notebook(), indent=1) + "\n"
    (repo / "nb.ipynb").write_text(dirty)
    _git(repo, "add", ".gitattributes", "nb.ipynb")
    _git(repo, "commit", "-q", "-m", "notebook")
    stored = json.loads(_git(repo, "show", "HEAD:nb.ipynb"))
    assert notebook_problems(stored) == []
    assert [c["id"] for c in stored["cells"]] == ["a", "b"]
    assert (repo / "nb.ipynb").read_text() == dirty  # the working copy keeps its outputs
    assert _git(repo, "status", "--porcelain") == ""  # and git sees no change to commit

    # A clone that never ran the setup: the unknown filter is skipped, git works as usual.
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert _git(clone, "config", "--get-regexp", "filter", check_ok=False) == ""
    (clone / "nb.ipynb").write_text(dirty)
    _git(clone, "add", "nb.ipynb")
    _git(clone, "commit", "-q", "-m", "outputs, unfiltered")
    assert notebook_problems(json.loads(_git(clone, "show", "HEAD:nb.ipynb"))) != []
