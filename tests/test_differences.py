"""Differences between groups: hand-worked means and Hedges' g, seeded intervals."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.run.differences import group_differences, hedges_g, paper_table

TABLE = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5 + ["C"],
                      "x": [1, 2, 3, 4, 5, 2, 3, 4, 5, 6, 9]})


def test_hedges_g_by_hand():
    # Both groups have variance 2.5: pooled sd sqrt(2.5); d = -1 / 1.5811 = -0.63246;
    # correction 1 - 3 / (4 * 10 - 9) = 28 / 31; g = -0.63246 * 28 / 31 = -0.57125.
    g = hedges_g(TABLE.x[:5].to_numpy(float), TABLE.x[5:10].to_numpy(float))
    assert g == pytest.approx(-(1 / 2.5 ** 0.5) * 28 / 31)
    assert hedges_g([1.0], [2.0, 3.0]) is None
    assert hedges_g([1.0, 1.0], [1.0, 1.0]) is None


def test_pairs_differences_and_seeded_intervals():
    d = group_differences(TABLE, "outlet", ["x"], min_articles=2, n_resamples=500, seed=3)
    assert len(d) == 1  # C has one article: left out
    row = d.iloc[0]
    assert (row.group_a, row.group_b, row.n_a, row.n_b) == ("A", "B", 5, 5)
    assert (row.mean_a, row.mean_b, row.difference) == (3.0, 4.0, -1.0)
    assert row.ci_low < -1.0 < row.ci_high and row.ci_method == "BCa"
    again = group_differences(TABLE, "outlet", ["x"], min_articles=2, n_resamples=500, seed=3)
    assert (again.ci_low.iloc[0], again.ci_high.iloc[0]) == (row.ci_low, row.ci_high)
    assert d.attrs["bootstrap"]["seed"] == 3 and d.attrs["bootstrap"]["scipy"] == "1.17.1"
    wide = group_differences(TABLE, "outlet", ["x"], min_articles=1, n_resamples=200)
    assert sorted(zip(wide.group_a, wide.group_b)) == [("A", "B"), ("A", "C"), ("B", "C")]
    assert wide.ci_method.tolist()[1:] == ["none (a group of one)"] * 2


def test_constant_groups_and_the_paper_table():
    df = pd.DataFrame({"g": ["a", "a", "b", "b"], "y": [1.0, 1.0, 3.0, 3.0]})
    d = group_differences(df, "g", ["y"], min_articles=2, n_resamples=100)
    assert (d.ci_low.iloc[0], d.ci_high.iloc[0], d.ci_method.iloc[0]) == (
        -2.0, -2.0, "none (constant values)")
    t = paper_table(d)
    assert t.to_dict("records") == [{"measure": "y", "groups": "a − b", "n": "2, 2",
                                     "difference": "-2.00", "95% CI": "[-2.00, -2.00]",
                                     "Hedges' g": "—"}]
    with pytest.raises(KeyError, match="no column 'nope'"):
        group_differences(df, "nope", ["y"])
