"""Views of the comparison notebooks: a results folder read into one table, and the
figures that put articles side by side (``notebooks/src/compare_articles.py``).

Built on :mod:`mediakit.run.report_views` (figure and text helpers); re-exports ``setup``,
``show`` and ``text_html`` so a comparison notebook needs this module alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from ..errors import MediakitError
from .labels import code_words, measure_label
from .report_views import _INDICES, _ROLE_COLOURS, _label, setup, show, text_html

__all__ = [
    "DISPLAY_GROUPS",
    "bootstrap_note",
    "civilian_and_agentless_figure",
    "comparison_display",
    "comparison_table",
    "default_csv",
    "grades_by_article_figure",
    "load_results",
    "means_table",
    "outlets",
    "sentiment_by_article_figure",
    "setup",
    "show",
    "source_mix_by_article_figure",
    "text_html",
    "write_comparison_csv",
]


# ------------------------------------------------------------------- comparison


def load_results(results_dir: str | Path) -> pd.DataFrame:
    """One row per ``metrics.json`` under ``results_dir`` (``*/metrics.json``).

    Parameters
    ----------
    results_dir : str or Path
        A folder written by ``mediakit batch`` (one sub-folder per article).

    Returns
    -------
    DataFrame
        Indexed by article id, sorted; columns: title, outlet, date, words,
        sentences, the readability indices, the paragraph-grade median, mean and
        median compound and the label shares.

    Raises
    ------
    MediakitError
        If the folder is missing, holds no metrics files, or one is not valid JSON.
    """
    folder = Path(results_dir)
    if not folder.is_dir():
        raise MediakitError(folder, "no such folder")
    paths = sorted(folder.glob("*/metrics.json"))
    if not paths:
        raise MediakitError(folder, "no */metrics.json files here (run mediakit batch first)")
    rows = []
    for path in paths:
        try:
            m = json.loads(path.read_text("utf-8"))
            art, read, sent = m["article"], m["readability"], m["sentiment"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise MediakitError(path, f"not a metrics file ({exc})") from None
        row = {"id": art["id"], "title": art.get("title"), "outlet": art.get("outlet"),
               "date": art.get("date"), "words": art.get("words"),
               "sentences": art.get("sentences")}
        for key, *_rest in _INDICES:
            if key in read:
                row[key] = read[key]
        row["paragraph_grade_median"] = (read.get("paragraph_grade") or {}).get("median")
        for key in ("mean_compound", "median_compound", "positive_share", "neutral_share",
                    "negative_share"):
            row[key] = sent.get(key)
        row.update(_family_columns(m))
        rows.append(row)
    return pd.DataFrame(rows).set_index("id").sort_index()


def _family_columns(m: dict) -> dict:
    """Comparison columns from the sources, civilian-voice, framing and integrity objects (those
    present); role shares of sources become ``role_<name>`` columns."""
    row = {}
    sources = m.get("sources")
    if isinstance(sources, dict):
        d = sources.get("diversity") or {}
        row["n_sources"] = d.get("n_sources")
        row["official_share"] = ((d.get("official") or {}).get("sources") or {}).get("share")
        row["unnamed_share"] = d.get("unnamed_share")
        shares = ((d.get("roles") or {}).get("shares") or {}).get("sources") or {}
        for role, share in shares.items():
            row[f"role_{role}"] = share
    civ = m.get("civilian_voice")
    if isinstance(civ, dict):
        row["civilian_source_share"] = civ.get("source_share")
        row["civilian_quoted_word_share"] = civ.get("quoted_word_share")
    framing = m.get("framing")
    if isinstance(framing, dict):
        row["harm_mentions"] = framing.get("n_mentions")
        row["agentless_share"] = framing.get("agentless_share")
    integ = m.get("integrity")
    if isinstance(integ, dict):
        row["integrity_band"] = integ.get("band")
        row["flagged_share"] = integ.get("flagged_share")
    return row


_TABLE_COLUMNS = ("title", "outlet", "date", "words", "flesch_reading_ease",
                  "flesch_kincaid_grade", "dale_chall", "consensus_grade",
                  "paragraph_grade_median", "mean_compound", "positive_share",
                  "negative_share", "n_sources", "official_share", "civilian_source_share",
                  "civilian_quoted_word_share", "harm_mentions", "agentless_share",
                  "integrity_band", "flagged_share")


def comparison_table(results: pd.DataFrame) -> pd.DataFrame:
    """The columns compared across articles (those present), outlet then id order."""
    cols = [c for c in _TABLE_COLUMNS if c in results.columns]
    table = results[cols]
    if "outlet" in table.columns:
        table = table.assign(_o=table["outlet"].fillna("")).sort_values(["_o"], kind="stable")
        table = table.drop(columns="_o")
    return table


#: The comparison table as shown: three tables narrow enough for a page, each with the
#: article id first (the CSV keeps every column in one table).
DISPLAY_GROUPS = (
    ("Articles", ("title", "outlet", "date", "words")),
    ("Readability and sentiment", ("flesch_reading_ease", "flesch_kincaid_grade",
                                   "dale_chall", "consensus_grade", "paragraph_grade_median",
                                   "mean_compound", "positive_share", "negative_share")),
    ("Sources, civilian voice, harm and integrity", (
        "n_sources", "official_share", "civilian_source_share",
        "civilian_quoted_word_share", "harm_mentions", "agentless_share", "integrity_band",
        "flagged_share")),
)


def comparison_display(table: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The comparison table in words, for the page: (heading, table) per
    :data:`DISPLAY_GROUPS`, the article id as first column, headings as labels.

    Parameters
    ----------
    table : DataFrame
        From :func:`comparison_table`.

    Returns
    -------
    list of (str, DataFrame)
        Groups with none of their columns in ``table`` are left out.
    """
    out = []
    for heading, columns in DISPLAY_GROUPS:
        cols = [c for c in columns if c in table.columns]
        if not cols:
            continue
        part = table[cols].reset_index()
        part.columns = [measure_label(c) for c in part.columns]
        out.append((heading, part))
    return out


