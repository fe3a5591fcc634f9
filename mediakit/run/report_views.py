"""Presentation helpers for the report notebooks: tables and figures from metrics.

Everything here takes a metrics dict (the ``metrics.json`` object made by
:class:`mediakit.run.analyzer.Analyzer`) or a folder of them and returns a pandas DataFrame,
a matplotlib Figure or an escaped HTML fragment; nothing is computed that the metrics
do not hold. The notebooks only arrange these.

Article text is untrusted: it reaches the HTML report only through pandas tables
(``to_html`` escapes), plain text, or :func:`html.escape` here; it never goes into
Markdown or raw HTML. Figures are made with the object-oriented matplotlib API (no
pyplot state) and shown as PNG bytes, so they end up in the HTML as ``data:`` images.
"""

from __future__ import annotations

import functools
import html
import io
import json
import math
import re

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .coding_views import article_view, corrections_table
from .labels import code_words, side_name

__all__ = [
    "FIGURE_DPI",
    "article_view",
    "at_a_glance",
    "civilian_summary",
    "clutter_table",
    "cell_text",
    "clutter_view",
    "corrections_table",
    "dale_chall_note",
    "diversity_table",
    "extreme_sentences",
    "figure_png",
    "framing_figure",
    "framing_table",
    "has_family",
    "heading_html",
    "humanisation_table",
    "missing_family_html",
    "paragraph_grade_figure",
    "paragraph_number",
    "provenance_table",
    "quotes_table",
    "readability_table",
    "sentiment_arc_figure",
    "sentiment_distribution_figure",
    "sentiment_summary",
    "setup",
    "show",
    "source_mix_figure",
    "sources_table",
    "table_html",
    "text_html",
    "voice_strip_figure",
    "words",
]

# Small, fixed-size PNGs: a report stays light and renders fast.
FIGURE_DPI = 90
_SIZE = (7.5, 3.0)

