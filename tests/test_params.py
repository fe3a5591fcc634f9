"""Notebook parameter schema and validation."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit.errors import ArticleError, ParameterError
from mediakit.run.params import (
    COMPARE_CORPUS_PARAMETERS,
    COMPARE_PARAMETERS,
    REPORT_PARAMETERS,
    TEACHING_PARAMETERS,
    article_from_parameters,
    check_notebook_parameters,
    recorded_parameters,
    validate_parameters,
)

from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"


def test_defaults_are_filled_in_schema_order():
    values = validate_parameters("article_report", {"article_path": "a.txt"})
    assert list(values) == [p.name for p in REPORT_PARAMETERS]
    assert values["article_path"] == "a.txt"
    assert values["positive_threshold"] == 0.05 and values["negative_threshold"] == -0.05
    assert values["article_row"] is None and values["columns"] == {}


def test_int_for_float_becomes_float_but_bool_is_refused():
    values = validate_parameters("article_report", {"positive_threshold": 1})
    assert values["positive_threshold"] == 1.0 and isinstance(values["positive_threshold"], float)
    with pytest.raises(ParameterError, match="'positive_threshold' must be a number"):
        validate_parameters("article_report", {"positive_threshold": True})


def test_papermill_yaml_coercions_are_caught_with_a_hint():
    # papermill -p article_id 007 arrives as the integer 7
    with pytest.raises(ParameterError) as err:
        validate_parameters("article_report", {"article_id": 7})
    assert err.value.message == (
        "article_report.ipynb: parameter 'article_id' must be text (str) or None, got int 7; "
        "papermill reads -p values as YAML, pass text with -r article_id ...")
    # papermill -p positive_threshold abc arrives as the text "abc"
    with pytest.raises(ParameterError, match="'positive_threshold' must be a number .*str 'abc'"):
        validate_parameters("article_report", {"positive_threshold": "abc"})


def test_unknown_name_is_refused_and_lists_the_known_ones():
    with pytest.raises(ParameterError) as err:
        validate_parameters("compare_articles", {"result_dir": "x"})
    assert err.value.message == ("compare_articles.ipynb: unknown parameter 'result_dir' "
                                 "(parameters are: results_dir, output_csv, group_by, "
                                 "min_articles, bootstrap_resamples, seed)")


def test_columns_must_map_text_to_text():
    with pytest.raises(ParameterError, match="must map names to text"):
        validate_parameters("article_report", {"columns": {"text": 3}})


def test_kernel_side_check_finds_names_from_papermills_injected_cell():
    ns = {p.name: p.default for p in COMPARE_PARAMETERS}
    # IPython's In: the parameters cell, papermill's injected cell, the check cell.
    ns["In"] = ["", 'results_dir = "x"\n', '# Parameters\nresults_dir = "r"\nresult_dir = "y"\n',
                "check(...)"]
    ns["result_dir"] = "y"
    ns["results_dir"] = "r"
    with pytest.raises(ParameterError, match="unknown parameter 'result_dir'"):
        check_notebook_parameters("compare_articles", ns)
    # The same name assigned by hand in an earlier cell (not by papermill) is fine.
    ns["In"] = ["", 'results_dir = "x"\n', 'result_dir = "y"\n', "check(...)"]
    assert check_notebook_parameters("compare_articles", ns) == {
        "results_dir": "r", "output_csv": None, "group_by": "outlet", "min_articles": 2,
        "bootstrap_resamples": 2000, "seed": 0}


def test_kernel_side_check_reports_a_missing_parameter():
    with pytest.raises(ParameterError, match="does not define output_csv"):
        check_notebook_parameters("compare_articles", {"results_dir": "r"})


def test_output_dir_is_not_recorded():
    values = validate_parameters("article_report", {"output_dir": "/somewhere"})
    recorded = recorded_parameters("article_report", values)
    assert "output_dir" not in recorded and recorded["article_path"] == values["article_path"]


_TEACHING = NOTEBOOKS / "teaching"


@pytest.mark.parametrize("path,name,schema", [
    ("article_report.ipynb", "article_report", REPORT_PARAMETERS),
    ("compare_articles.ipynb", "compare_articles", COMPARE_PARAMETERS),
    ("compare_corpus.ipynb", "compare_corpus", COMPARE_CORPUS_PARAMETERS),
    *[(f"teaching/{n}.ipynb", n, s) for n, s in TEACHING_PARAMETERS.items()],
    *[(f"teaching/solutions/{n}.ipynb", n, s) for n, s in TEACHING_PARAMETERS.items()],
])
def test_parameters_cell_matches_the_schema(path, name, schema):
    import papermill

    inferred = papermill.inspect_notebook(str(NOTEBOOKS / path))
    assert list(inferred) == [p.name for p in schema]
    for p in schema:
        got = inferred[p.name]
        assert got["inferred_type_name"] == p.annotation, p.name
        assert ast.literal_eval(got["default"]) == p.default, p.name
        assert got["help"] == p.help, p.name


def test_help_notebook_lists_types_and_defaults():
    papermill = Path(sys.executable).with_name("papermill")
    out = subprocess.run([str(papermill), "--help-notebook",
                          str(NOTEBOOKS / "article_report.ipynb")],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert '  article_path: str (default "../data/raw/israel-hamas-war-latest-news.txt")' in out
    assert "  article_id: Optional[str] (default None)" in out
    assert "  positive_threshold: float (default 0.05)" in out
    assert "VADER compound at or above which a sentence is positive" in out
    assert "  max_bytes: int (default 5000000)" in out


def _jsonl(tmp_path):
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": "first", "title": "One", "body": "The first article. It is short."},
            {"id": "second", "title": "Two", "body": "The second article. Also short."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_article_from_parameters_picks_the_row_and_applies_overrides(tmp_path):
    path = _jsonl(tmp_path)
    values = validate_parameters("article_report", {
        "article_path": str(path), "article_row": 2, "article_id": "b",
        "title": 'A "quoted"\nheadline {with} braces'})
    article = article_from_parameters(values)
    assert article.id == "b" and article.row == 2
    assert article.body == "The second article. Also short."
    assert article.title == 'A "quoted"\nheadline {with} braces'


def test_article_from_parameters_needs_a_row_for_a_corpus(tmp_path):
    values = validate_parameters("article_report", {"article_path": str(_jsonl(tmp_path))})
    with pytest.raises(ParameterError, match="set the parameter 'article_row'"):
        article_from_parameters(values)
    values["article_row"] = 9
    with pytest.raises(ParameterError, match="no article at row 9"):
        article_from_parameters(values)
    values["article_path"] = str(tmp_path / "missing.txt")
    with pytest.raises(ArticleError, match="no such file"):
        article_from_parameters(values)


def test_article_from_parameters_custom_columns(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"content": "Body text here. Two sentences."}) + "\n")
    values = validate_parameters("article_report", {"article_path": str(path),
                                                    "columns": {"text": "content"}})
    assert article_from_parameters(values).body == "Body text here. Two sentences."
    values["columns"] = {"txt": "content"}
    with pytest.raises(ParameterError, match="unknown field 'txt'"):
        article_from_parameters(values)


def test_every_teaching_notebook_has_a_schema():
    assert {p.stem for p in _TEACHING.glob("*.ipynb")} == set(TEACHING_PARAMETERS)
    values = validate_parameters("01_readability_by_hand", {"paragraph": 2})
    assert values == {"article_path": None, "paragraph": 2}
    with pytest.raises(ParameterError, match="parameter 'paragraph' must be an integer"):
        validate_parameters("01_readability_by_hand", {"paragraph": "two"})