def bootstrap_note(settings: dict) -> str:
    """The bootstrap settings of a differences table, in words, for under the table."""
    names = {"statistic": "statistic", "method": "interval", "confidence": "confidence",
             "n_resamples": "resamples", "seed": "seed",
             "min_articles": "fewest articles in a group", "scipy": "scipy"}
    return "Bootstrap: " + "; ".join(f"{names.get(k, code_words(k))} {v}"
                                     for k, v in settings.items()) + "."


def means_table(means: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """Group means (:func:`mediakit.run.frame.grouped_means`) as a table for a paper: the
    group column(s), the measure in words, n, mean, SD and the interval in brackets, two
    decimals.

    Parameters
    ----------
    means : DataFrame
        Columns: the group column(s), ``metric, n, mean, sd, ci_low, ci_high``.
    confidence : float
        The intervals' level, for the heading.

    Returns
    -------
    DataFrame
    """
    def two(x) -> str:
        return "\u2014" if pd.isna(x) else f"{float(x) + 0.0:.2f}"

    keys = [c for c in means.columns
            if c not in ("metric", "n", "mean", "sd", "ci_low", "ci_high")]
    rows = [{**{measure_label(k): getattr(r, k) for k in keys},
             "Measure": measure_label(str(r.metric)), "n": int(r.n), "Mean": two(r.mean),
             "SD": two(r.sd),
             f"{confidence:.0%} CI": "\u2014" if pd.isna(r.ci_low) else
             f"[{two(r.ci_low)}, {two(r.ci_high)}]"}
            for r in means.itertuples(index=False)]
    return pd.DataFrame(rows, columns=[*(measure_label(k) for k in keys), "Measure", "n",
                                       "Mean", "SD", f"{confidence:.0%} CI"])


def outlets(results: pd.DataFrame) -> list[str]:
    """The distinct outlets of a results table (``(no outlet)`` for missing ones)."""
    return sorted({str(o) for o in results["outlet"].fillna("(no outlet)")})


def default_csv(results_dir: str | Path) -> Path:
    """Where the comparison table goes by default: ``results_dir/comparison.csv``."""
    return Path(results_dir) / "comparison.csv"


# A spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV
# Injection"); article titles are untrusted, so such text cells get a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_comparison_csv(table: pd.DataFrame, path: str | Path) -> Path:
    """Write the comparison table as UTF-8 CSV, atomically; text cells formula-safe.

    Returns
    -------
    Path
        The file written.
    """
    from ..io.writers import write_atomic

    safe = table.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(_csv_safe)
    safe.index = safe.index.map(_csv_safe)
    return write_atomic(path, safe.to_csv(lineterminator="\n"))


def _grouped_bars(results: pd.DataFrame, columns: list[tuple[str, str]], title: str,
                  ylabel: str) -> Figure:
    table = comparison_table(results)
    multi = len(outlets(results)) > 1
    outlet = table["outlet"].fillna("(no outlet)") if multi else None
    fig = Figure(figsize=(7.5, 0.6 + 0.45 * max(len(table), 3)))
    fig.mediakit_tight = True
    ax = fig.add_subplot()
    n = len(columns)
    height = 0.8 / n
    palette = ["#4c72b0", "#dd8452", "#55a868", "#c44e52"]
    ys = list(range(len(table)))
    for j, (col, name) in enumerate(columns):
        vals = pd.to_numeric(table[col], errors="coerce").fillna(0).tolist()
        ax.barh([y + j * height for y in ys], vals, height=height, label=name,
                color=palette[j % len(palette)])
    labels = [_label(i) if outlet is None else f"{_label(outlet.iloc[k])} · {_label(i)}"
              for k, i in enumerate(table.index)]
    ax.set_yticks([y + height * (n - 1) / 2 for y in ys], labels)
    ax.invert_yaxis()
    ax.set_xlabel(ylabel)
    ax.set_title(title + (" (grouped by outlet)" if multi else ""))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def grades_by_article_figure(results: pd.DataFrame) -> Figure:
    """Horizontal bars of grade-level indices per article (grouped by outlet if >1)."""
    cols = [(c, n) for c, n in (("flesch_kincaid_grade", "Flesch-Kincaid"),
                                ("consensus_grade", "consensus"),
                                ("paragraph_grade_median", "median paragraph"))
            if c in results.columns]
    return _grouped_bars(results, cols, "Reading grade by article", "US school grade")


def sentiment_by_article_figure(results: pd.DataFrame) -> Figure:
    """Mean sentence compound and negative share per article."""
    cols = [(c, n) for c, n in (("mean_compound", "mean compound"),
                                ("negative_share", "negative share"),
                                ("positive_share", "positive share")) if c in results.columns]
    return _grouped_bars(results, cols, "Sentiment by article", "compound / share")




def _has_columns(results: pd.DataFrame, columns) -> bool:
    return any(c in results.columns and results[c].notna().any() for c in columns)


def source_mix_by_article_figure(results: pd.DataFrame) -> Figure | str:
    """Stacked bars: each article's sources by role (shares of distinct sources)."""
    roles = [c for c in results.columns if c.startswith("role_")]
    if not roles:
        return text_html("No source measures in these metrics files.")
    table = comparison_table(results)
    multi = len(outlets(results)) > 1
    order = sorted(roles, key=lambda c: list(_ROLE_COLOURS).index(c[5:])
                   if c[5:] in _ROLE_COLOURS else len(_ROLE_COLOURS))
    fig = Figure(figsize=(7.5, 0.6 + 0.45 * max(len(table), 3)))
    fig.mediakit_tight = True
    ax = fig.add_subplot()
    shares = results.loc[table.index, order].astype(float).fillna(0.0)
    for y, article in enumerate(table.index):
        left = 0.0
        for col in order:
            value = shares.loc[article, col]
            ax.barh(y, value, left=left, color=_ROLE_COLOURS.get(col[5:], "#4c72b0"),
                    label=_label(code_words(col[5:])) if y == 0 else None)
            left += value
    outlet = table["outlet"].fillna("(no outlet)")
    labels = [(f"{_label(outlet.iloc[k])} · " if multi else "") + _label(i)
              for k, i in enumerate(table.index)]
    ax.set_yticks(range(len(table)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of sources")
    ax.set_title("Source mix by article" + (" (grouped by outlet)" if multi else ""))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def civilian_and_agentless_figure(results: pd.DataFrame) -> Figure | str:
    """Civilian share of sources and agentless share of harm mentions per article."""
    cols = [(c, n) for c, n in (("civilian_source_share", "civilian share of sources"),
                                ("civilian_quoted_word_share", "civilian share of quoted words"),
                                ("agentless_share", "agentless share of harm mentions"))
            if c in results.columns]
    if not _has_columns(results, [c for c, _n in cols]):
        return text_html("No civilian-voice or framing measures in these metrics files.")
    return _grouped_bars(results, cols, "Civilian voice and agentless harm", "share")
