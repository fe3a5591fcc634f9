"""analyze_frame, the pandas accessor, and grouped means with t intervals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from mediakit import load_articles
from mediakit.errors import ArticleError, ParameterError
from mediakit.io.articles import article_from_text
from mediakit.run.analyzer import Analyzer
from mediakit.run.corpus import row_layout
from mediakit.run.frame import add_period, analyze_frame, grouped_means, t_quantile

from .conftest import RAW


@pytest.fixture(scope="module")
def frame():
    articles = load_articles(RAW)[:3]
    return pd.DataFrame({
        "body": [a.body for a in articles],
        "headline": [a.title for a in articles],
        "paper": ["A", "B", "A"],
        "published": ["2024-05-01", "2024-05-20", "2024-06-03"],
    }, index=[10, 20, 30])


def test_rows_equal_the_flattened_metrics_and_keep_the_index(frame):
    result = analyze_frame(frame, title="headline", outlet="paper", date="published")
    assert list(result.index) == [10, 20, 30]
    for label in frame.index:
        article = article_from_text(frame.loc[label, "body"], id=str(label),
                                    title=frame.loc[label, "headline"],
                                    outlet=frame.loc[label, "paper"],
                                    date=frame.loc[label, "published"])
        expected = row_layout().flatten(Analyzer().analyze(article).to_dict())
        got = result.loc[label]
        assert {k for k, v in expected.items() if v is not None} <= set(result.columns)
        for column, value in expected.items():
            if column not in result.columns:
                continue
            if value is None:
                assert got[column] is None or pd.isna(got[column]), column
            else:
                assert got[column] == value, column
    assert result["id"].tolist() == ["10", "20", "30"]
    assert result["outlet"].tolist() == ["A", "B", "A"]


def test_accessor_hands_off_and_checks_columns(frame):
    via_accessor = frame.mediakit.analyze(outlet="paper")
    pd.testing.assert_frame_equal(via_accessor, analyze_frame(frame, outlet="paper"))
    with pytest.raises(ParameterError, match="no text column 'text'"):
        frame.mediakit.analyze(text="text")
    with pytest.raises(ParameterError, match="outlet='source'"):
        analyze_frame(frame, outlet="source")


def test_bad_rows_raise_or_are_coerced():
    df = pd.DataFrame({"body": ["It rained. People stayed home.", "  ", None, 7],
                       "paper": ["A", "B", "C", "D"]}, index=["a", "b", "c", "d"])
    with pytest.raises(ArticleError, match="row 'b': article text is empty"):
        analyze_frame(df)
    result = analyze_frame(df, outlet="paper", errors="coerce")
    assert result["error"].tolist() == [None, "article text is empty", "article text is missing",
                                        "article text is int, not text"]
    assert result["outlet"].tolist() == ["A", "B", "C", "D"]
    assert result["sentences"].tolist()[0] == 2
    assert result["sentiment_mean_compound"].isna().tolist() == [False, True, True, True]


def test_t_quantile_matches_printed_tables():
    # Two-sided 95 % critical values of Student's t (any statistics table).
    for df, t in ((1, 12.706), (2, 4.303), (10, 2.228), (30, 2.042)):
        assert t_quantile(0.975, df) == pytest.approx(t, abs=5e-4)
    assert t_quantile(0.025, 10) == pytest.approx(-2.228, abs=5e-4)
    assert t_quantile(0.5, 7) == pytest.approx(0.0, abs=1e-9)


def test_grouped_means_by_hand():
    df = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "x": [1.0, 2.0, 3.0, 5.0]})
    table = grouped_means(df, "outlet", ["x"])
    a, b = table.iloc[0], table.iloc[1]
    # A: mean 2, sd 1, n 3: 2 ± 4.3027 / sqrt(3) = 2 ± 2.4841
    assert (a["outlet"], a["n"], a["mean"], a["sd"]) == ("A", 3, 2.0, 1.0)
    assert a["ci_low"] == pytest.approx(-0.4841, abs=1e-4)
    assert a["ci_high"] == pytest.approx(4.4841, abs=1e-4)
    assert (b["n"], b["mean"]) == (1, 5.0) and math.isnan(b["ci_low"])


def test_add_period_from_iso_dates():
    df = pd.DataFrame({"date": ["2024-05-01", "2024-05-31T23:00:00+00:00", None, "soon"]})
    periods = add_period(df, freq="M")["period"]
    assert periods.tolist()[:2] == ["2024-05", "2024-05"]
    assert periods.isna().tolist() == [False, False, True, True]
    assert add_period(df, freq="Q")["period"].tolist()[0] == "2024Q2"


def test_compare_corpus_notebook_code_on_a_corpus_table(tmp_path, monkeypatch):
    """The notebook's cells, run in this process (no kernel), on a small table."""
    from mediakit.notebook_build import SOURCE_DIR, parse_percent
    from mediakit.run import report_views

    table = pd.DataFrame({
        "outlet": ["A", "A", "A", "B", "B", "B", None],
        "date": ["2024-01-03", "2024-01-20", "2024-02-01", "2024-01-05", "2024-02-07",
                 "2024-02-09", "2024-02-10"],
        "sentiment_mean_compound": [0.1, 0.2, 0.3, -0.4, -0.2, None, 0.0],
        "words": [100, 200, 300, 400, 500, 600, 700],
    })
    table.to_parquet(tmp_path / "c.parquet")
    shown = []
    monkeypatch.setattr(report_views, "show", shown.append)
    injected = {"results_path": str(tmp_path / "c.parquet"), "min_articles": 3,
                "metrics": "sentiment_mean_compound, words",
                "output_csv": str(tmp_path / "means.csv")}
    namespace: dict = {}
    cells = parse_percent((SOURCE_DIR / "compare_corpus.py").read_text("utf-8"))
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        exec(cell["source"], namespace)  # noqa: S102 - our own notebook source
        if "parameters" in cell["tags"]:
            namespace.update(injected)
    means = pd.read_csv(tmp_path / "means.csv")
    outlet_rows = means[(means["group_by"] == "outlet")].set_index(["outlet", "metric"])
    # A: 0.1, 0.2, 0.3 -> mean 0.2; B: -0.4, -0.2 (one missing) -> n 2, mean -0.3;
    # the article with no outlet is "(no outlet)", one article: under min_articles.
    assert outlet_rows.loc[("A", "sentiment_mean_compound"), "mean"] == pytest.approx(0.2)
    assert outlet_rows.loc[("B", "sentiment_mean_compound"), "n"] == 2
    assert outlet_rows.loc[("B", "words"), "mean"] == 500
    assert "(no outlet)" not in outlet_rows.index.get_level_values(0)
    period_rows = means[means["group_by"] == "period"].set_index(["period", "metric"])
    # Months: 2024-01 has 3 articles, 2024-02 has 4 (all outlets).
    assert period_rows.loc[("2024-01", "words"), "mean"] == pytest.approx(700 / 3)
    assert period_rows.loc[("2024-02", "words"), "n"] == 4
    # Means and distributions per metric; no outlet-month cell has 3 articles, so no trends.
    assert sum(type(s).__name__ == "Figure" for s in shown) == 2 + 2