# The readability indices shown, in order, with the scale each is on.
_INDICES = (
    ("flesch_reading_ease", "Flesch Reading Ease", "0-100, higher is easier"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", "US school grade"),
    ("gunning_fog", "Gunning fog", "US school grade"),
    ("smog_index", "SMOG", "US school grade"),
    ("coleman_liau_index", "Coleman-Liau", "US school grade"),
    ("automated_readability_index", "Automated Readability Index", "US school grade"),
    ("linsear_write", "Linsear Write", "US school grade"),
    ("dale_chall", "Dale-Chall (new formula)", "score; 9.0+ is college level"),
    ("consensus_grade", "Consensus grade", "US school grade"),
)


def setup() -> None:
    """Display settings for a report: whole cell text in tables, no row cut-off."""
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.precision", 2)


def _plain(value) -> str:
    return "" if value is None else str(value)


def paragraph_number(metrics: dict, number: int | None) -> int | None:
    """A paragraph number of a metrics file as shown: counted from 1.

    Parameters
    ----------
    metrics : dict
        The metrics file the number comes from.
    number : int or None
        A ``paragraph`` (or ``first_paragraph``) field of it.

    Returns
    -------
    int or None
        Files of schema 2.0 and later count paragraphs from 1 and are shown as they are;
        a file of schema 1.x (an older mediakit) counted from 0, so its number is moved up
        by one.
    """
    if number is None:
        return None
    return number + 1 if str(metrics.get("schema_version", "")).startswith("1.") else number


def text_html(text, tag: str = "p") -> str:
    """``text`` escaped inside one HTML element (``tag`` is ours, never the article's)."""
    return f"<{tag}>{html.escape(_plain(text), quote=True)}</{tag}>"


def heading_html(metrics: dict) -> str:
    """The report's title block: headline, then outlet and date, all escaped."""
    art = metrics["article"]
    title = art.get("title") or art.get("id") or "Untitled article"
    byline = " · ".join(_plain(x) for x in (art.get("outlet"), art.get("date"),
                                               art.get("author")) if x)
    return text_html(title, "h1") + (text_html(byline, "p") if byline else "")


def words(label) -> str:
    """A code or key in words for a reader: ``armed_group`` -> ``Armed group``.

    Only snake_case codes change (:func:`~.labels.code_words`), their first letter
    capitalised; anything else (names, sentences, single words such as a band, numbers
    as text) is returned as it is.
    """
    text = _plain(label)
    spoken = code_words(text)
    return spoken[:1].upper() + spoken[1:] if spoken != text else text


def cell_text(value) -> str:
    """One table cell as a reader sees it: no None, NaN, True or False, two decimals, a
    code in words (``armed_group`` -> ``armed group``, case kept as in the codebook)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "\u2014"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value + 0.0:.2f}"
    return code_words(_plain(value))


#: A cell that reads as a number: 12, -0.05, 46%, [-0.22, 0.05], a dash.
_NUMBER_CELL = re.compile(r"\u2014|-?\d[\d,.]*%?|\[-?[\d.]+, -?[\d.]+\]|\d+, \d+")


def _numeric(column: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(column):
        return False
    if pd.api.types.is_numeric_dtype(column):
        return True
    cells = [cell_text(v) for v in column]
    return (any(c != "\u2014" for c in cells)
            and all(_NUMBER_CELL.fullmatch(c) for c in cells))


def _heading(column) -> str:
    text = words(column)
    if text in ("n", "mediakit"):  # the statistician's n and the tool's name as written
        return text
    return text[:1].upper() + text[1:]


def table_html(table: pd.DataFrame) -> str:
    """A table fit for a paper's appendix, as escaped static HTML.

    The index becomes the first column (a pandas index column never shows); labels and
    codes are in words; empty cells are a dash; floats have two decimals; text columns are
    left-aligned, number columns right-aligned.
    """
    if isinstance(table.index, pd.RangeIndex):
        frame = table
    else:  # the index is a column like any other; unnamed, its heading is empty
        frame = table.reset_index(names=[n or "" for n in table.index.names])
    numeric = [_numeric(frame.iloc[:, i]) for i in range(frame.shape[1])]
    head = "".join(f'<th style="text-align:{"right" if num else "left"}">'
                   f"{html.escape(_heading(c))}</th>"
                   for c, num in zip(frame.columns, numeric))
    rows = []
    for values in frame.itertuples(index=False):
        cells = "".join(f'<td style="text-align:{"right" if num else "left"}">'
                        f"{html.escape(cell_text(v))}</td>" for v, num in zip(values, numeric))
        rows.append(f"<tr>{cells}</tr>")
    return (f'<table class="mediakit-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def show(obj) -> None:
    """Display a Figure (as PNG), a table (:func:`table_html`), an HTML fragment from this
    module, or anything else."""
    from IPython.display import HTML, Image, display

    if isinstance(obj, Figure):
        titles = [ax.get_title() for ax in obj.axes if ax.get_title()]
        display(Image(data=figure_png(obj), format="png",
                      metadata={"alt": "; ".join(titles) or "figure"}))
    elif isinstance(obj, pd.DataFrame):
        display(HTML(table_html(obj)))
    elif isinstance(obj, str):
        display(HTML(obj))  # only fragments built here with html.escape
    else:
        display(obj)


def figure_png(fig: Figure) -> bytes:
    """PNG bytes of a figure, without time stamps (same figure, same bytes)."""
    buffer = io.BytesIO()
    # Figures with labels of unknown length (article ids, outlets) are cropped to fit;
    # the others keep their fixed margins (a "tight" box costs one more draw).
    tight = "tight" if getattr(fig, "mediakit_tight", False) else None
    fig.savefig(buffer, format="png", dpi=FIGURE_DPI, metadata={"Software": None},
                bbox_inches=tight)
    return buffer.getvalue()


def _figure(size=_SIZE, left: float = 0.09) -> Figure:
    # Fixed margins instead of tight_layout/bbox_inches="tight": each of those draws
    # the figure once more, and a report's figures are most of its rendering time.
    fig = Figure(figsize=size)
    fig.subplots_adjust(left=left, right=0.97, bottom=0.16, top=0.88)
    return fig


def _label(text) -> str:
    # matplotlib reads $...$ as mathematics; outlet names and ids are shown literally.
    return _plain(text).replace("$", r"\$")


# ------------------------------------------------------------------ at a glance


def at_a_glance(metrics: dict) -> pd.DataFrame:
    """One row per fact about the article: title, outlet, date, size, clutter removed."""
    art = metrics["article"]
    rows = [
        ("Title", art.get("title")),
        ("Outlet", art.get("outlet")),
        ("Date", art.get("date")),
        ("Author", art.get("author")),
        ("URL", art.get("url")),
        ("Id", art.get("id")),
        ("Words", art.get("words")),
        ("Paragraphs", art.get("paragraphs")),
        ("Sentences", art.get("sentences")),
        ("Clutter lines removed", art.get("clutter_removed")),
    ]
    if art.get("boilerplate_removed"):  # a web page: its blocks that are not the article
        rows.append(("Boilerplate blocks removed", art["boilerplate_removed"]))
    for warning in art.get("warnings") or ():
        rows.append(("Warning", warning))
    return pd.DataFrame({"": [r[0] for r in rows],
                         "value": ["—" if r[1] is None else str(r[1]) for r in rows]}
                        ).set_index("")


def clutter_table(metrics: dict) -> pd.DataFrame:
    """The lines removed as web clutter (line number in the raw body, text)."""
    lines = metrics["article"].get("clutter_lines") or []
    return pd.DataFrame({"line": [c["line"] for c in lines], "text": [c["text"] for c in lines]},
                        columns=["line", "text"])


def clutter_view(metrics: dict) -> pd.DataFrame | str:
    """The clutter table, or a sentence saying nothing was removed."""
    if not metrics["article"].get("clutter_lines"):
        return text_html("No lines were removed as web clutter.")
    return clutter_table(metrics)


# ------------------------------------------------------------------ readability


def readability_table(metrics: dict) -> pd.DataFrame:
    """The readability indices with their scale and interpretation band."""
    read = metrics["readability"]
    bands = read.get("bands") or {}
    rows = [(label, read.get(key), scale, bands.get(key, ""))
            for key, label, scale in _INDICES if key in read]
    return pd.DataFrame(rows, columns=["index", "value", "scale", "band"]).set_index("index")


def dale_chall_note(metrics: dict) -> str:
    """The other Dale-Chall figure, as a note under the readability table (HTML)."""
    value = metrics["readability"].get("dale_chall_textstat")
    if value is None:
        return ""
    return text_html(f"Dale-Chall above follows the published rules (inflections of listed "
                     f"words and names of people and places count as familiar). textstat's "
                     f"method, which counts them as unfamiliar, gives {value:.2f}; older "
                     f"studies that used textstat report that figure.", "p")


def paragraph_grade_figure(metrics: dict) -> Figure:
    """Bar chart of each paragraph's grade, with the article's median as a line."""
    read = metrics["readability"]
    grades = [g for g in read.get("paragraph_grades") or [] if g.get("grade") is not None]
    fig = _figure()
    ax = fig.add_subplot()
    ax.bar([paragraph_number(metrics, g["paragraph"]) for g in grades],
           [g["grade"] for g in grades], color="#4c72b0")
    median = (read.get("paragraph_grade") or {}).get("median")
    if median is not None:
        ax.axhline(median, color="#dd8452", linestyle="--", label=f"median {median:.1f}")
        ax.legend(loc="upper right", frameon=False)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("paragraph")
    ax.set_ylabel("grade level")
    ax.set_title("Reading grade by paragraph")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


# -------------------------------------------------------------------- sentiment


def sentiment_summary(metrics: dict) -> pd.DataFrame:
    """Headline sentiment figures: mean and median compound, label shares."""
    s = metrics["sentiment"]
    rows = [
        ("Sentences", s.get("n_sentences")),
        ("Mean compound (headline figure)", s.get("mean_compound")),
        ("Median compound", s.get("median_compound")),
        ("Positive share", s.get("positive_share")),
        ("Neutral share", s.get("neutral_share")),
        ("Negative share", s.get("negative_share")),
        ("Thresholds (positive / negative)",
         f"{s['thresholds']['positive']} / {s['thresholds']['negative']}"),
        ("Whole-text compound (saturates on long texts)",
         ((s.get("whole_text") or {}).get("scores") or {}).get("compound")),
    ]
    return pd.DataFrame({"": [r[0] for r in rows],
                         "value": ["—" if r[1] is None else r[1] for r in rows]}).set_index("")


def _sentences(metrics: dict) -> list[dict]:
    return list(metrics["sentiment"].get("sentences") or [])


def sentiment_arc_figure(metrics: dict) -> Figure:
    """Sentence-by-sentence compound scores in reading order, thresholds marked."""
    s = metrics["sentiment"]
    sentences = _sentences(metrics)
    xs = [x["index"] + 1 for x in sentences]
    ys = [x["compound"] for x in sentences]
    colours = {"positive": "#55a868", "negative": "#c44e52", "neutral": "#8c8c8c"}
    fig = _figure()
    ax = fig.add_subplot()
    ax.plot(xs, ys, color="#4c72b0", linewidth=1)
    ax.scatter(xs, ys, c=[colours.get(x.get("label"), "#8c8c8c") for x in sentences], s=14,
               zorder=3)
    for name in ("positive", "negative"):
        ax.axhline(s["thresholds"][name], color=colours[name], linestyle=":", linewidth=1)
    ax.axhline(0, color="black", linewidth=0.5)
    ax.set_ylim(-1.05, 1.05)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("sentence")
    ax.set_ylabel("VADER compound")
    ax.set_title("Sentiment arc")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def sentiment_distribution_figure(metrics: dict) -> Figure:
    """Histogram of sentence compound scores (bins of 0.1 from -1 to 1)."""
    ys = [x["compound"] for x in _sentences(metrics)]
    fig = _figure()
    ax = fig.add_subplot()
    ax.hist(ys, bins=[i / 10 for i in range(-10, 11)], color="#4c72b0", edgecolor="white")
    mean = metrics["sentiment"].get("mean_compound")
    if mean is not None:
        ax.axvline(mean, color="#dd8452", linestyle="--", label=f"mean {mean:.2f}")
        ax.legend(loc="upper left", frameon=False)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("VADER compound")
    ax.set_ylabel("sentences")
    ax.set_title("Distribution of sentence sentiment")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def extreme_sentences(metrics: dict, n: int = 3, which: str = "positive") -> pd.DataFrame:
    """The ``n`` most positive (or negative) sentences; ties keep reading order.

    Parameters
    ----------
    metrics : dict
    n : int
        How many.
    which : {"positive", "negative"}

    Returns
    -------
    DataFrame
        Columns ``sentence`` (1-based), ``paragraph`` (1-based), ``compound``, ``text``.
    """
    if which not in ("positive", "negative"):
        raise ValueError("which must be 'positive' or 'negative'")
    sign = -1 if which == "positive" else 1
    ranked = sorted(_sentences(metrics), key=lambda x: (sign * x["compound"], x["index"]))[:n]
    return pd.DataFrame({"sentence": [x["index"] + 1 for x in ranked],
                         "paragraph": [paragraph_number(metrics, x["paragraph"]) for x in ranked],
                         "compound": [x["compound"] for x in ranked],
                         "text": [x["text"] for x in ranked]},
                        columns=["sentence", "paragraph", "compound", "text"])


# ------------------------------------------------------------------- provenance


def _parameter_value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def provenance_table(metrics: dict) -> pd.DataFrame:
    """A compact provenance block: versions and hashes, each parameter once (those set on
    one line, those left to the packaged default on another), the data files with their
    SHA-256, the dependencies."""
    prov = metrics["provenance"]
    notebook = prov.get("notebook") or {}
    commit = prov.get("mediakit_commit")
    rows = [("mediakit", f"{prov.get('mediakit_version')}"
                         + (f" (commit {commit})" if commit else "")),
            ("Schema version", metrics.get("schema_version")),
            ("Input SHA-256", prov.get("input_sha256")),
            ("Notebook SHA-256", notebook.get("sha256"))]
    # The notebook's parameters include the analysis's: each is listed once (the
    # notebook's own SHA-256 is the row above).
    params = {**(prov.get("parameters") or {}), **(notebook.get("parameters") or {})}
    params.pop("notebook_sha256", None)
    given = [f"{k} = {_parameter_value(v)}" for k, v in sorted(params.items())
             if v is not None and v != {}]
    unset = [k for k, v in sorted(params.items()) if v is None or v == {}]
    rows.append(("Parameters", "; ".join(given) or None))
    rows.append(("Parameters left unset", ", ".join(unset) or None))
    files = [f"{record['path']} {record['sha256'][:12]}"
             for _name, record in sorted((prov.get("data_files") or {}).items())]
    rows.append(("Data files (SHA-256, first 12 digits)", "; ".join(files) or None))
    corrections = prov.get("corrections") or {}
    if corrections:
        rows.append(("Coding sheet (SHA-256)", f"{corrections.get('path')} "
                                               f"{str(corrections.get('sha256'))[:12]}"))
    deps = prov.get("dependencies") or {}
    rows.append(("Dependencies", ", ".join(f"{k} {v}" for k, v in sorted(deps.items()))))
    return pd.DataFrame({"": [r[0] for r in rows],
                         "value": ["\u2014" if r[1] is None else str(r[1]) for r in rows]}
                        ).set_index("")


# ------------------------------------------------------------------ who speaks
# These read the `sources`, `civilian_voice` and `framing` objects of a metrics file
# (docs/metrics.md); a report made before they existed simply has no such key.

_ROLE_COLOURS = {"government": "#4c72b0", "military": "#55a868", "armed_group": "#c44e52",
                 "international": "#8172b3", "ngo": "#937860", "expert": "#da8bc3",
                 "media": "#8c8c8c", "civilian": "#dd8452", "unknown": "#cccccc"}
_CONSTRUCTIONS = ("active_agent", "passive_agent", "passive_agentless", "nominal",
                  "intransitive")
_CONSTRUCTION_COLOURS = ("#4c72b0", "#8172b3", "#c44e52", "#dd8452", "#ccb974")


def has_family(metrics: dict, name: str) -> bool:
    """Whether the metrics hold the family ``name`` (e.g. ``"sources"``)."""
    return isinstance(metrics.get(name), dict)


def missing_family_html(name: str) -> str:
    """A note that this metrics file has no ``name`` object."""
    return text_html(f"This metrics file has no '{name}' measures (made by an older "
                     "mediakit, or the measure is not available).")


def _needs(family: str):
    # A view of a family the metrics file lacks returns a note instead of failing.
    def wrap(func):
        @functools.wraps(func)
        def view(metrics: dict, *args, **kwargs):
            if not has_family(metrics, family):
                return missing_family_html(family)
            return func(metrics, *args, **kwargs)
        return view
    return wrap


def _num(x) -> str:
    # Two decimals, as in every table; + 0.0 turns -0.0 (an entropy of one category) into 0.0
    return "—" if x is None else f"{float(x) + 0.0:.2f}"


def _pct(x) -> str:
    return "—" if x is None else f"{100 * x:.0f}%"


@_needs("sources")
def sources_table(metrics: dict) -> pd.DataFrame | str:
    """One row per distinct source: who, role, side, how often and how quoted."""
    if not metrics["sources"].get("speakers"):
        return text_html("No one is quoted or cited in this article.")
    rows = []
    for s in metrics["sources"].get("speakers") or []:
        rows.append({"source": s.get("speaker"), "named": s.get("named"),
                     "role": s.get("role"), "side": side_name(s.get("side")),
                     "attributions": s.get("n_attributions"), "direct": s.get("n_direct"),
                     "partial": s.get("n_partial"), "indirect": s.get("n_indirect"),
                     "quoted words": s.get("quoted_words"),
                     "first paragraph": paragraph_number(metrics, s.get("first_paragraph")),
                     "description": s.get("description"),
                     "role rule": s.get("role_rule"), "side rule": s.get("side_rule")})
    return pd.DataFrame(rows, columns=["source", "named", "role", "side", "attributions",
                                       "direct", "partial", "indirect", "quoted words",
                                       "first paragraph", "description", "role rule",
                                       "side rule"])


@_needs("sources")
def diversity_table(metrics: dict) -> pd.DataFrame:
    """Counts, shares and diversity indices of the article's sources."""
    d = metrics["sources"].get("diversity") or {}
    official = (d.get("official") or {}).get("sources") or {}
    roles, sides = d.get("roles") or {}, d.get("sides") or {}
    rows = [("Sources", d.get("n_sources")), ("Attributions", d.get("n_attributions")),
            ("Unattributed quotes", d.get("n_unattributed")),
            ("Words quoted", d.get("n_quoted_words")),
            ("Unnamed sources", _pct(d.get("unnamed_share"))),
            ("Direct quotes among attributions", _pct(d.get("direct_share"))),
            ("Official sources", _pct(official.get("share"))),
            ("Official / non-official sources", _num(official.get("ratio"))),
            ("Roles: Shannon / evenness / Simpson",
             " / ".join(_num(roles.get(k)) for k in ("shannon", "evenness", "simpson"))),
            ("Sides: Shannon / evenness / Simpson",
             " / ".join(_num(sides.get(k)) for k in ("shannon", "evenness", "simpson")))]
    return pd.DataFrame({"": [r[0] for r in rows],
                         "value": ["—" if r[1] is None else str(r[1]) for r in rows]}
                        ).set_index("")


@_needs("sources")
def source_mix_figure(metrics: dict) -> Figure | str:
    """Two bar charts: sources by role and by side (counts of distinct sources)."""
    counts = (metrics["sources"].get("diversity") or {})
    roles = ((counts.get("roles") or {}).get("counts") or {}).get("sources") or {}
    sides = ((counts.get("sides") or {}).get("counts") or {}).get("sources") or {}
    if not roles and not sides:
        return text_html("No sources to chart.")
    fig = Figure(figsize=(7.5, 3.0))
    fig.subplots_adjust(left=0.16, right=0.98, bottom=0.16, top=0.86, wspace=0.55)
    for k, (title, data, colours) in enumerate((("Sources by role", roles, _ROLE_COLOURS),
                                                ("Sources by side", sides, {}))):
        ax = fig.add_subplot(1, 2, k + 1)
        items = sorted(data.items(), key=lambda kv: (-kv[1], kv[0]))
        name = side_name if k else code_words
        ax.barh([_label(name(n)) for n, _v in items], [v for _n, v in items],
                color=[colours.get(n, "#4c72b0") for n, _v in items])
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(title)
        ax.spines[["top", "right"]].set_visible(False)
    return fig


@_needs("sources")
def quotes_table(metrics: dict) -> pd.DataFrame | str:
    """Every attribution in reading order: paragraph, speaker, role, side, kind, words."""
    if not metrics["sources"].get("attributions"):
        return text_html("No quotations or attributions found.")
    rows = []
    for a in metrics["sources"].get("attributions") or []:
        rows.append({"paragraph": paragraph_number(metrics, a["paragraph"]),
                     "speaker": a.get("speaker") or "(no speaker)",
                     "role": a.get("role"), "side": side_name(a.get("side")),
                     "kind": a.get("kind"),
                     "cue": a.get("cue"), "text": a.get("text")})
    return pd.DataFrame(rows, columns=["paragraph", "speaker", "role", "side", "kind", "cue",
                                       "text"])


# --------------------------------------------------------------- civilian voice


@_needs("civilian_voice")
def civilian_summary(metrics: dict) -> pd.DataFrame:
    """How much civilians are heard: shares, first voice, humanisation."""
    c = metrics["civilian_voice"]
    first = c.get("first_voice") or {}
    where = ("—" if not first else f"paragraph {paragraph_number(metrics, first['paragraph'])} of "
             f"{first.get('n_paragraphs', '?')} ({_plain(first.get('speaker'))})")
    rows = [("Civilian sources", f"{c.get('n_civilian_sources')} of {c.get('n_sources')} "
                                 f"({_pct(c.get('source_share'))})"),
            ("Share of attributions", _pct(c.get("attribution_share"))),
            ("Share of quoted words", _pct(c.get("quoted_word_share"))),
            ("A civilian quoted directly", "yes" if c.get("any_direct") else "no"),
            ("First civilian voice", where),
            ("Humanisation score (mean)", _num(c.get("humanisation_score")))]
    return pd.DataFrame({"": [r[0] for r in rows],
                         "value": ["—" if r[1] is None else str(r[1]) for r in rows]}
                        ).set_index("")


@_needs("civilian_voice")
def humanisation_table(metrics: dict) -> pd.DataFrame | str:
    """Per civilian source: the details that make them a person (name, age, ...)."""
    if not metrics["civilian_voice"].get("humanisation"):
        return text_html("No civilian sources in this article.")
    rows = [{"source": h.get("speaker"), "side": side_name(h.get("side")),
             "name": h.get("name"), "age": None if h.get("age") is None else str(h["age"]),
             "occupation": h.get("occupation"), "place": h.get("place"),
             "family": h.get("family"), "score": h.get("score")}
            for h in metrics["civilian_voice"].get("humanisation") or []]
    return pd.DataFrame(rows, columns=["source", "side", "name", "age", "occupation", "place",
                                       "family", "score"])


@_needs("civilian_voice")
def voice_strip_figure(metrics: dict) -> Figure | str:
    """The article as a strip of paragraphs, coloured by the roles speaking in each.

    A paragraph with several roles is split into equal bands; paragraphs where a
    civilian speaks are marked with a triangle (filled: quoted directly).
    """
    strip = metrics["civilian_voice"].get("strip") or []
    if not strip:
        return text_html("No paragraphs to chart.")
    fig = Figure(figsize=(7.5, 2.3))
    fig.subplots_adjust(left=0.05, right=0.98, bottom=0.45, top=0.82)
    ax = fig.add_subplot()
    seen = []
    for p in strip:
        x = paragraph_number(metrics, p["paragraph"])
        roles = p.get("roles") or []
        if not roles:
            ax.bar(x, 1, width=0.92, color="#f2f2f2", edgecolor="#dddddd")
        for j, role in enumerate(roles):
            ax.bar(x, 1 / len(roles), bottom=j / len(roles), width=0.92,
                   color=_ROLE_COLOURS.get(role, "#4c72b0"))
            if role not in seen:
                seen.append(role)
        if p.get("civilian"):
            ax.scatter([x], [1.18], marker="v", s=40, color="#dd8452",
                       facecolors="#dd8452" if p.get("civilian_direct") else "none",
                       clip_on=False)
    ax.set_ylim(0, 1.3)
    ax.set_xlim(0.4, max(len(strip), 1) + 0.6)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("paragraph")
    ax.set_title("Who speaks in each paragraph (▼ civilian; filled: direct quote)")
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    from matplotlib.patches import Patch

    if seen:
        ax.legend(handles=[Patch(color=_ROLE_COLOURS.get(r, "#4c72b0"),
                                 label=_label(code_words(r)))
                           for r in seen], loc="upper center", bbox_to_anchor=(0.5, -0.55),
                  ncol=min(len(seen), 5), frameon=False, fontsize="small")
    return fig


# ---------------------------------------------------------------------- framing


@_needs("framing")
def framing_table(metrics: dict) -> pd.DataFrame:
    """Harm mentions per victim side: count, construction shares, agentless share."""
    f = metrics["framing"]
    rows = []
    groups = [("all mentions", {"mentions": f.get("n_mentions"), "shares": f.get("shares"),
                                "agentless_share": f.get("agentless_share")})]
    groups += sorted((f.get("by_side") or {}).items())
    for side, g in groups:
        row = {"victims": side if side == "all mentions" else side_name(side),
               "mentions": g.get("mentions")}
        for c in _CONSTRUCTIONS:
            row[c.replace("_", " ")] = _pct((g.get("shares") or {}).get(c))
        row["agentless"] = _pct(g.get("agentless_share"))
        rows.append(row)
    return pd.DataFrame(rows).set_index("victims")


@_needs("framing")
def framing_figure(metrics: dict) -> Figure | str:
    """Stacked bars: how harm to each victim side is told (construction shares)."""
    by_side = sorted((metrics["framing"].get("by_side") or {}).items())
    if not by_side:
        return text_html("No mentions of harm to people in this article.")
    fig = _figure(size=(7.5, 0.9 + 0.45 * max(len(by_side), 2)), left=0.28)
    fig.subplots_adjust(bottom=0.95 / fig.get_figheight())  # axis label, then the legend
    ax = fig.add_subplot()
    for y, (_side, g) in enumerate(by_side):
        left = 0.0
        for c, colour in zip(_CONSTRUCTIONS, _CONSTRUCTION_COLOURS):
            share = (g.get("shares") or {}).get(c) or 0.0
            ax.barh(y, share, left=left, color=colour, label=c.replace("_", " ") if y == 0
                    else None)
            left += share
    ax.set_yticks(range(len(by_side)),
                  [f"{_label(side_name(s))} (n={g.get('mentions')})" for s, g in by_side])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of harm mentions")
    ax.set_title("How harm is told, by victim side")
    if by_side:
        ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.55 / fig.get_figheight() * 2.2),
                  ncol=5, frameon=False,
                  fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    return fig
