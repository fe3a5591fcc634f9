"""Percent-format sources -> notebooks: parsing, determinism, committed notebooks current."""

from __future__ import annotations

import json

import pytest

from mediakit.errors import MediakitError
from mediakit.notebook_build import (
    NOTEBOOK_DIR,
    PACKAGED,
    PACKAGED_DIR,
    SOURCE_DIR,
    build_targets,
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
    assert build_targets(check=True) == []
    for path in NOTEBOOK_DIR.rglob("*.ipynb"):
        nb = json.loads(path.read_text("utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path


def test_the_package_ships_the_notebooks_the_commands_run_built_from_the_same_sources():
    from mediakit.run import reports

    assert PACKAGED_DIR == reports.NOTEBOOKS
    assert PACKAGED_DIR.parent.name == "data" and PACKAGED_DIR.parent.parent.name == "mediakit"
    assert sorted(p.name for p in PACKAGED_DIR.iterdir()) == [
        "article_report.ipynb", "compare_articles.ipynb"]
    assert set(PACKAGED) == {"article_report", "compare_articles"}
    # Same source, same build: the copy users open and the copy the commands run agree.
    for name in PACKAGED:
        assert reports.notebook_path(name).read_bytes() == \
            (NOTEBOOK_DIR / f"{name}.ipynb").read_bytes()


def test_notebook_path_names_a_notebook_the_package_lacks():
    from mediakit.run.reports import notebook_path

    with pytest.raises(MediakitError) as err:
        notebook_path("compare_corpus")
    assert err.value.message.endswith("compare_corpus.ipynb: notebook not found in the "
                                      "mediakit package (in a checkout, build it with "
                                      "`python -m mediakit.notebook_build`)")


def test_a_target_with_names_builds_only_those_and_names_a_missing_source(tmp_path):
    from mediakit.notebook_build import Target

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.py").write_text(SAMPLE)
    (src / "b.py").write_text(SAMPLE)
    built = build_targets((Target(src, tmp_path / "out", "full", ("b",)),))
    assert built == [tmp_path / "out" / "b.ipynb"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["b.ipynb"]
    with pytest.raises(MediakitError) as err:
        build_targets((Target(src, tmp_path / "out", "full", ("b", "c")),))
    assert err.value.message == f"{src}: no notebook source c (*.py) here"


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


TEACHING = """# %% [markdown] tags=["solution"]
# For instructors.

# %%
### BEGIN STUDENT
x = ...
### END STUDENT
### BEGIN SOLUTION
x = 42
### END SOLUTION
check(x)

# %% [markdown]
# Why?
# ### BEGIN SOLUTION
# Because.
# ### END SOLUTION
"""


def test_select_variant_keeps_one_version_and_drops_markers():
    from mediakit.notebook_build import select_variant

    assert select_variant(TEACHING, "full") == TEACHING
    student = select_variant(TEACHING, "student")
    assert "x = ..." in student and "x = 42" not in student and "Because." not in student
    solution = select_variant(TEACHING, "solution")
    assert "x = 42" in solution and "x = ..." not in solution and "# Because." in solution
    assert "BEGIN" not in student + solution and "check(x)" in student and "check(x)" in solution


def test_render_variant_drops_cells_tagged_for_the_other_version():
    student = json.loads(render_notebook(TEACHING, variant="student"))
    solution = json.loads(render_notebook(TEACHING, variant="solution"))
    assert [c["cell_type"] for c in student["cells"]] == ["code", "markdown"]
    assert "".join(solution["cells"][0]["source"]) == "For instructors."
    assert solution["cells"][0]["metadata"] == {}  # the build tag is not copied
    assert "".join(student["cells"][1]["source"]) == "Why?"


@pytest.mark.parametrize("text,problem", [
    ("# %%\n### END SOLUTION\n", "line 2: ### END SOLUTION without ### BEGIN SOLUTION"),
    ("# %%\n### BEGIN SOLUTION\nx = 1\n", "line 2: ### BEGIN SOLUTION is never closed"),
    ("# %%\n### BEGIN SOLUTION\n### BEGIN STUDENT\n",
     "line 3: ### BEGIN STUDENT inside an open SOLUTION block"),
])
def test_variant_marker_errors_name_the_line(text, problem):
    from mediakit.notebook_build import select_variant

    with pytest.raises(MediakitError) as err:
        select_variant(text, "student", "ex.py")
    assert err.value.message == f"ex.py, {problem}"


def test_teaching_sources_build_two_notebooks(tmp_path):
    from mediakit.notebook_build import Target, build_targets

    src = tmp_path / "src"
    src.mkdir()
    (src / "ex.py").write_text(TEACHING)
    targets = (Target(src, tmp_path / "solutions", "solution"),
               Target(src, tmp_path / "student", "student"))
    built = build_targets(targets)
    assert sorted(p.parent.name for p in built) == ["solutions", "student"]
    assert build_targets(targets, check=True) == []
    assert "x = 42" in (tmp_path / "solutions" / "ex.ipynb").read_text()
    assert "x = 42" not in (tmp_path / "student" / "ex.ipynb").read_text()
