"""Percent-format sources -> notebooks: parsing, determinism, committed notebooks current."""

from __future__ import annotations

import json

import pytest

from mediakit.errors import MediakitError
from mediakit.notebook_build import (
    NOTEBOOK_DIR,
    SOURCE_DIR,
    build_all,
    main,
    parse_percent,
    render_notebook,
)

SAMPLE = """# %% [markdown]
# # Title
#
# Some *text*.

# %% tags=["parameters"]
x: int = 1  # a number

# %%
print(x)


# %% [markdown]
# done
"""


def test_parse_percent_splits_cells_strips_markdown_prefix_and_reads_tags():
    cells = parse_percent(SAMPLE)
    assert [c["cell_type"] for c in cells] == ["markdown", "code", "code", "markdown"]
    assert cells[0]["source"] == "# Title\n\nSome *text*."
    assert cells[1] == {"cell_type": "code", "tags": ["parameters"],
                        "source": "x: int = 1  # a number"}
    assert cells[2]["source"] == "print(x)"  # blank lines around a cell are dropped
    assert cells[3]["source"] == "done"


def test_render_is_deterministic_without_outputs_and_with_fixed_ids():
    first, second = render_notebook(SAMPLE), render_notebook(SAMPLE)
    assert first == second
    nb = json.loads(first)
    assert nb["nbformat"] == 4 and nb["metadata"]["kernelspec"]["name"] == "python3"
    assert [c["id"] for c in nb["cells"]] == ["cell-00", "cell-01", "cell-02", "cell-03"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert nb["cells"][1]["metadata"] == {"tags": ["parameters"]}


def test_markdown_line_without_comment_prefix_is_an_error_with_its_line():
    with pytest.raises(MediakitError) as err:
        parse_percent("# %% [markdown]\n# fine\nnot a comment\n", "nb.py")
    assert err.value.message == "nb.py, line 3: a Markdown cell line must start with '# '"


def test_bad_tags_and_code_before_first_marker_are_errors():
    with pytest.raises(MediakitError, match="tags must be a JSON list"):
        parse_percent('# %% tags=["a", 1]\nx = 1\n')
    with pytest.raises(MediakitError, match="before the first"):
        parse_percent("x = 1\n# %%\ny = 2\n")


def test_committed_notebooks_are_the_build_of_their_sources():
    assert {"article_report", "compare_articles"} <= {p.stem for p in SOURCE_DIR.glob("*.py")}
    assert build_all(check=True) == []
    for path in NOTEBOOK_DIR.glob("*.ipynb"):
        nb = json.loads(path.read_text("utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path


def test_check_reports_stale_and_build_fixes_it(tmp_path, capsys):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "demo.py").write_text(SAMPLE)
    assert main(["--check", "--src", str(src), "--out", str(out)]) == 1
    assert "stale" in capsys.readouterr().err
    assert main(["--src", str(src), "--out", str(out)]) == 0
    assert (out / "demo.ipynb").read_text() == render_notebook(SAMPLE)
    assert main(["--check", "--src", str(src), "--out", str(out)]) == 0
    (out / "demo.ipynb").write_text("{}")
    assert main(["--check", "--src", str(src), "--out", str(out)]) == 1
