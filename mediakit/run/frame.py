"""The pandas face of mediakit: analyse a DataFrame of articles, compare groups.

``analyze_frame(df)`` gives one row of corpus columns (see ``docs/corpus.md``) per
row of ``df``, with the same numbers as ``mediakit analyze`` and ``mediakit corpus``.
Importing this module also registers a thin accessor, ``df.mediakit.analyze(...)``,
that hands off to :func:`analyze_frame`; nothing depends on it being registered.
"""

from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa

from ..errors import ArticleError, ParameterError
from ..io.articles import article_from_text, slugify
from .analyzer import Analyzer
from .corpus import row_layout

__all__ = ["MediakitAccessor", "add_period", "analyze_frame", "distribution_figure",
           "grouped_means", "means_figure", "read_corpus_table", "t_quantile", "trend_figure"]


def _cell(value):
    """A metadata cell as text, or None for missing values (None, NaN, NaT, "")."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value if isinstance(value, str) else str(value)


def analyze_frame(df: pd.DataFrame, text: str = "body", title: str | None = None,
                  outlet: str | None = None, date: str | None = None, id: str | None = None,
                  analyzer: Analyzer | None = None, errors: str = "raise") -> pd.DataFrame:
    """Analyse every row of a DataFrame of articles.

    Parameters
    ----------
    df : pandas.DataFrame
        One article per row.
    text : str
        Column holding the article text.
    title, outlet, date, id : str, optional
        Columns holding the metadata; without ``id`` the row's index label is used.
    analyzer : Analyzer, optional
        A configured analysis (default parameters otherwise).
    errors : {"raise", "coerce"}
        ``"raise"`` stops at the first row that cannot be analysed (empty text,
        not a string, too large); ``"coerce"`` leaves its metrics missing and puts
        the reason in an ``error`` column.

    Returns
    -------
    pandas.DataFrame
        The corpus columns (``id, title, outlet, date, ..., readability_...,
        sentiment_...``), indexed like ``df``.

    Raises
    ------
    ParameterError
        If a named column is missing or ``errors`` is not a known value.
    ArticleError
        With ``errors="raise"``, naming the row label and the problem.
    """
    if errors not in ("raise", "coerce"):
        raise ParameterError(None, f"errors must be 'raise' or 'coerce', got {errors!r}")
    named = {"text": text, "title": title, "outlet": outlet, "date": date, "id": id}
    missing = [f"{k}={v!r}" for k, v in named.items() if v is not None and v not in df.columns]
    if missing:
        raise ParameterError(None, f"no such column(s) in the DataFrame: {', '.join(missing)} "
                             f"(columns are: {', '.join(map(str, df.columns))})")
    analyzer = analyzer or Analyzer()
    analyzer.validate()
    options = analyzer.load_options()
    layout = row_layout(analyzer)
    rows, reasons = [], []
    for position, label in enumerate(df.index):
        record = df.iloc[position]
        body = record[text]
        meta = {k: _cell(record[col]) for k, col in
                (("title", title), ("outlet", outlet), ("date", date)) if col is not None}
        ident = _cell(record[id]) if id is not None else None
        try:
            if body is None or (not isinstance(body, str) and pd.isna(body)):
                raise ArticleError(None, "article text is missing")
            article = article_from_text(body, id=ident or str(label), options=options, **meta)
            rows.append(layout.flatten(analyzer.analyze(article).to_dict()))
            reasons.append(None)
        except ArticleError as exc:
            if errors == "raise":
                raise ArticleError(None, f"row {label!r}: {exc.problem}") from None
            # Keep what identifies the row, so a failed row can still be grouped.
            rows.append({"id": slugify(ident or str(label)), **meta})
            reasons.append(exc.problem)
    table = pa.Table.from_pylist(rows, schema=layout.schema)
    result = table.to_pandas()
    result.index = df.index
    if errors == "coerce":
        result["error"] = pd.Series(reasons, index=df.index, dtype=object)
    return result


@pd.api.extensions.register_dataframe_accessor("mediakit")
class MediakitAccessor:
    """``df.mediakit.analyze(text="body", ...)``: :func:`analyze_frame` on ``df``."""

    def __init__(self, df: pd.DataFrame):
        self._df = df

    def analyze(self, text: str = "body", **kwargs) -> pd.DataFrame:
        """See :func:`analyze_frame`."""
        if text not in self._df.columns:
            raise ParameterError(None, f"no text column {text!r} in the DataFrame (columns "
                                 f"are: {', '.join(map(str, self._df.columns))})")
        return analyze_frame(self._df, text=text, **kwargs)


# ------------------------------------------------------------------ comparing groups


def _betacf(a: float, b: float, x: float) -> float:
    # Continued fraction of the incomplete beta function, modified Lentz's method
    # (Press et al., Numerical Recipes, 3rd ed., 2007, section 6.4).
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def _t_cdf(t: float, df: float) -> float:
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """Quantile of Student's t distribution (no SciPy needed).

    Parameters
    ----------
    p : float
        Probability in (0, 1), e.g. 0.975 for a two-sided 95 % interval.
    df : float
        Degrees of freedom (> 0).

    Returns
    -------
    float
        ``t`` with ``P(T <= t) = p``, to about 1e-10.

    References
    ----------
    Press, W. H., Teukolsky, S. A., Vetterling, W. T. & Flannery, B. P. (2007).
    Numerical Recipes, 3rd ed., sections 6.4 (incomplete beta) and 6.14 (Student's t).
    """
    if not 0.0 < p < 1.0 or not df > 0:
        raise ValueError("need 0 < p < 1 and df > 0")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    lo, hi = 0.0, 1.0
    while _t_cdf(hi, df) < p:
        hi *= 2.0
    for _ in range(200):  # bisection: the CDF is monotone
        mid = (lo + hi) / 2.0
        if _t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2.0


def grouped_means(df: pd.DataFrame, by: str | list[str], metrics: list[str],
                  confidence: float = 0.95) -> pd.DataFrame:
    """Mean of each metric per group, with a Student-t confidence interval.

    Parameters
    ----------
    df : pandas.DataFrame
        A corpus table.
    by : str or list of str
        Grouping column(s), e.g. ``"outlet"`` or ``["outlet", "period"]``.
    metrics : list of str
        Numeric columns.
    confidence : float
        Level of the two-sided interval (0.95 for 95 %).

    Returns
    -------
    pandas.DataFrame
        One row per group and metric: the group column(s), ``metric, n, mean, sd,
        ci_low, ci_high``. ``n`` counts non-missing values; with ``n < 2`` the
        interval is missing.

    References
    ----------
    The interval is mean ± t(1 - α/2, n - 1) · sd / √n (e.g. Moore, McCabe & Craig,
    Introduction to the Practice of Statistics, ch. 7).
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be in (0, 1)")
    keys = [by] if isinstance(by, str) else list(by)
    out = []
    for group, part in df.groupby(keys, sort=True, dropna=True):
        group = group if isinstance(group, tuple) else (group,)
        for metric in metrics:
            values = pd.to_numeric(part[metric], errors="coerce").dropna()
            n = int(values.size)
            mean = float(values.mean()) if n else math.nan
            sd = float(values.std(ddof=1)) if n > 1 else math.nan
            if n > 1:
                half = t_quantile(0.5 + confidence / 2.0, n - 1) * sd / math.sqrt(n)
                low, high = mean - half, mean + half
            else:
                low = high = math.nan
            out.append({**dict(zip(keys, group)), "metric": metric, "n": n, "mean": mean,
                        "sd": sd, "ci_low": low, "ci_high": high})
    return pd.DataFrame(out, columns=[*keys, "metric", "n", "mean", "sd", "ci_low", "ci_high"])


def add_period(df: pd.DataFrame, date: str = "date", freq: str = "M",
               name: str = "period") -> pd.DataFrame:
    """Add a time-period column (e.g. ``2024-05`` for ``freq="M"``) from ISO dates.

    Parameters
    ----------
    df : pandas.DataFrame
        A corpus table.
    date : str
        Column of ISO 8601 dates (strings); unparseable or missing dates give a
        missing period.
    freq : str
        A pandas period frequency: ``"Y"``, ``"Q"``, ``"M"``, ``"W"`` or ``"D"``.
    name : str
        Name of the new column.

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` with the period as text.
    """
    stamps = pd.to_datetime(df[date], errors="coerce", utc=True, format="ISO8601")
    periods = stamps.dt.tz_localize(None).dt.to_period(freq).astype(str)
    result = df.copy()
    result[name] = periods.where(stamps.notna(), None)
    return result


# ---------------------------------------------------------------------- figures


def read_corpus_table(path) -> pd.DataFrame:
    """Read a corpus table: the local engine's Parquet file or the Dask engine's folder."""
    return pd.read_parquet(path)


def _label(text) -> str:
    # matplotlib reads $...$ as mathematics; outlet names are shown literally.
    return str(text).replace("$", r"\$")


def _rows_figure(n_rows: int):
    """A figure with one row per group, and fixed room (in inches) for the title above
    and the tick labels and axis label below, however few the rows."""
    from matplotlib.figure import Figure

    height = 1.1 + 0.35 * max(n_rows, 2)
    fig = Figure(figsize=(7.5, height))
    fig.subplots_adjust(left=0.3, right=0.97, bottom=0.6 / height, top=1 - 0.35 / height)
    return fig


def means_figure(means: pd.DataFrame, by: str, metric: str, title: str | None = None):
    """Group means of one metric with their confidence intervals (error bars).

    Parameters
    ----------
    means : pandas.DataFrame
        Output of :func:`grouped_means` grouped by ``by``.
    by : str
        The group column (e.g. ``"outlet"`` or ``"period"``).
    metric : str
        The metric to show.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """

    rows = means[means["metric"] == metric]
    fig = _rows_figure(len(rows))
    ax = fig.add_subplot()
    y = list(range(len(rows)))[::-1]
    low = (rows["mean"] - rows["ci_low"]).fillna(0).to_numpy()
    high = (rows["ci_high"] - rows["mean"]).fillna(0).to_numpy()
    ax.errorbar(rows["mean"], y, xerr=[low, high], fmt="o", color="#1f4e79", capsize=3)
    ax.set_yticks(y, [f"{_label(g)} (n={n})" for g, n in zip(rows[by], rows["n"])])
    ax.set_xlabel(_label(metric))
    ax.set_title(_label(title or f"{metric} by {by}"), fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return fig


def trend_figure(means: pd.DataFrame, metric: str, line: str = "outlet",
                 period: str = "period"):
    """One line per group over time periods, with a shaded confidence band.

    Parameters
    ----------
    means : pandas.DataFrame
        Output of :func:`grouped_means` grouped by ``[line, period]``.
    metric : str
    line, period : str
        The group column drawn as lines, and the period column on the x axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.figure import Figure

    rows = means[means["metric"] == metric]
    periods = sorted(rows[period].unique())
    x_of = {p: i for i, p in enumerate(periods)}
    fig = Figure(figsize=(7.5, 3.2))
    fig.subplots_adjust(left=0.1, right=0.75, bottom=0.22, top=0.88)
    ax = fig.add_subplot()
    for name, part in rows.groupby(line, sort=True):
        xs = [x_of[p] for p in part[period]]
        ax.plot(xs, part["mean"], marker="o", label=_label(name))
        ax.fill_between(xs, part["ci_low"], part["ci_high"], alpha=0.15)
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step), [str(p) for p in periods][::step],
                  rotation=45, ha="right", fontsize=8)
    ax.set_ylabel(_label(metric))
    ax.set_title(_label(f"{metric} by {period}"), fontsize=10)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.grid(alpha=0.3)
    return fig


def distribution_figure(df: pd.DataFrame, metric: str, by: str = "outlet"):
    """Box plots of one metric per group (the whole distribution, not just the mean).

    Returns
    -------
    matplotlib.figure.Figure
    """

    groups = [(name, pd.to_numeric(part[metric], errors="coerce").dropna().to_numpy())
              for name, part in df.groupby(by, sort=True)]
    groups = [(name, values) for name, values in groups if values.size]
    fig = _rows_figure(len(groups))
    ax = fig.add_subplot()
    if groups:
        ax.boxplot([v for _, v in groups][::-1], orientation="horizontal",
                   tick_labels=[_label(n) for n, _ in groups][::-1])
    ax.set_xlabel(_label(metric))
    ax.set_title(_label(f"distribution of {metric} by {by}"), fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return fig
