"""Differences between groups of articles, with bootstrap confidence intervals.

For each measure and each pair of groups (outlets, periods, or the values of any
column a corpus table carries), :func:`group_differences` gives the difference of the
groups' means, a bootstrap confidence interval for it (scipy's
:func:`scipy.stats.bootstrap`, seeded), and Hedges' g as the effect size: a table a
researcher can paste into a paper, with the settings that made it in
``DataFrame.attrs["bootstrap"]`` for the provenance.

References
----------
Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
    (BCa intervals, ch. 14.)
Hedges, L. V. (1981). Distribution theory for Glass's estimator of effect size and
    related estimators. *Journal of Educational Statistics*, 6(2), 107-128.
"""

from __future__ import annotations

import math
import warnings
from itertools import combinations

import numpy as np
import pandas as pd

from .labels import measure_label

__all__ = ["DIFFERENCE_COLUMNS", "group_differences", "hedges_g", "paper_table"]

DIFFERENCE_COLUMNS = ("group_by", "metric", "group_a", "group_b", "n_a", "n_b", "mean_a",
                      "mean_b", "difference", "ci_low", "ci_high", "ci_method", "hedges_g")


def hedges_g(a: np.ndarray, b: np.ndarray) -> float | None:
    """Hedges' g: the difference of means over the pooled standard deviation, with the
    small-sample correction ``1 - 3 / (4 (n_a + n_b) - 9)`` (Hedges 1981).

    Returns
    -------
    float or None
        None when a group has fewer than two values or the pooled deviation is 0.
    """
    na, nb = len(a), len(b)
    if na < 2 or nb < 2:
        return None
    pooled = math.sqrt(((na - 1) * np.var(a, ddof=1) + (nb - 1) * np.var(b, ddof=1))
                       / (na + nb - 2))
    if pooled == 0:
        return None
    return float((np.mean(a) - np.mean(b)) / pooled * (1 - 3 / (4 * (na + nb) - 9)))


def _mean_difference(x, y, axis=-1):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


def _interval(a, b, confidence: float, n_resamples: int, seed: int
              ) -> tuple[float, float, str]:
    from scipy.stats import bootstrap

    if len(a) < 2 or len(b) < 2:
        return math.nan, math.nan, "none (a group of one)"
    if np.all(a == a[0]) and np.all(b == b[0]):  # nothing to resample: the interval is a point
        d = float(a[0] - b[0])
        return d, d, "none (constant values)"
    for method in ("BCa", "percentile"):  # BCa is undefined on some degenerate samples
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = bootstrap((a, b), _mean_difference, n_resamples=n_resamples,
                            confidence_level=confidence, method=method, vectorized=True,
                            paired=False, rng=np.random.default_rng(seed))
        low, high = res.confidence_interval
        if not (math.isnan(low) or math.isnan(high)):
            return float(low), float(high), method
    return math.nan, math.nan, "failed"


def group_differences(df: pd.DataFrame, by: str, metrics: list[str], *,
                      confidence: float = 0.95, n_resamples: int = 2000, seed: int = 0,
                      min_articles: int = 5) -> pd.DataFrame:
    """Difference of means between every pair of groups, per metric.

    Parameters
    ----------
    df : DataFrame
        One row per article (a corpus table, or the comparison table of a batch).
    by : str
        The column whose values are the groups (``outlet``, ``period``, any column).
    metrics : list of str
        Numeric columns.
    confidence : float
        Level of the two-sided intervals.
    n_resamples : int
        Bootstrap resamples.
    seed : int
        Seed of the resampling (:func:`numpy.random.default_rng`): the same seed, the
        same intervals.
    min_articles : int
        Groups with fewer non-missing values of a metric are left out for it.

    Returns
    -------
    DataFrame
        Columns :data:`DIFFERENCE_COLUMNS`: ``difference = mean_a - mean_b`` (groups in
        sorted order), its bootstrap interval (BCa; percentile where BCa is undefined,
        none for a group of one; ``ci_method`` says which) and Hedges' g.
        ``attrs["bootstrap"]`` records the settings and scipy's version.
    """
    import scipy

    if by not in df.columns:
        raise KeyError(f"no column {by!r} to group by (columns: {', '.join(map(str, df.columns))})")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be in (0, 1)")
    rows = []
    for metric in metrics:
        values = pd.to_numeric(df[metric], errors="coerce")
        groups = {}
        for name, part in values.groupby(df[by], sort=True, dropna=True):
            arr = part.dropna().to_numpy(dtype=float)
            if len(arr) >= max(min_articles, 1):
                groups[name] = arr
        for ga, gb in combinations(sorted(groups, key=str), 2):
            a, b = groups[ga], groups[gb]
            low, high, method = _interval(a, b, confidence, n_resamples, seed)
            rows.append({"group_by": by, "metric": metric, "group_a": ga, "group_b": gb,
                         "n_a": len(a), "n_b": len(b), "mean_a": float(np.mean(a)),
                         "mean_b": float(np.mean(b)),
                         "difference": float(np.mean(a) - np.mean(b)),
                         "ci_low": low, "ci_high": high, "ci_method": method,
                         "hedges_g": hedges_g(a, b)})
    out = pd.DataFrame(rows, columns=list(DIFFERENCE_COLUMNS))
    out.attrs["bootstrap"] = {"statistic": "difference of means", "method": "BCa",
                              "confidence": confidence, "n_resamples": n_resamples,
                              "seed": seed, "min_articles": min_articles,
                              "scipy": scipy.__version__}
    return out


def _fmt(x, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{x:.{digits}f}"


def paper_table(differences: pd.DataFrame, digits: int = 2) -> pd.DataFrame:
    """The differences as a table for a paper: words, rounded, interval in brackets.

    Returns
    -------
    DataFrame
        Columns ``measure``, ``groups`` ("A − B"), ``n``, ``difference``,
        ``{level}% CI`` and ``Hedges' g``; no index.
    """
    level = differences.attrs.get("bootstrap", {}).get("confidence", 0.95)
    ci = f"{level:.0%} CI"
    rows = [{"measure": measure_label(str(r.metric)),
             "groups": f"{r.group_a} − {r.group_b}",
             "n": f"{r.n_a}, {r.n_b}",
             "difference": _fmt(r.difference, digits),
             ci: f"[{_fmt(r.ci_low, digits)}, {_fmt(r.ci_high, digits)}]",
             "Hedges' g": _fmt(r.hedges_g, digits)}
            for r in differences.itertuples()]
    return pd.DataFrame(rows, columns=["measure", "groups", "n", "difference", ci,
                                       "Hedges' g"])
