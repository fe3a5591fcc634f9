"""Report views of the coding loop: the article with its codes, machine against corrected.

Like :mod:`mediakit.run.report_views`, these only arrange what a metrics record holds
(and, for the article view, the article's own text); article text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

__all__ = ["CORRECTED_MEASURES", "article_view", "corrections_table"]

#: The figures shown side by side: label, family, path in the family's output, format.
CORRECTED_MEASURES = (
    ("Distinct sources", "sources", ("diversity", "n_sources"), "count"),
    ("Attributions", "sources", ("diversity", "n_attributions"), "count"),
    ("Official share of sources", "sources", ("diversity", "official", "sources", "share"),
     "share"),
    ("Direct-quote share", "sources", ("diversity", "direct_share"), "share"),
    ("Role diversity (Shannon)", "sources", ("diversity", "roles", "shannon"), "number"),
    ("Civilian share of sources", "civilian_voice", ("source_share",), "share"),
    ("Civilian share of attributions", "civilian_voice", ("attribution_share",), "share"),
    ("Civilian share of quoted words", "civilian_voice", ("quoted_word_share",), "share"),
    ("Harm mentions", "framing", ("n_mentions",), "count"),
    ("Agentless share of harm mentions", "framing", ("agentless_share",), "share"),
)


def _get(data, path):
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _format(value, kind: str) -> str:
    if value is None:
        return "—"
    if kind == "share":
        return f"{100 * value:.0f}%"
    if kind == "count":
        return str(int(value))
    return f"{value:.2f}"


def _note(text: str) -> str:
    return f"<p>{html.escape(text, quote=True)}</p>"


def corrections_table(metrics: Mapping) -> pd.DataFrame | str:
    """mediakit's figures and the coders' corrected ones, side by side.

    Returns
    -------
    DataFrame or str
        One row per measure of :data:`CORRECTED_MEASURES` (columns ``mediakit``,
        ``corrected by the coders``), or an HTML note when there are no corrections.
    """
    corrected = metrics.get("corrected")
    sheet = _get(metrics, ("provenance", "notebook", "parameters", "corrections"))
    if not corrected:
        if sheet:
            return _note(f"This article is not in the coding sheet {sheet}: no corrections.")
        return _note("No coding sheet was given: the figures in this report are "
                     "mediakit's alone.")
    rows = []
    for label, family, path, kind in CORRECTED_MEASURES:
        rows.append({"measure": label,
                     "mediakit": _format(_get(metrics.get(family), path), kind),
                     "corrected by the coders": _format(_get(corrected.get(family), path),
                                                        kind)})
    p = metrics["provenance"].get("corrections", {})
    rows.append({"measure": "Rows corrected, rejected, added",
                 "mediakit": "",
                 "corrected by the coders": f"{len(p.get('corrected', []))}, "
                                            f"{len(p.get('rejected', []))}, "
                                            f"{len(p.get('added', []))}"})
    rows.append({"measure": "Coding sheet (SHA-256)", "mediakit": "",
                 "corrected by the coders": f"{str(p.get('sha256', ''))[:12]}…"})
    table = pd.DataFrame(rows).set_index("measure")
    table.index.name = None
    return table


def article_view(metrics: Mapping, values: Mapping) -> str:
    """The article with its codes (:func:`mediakit.run.article_view.article_view_html`),
    for the report: the article is read again from the report parameters and must be
    the text the metrics were computed on."""
    from .article_view import show
    from .params import article_from_parameters

    return show(article_from_parameters(values), metrics).html
