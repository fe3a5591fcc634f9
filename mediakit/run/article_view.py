"""The article with its codes: static HTML of the text, every decision marked on it.

Each paragraph is numbered from 1. Every attributed statement is highlighted in the
colour of its speaker's role, with a footnote number; the speaker's words, where the
text names them, are underlined; the footnotes (and the hover title of each mark) give
speaker, role, side, kind, cue, cue type and the rule that decided. Each harm mention is
boxed and labelled with its construction; its title gives the perpetrator, the victims'
side and the rules. Lines removed as web clutter are listed struck out. A legend explains
the colours and labels.

The HTML is static (no script: it reads the same in a notebook, a saved report and a
printed appendix) and safe: every piece of article text and every code goes through
:func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..text import Document, normalize_quotes, segment
from .labels import side_name

__all__ = ["ArticleView", "ROLE_BACKGROUNDS", "article_view_html", "show"]

#: Light backgrounds per role (the report's plots use the darker tones of the same hues).
ROLE_BACKGROUNDS = {
    "government": "#c9d7ee", "military": "#cde8d4", "armed_group": "#f1c9ca",
    "international": "#dcd5ee", "ngo": "#e3d9cf", "expert": "#f4d9ec", "media": "#dddddd",
    "civilian": "#f7d7be", "unknown": "#eeeeee",
}
#: Labels of the harm constructions shown on the text.
CONSTRUCTION_LABELS = {
    "active_agent": ("A", "active, with agent"),
    "passive_agent": ("P", "passive, with agent"),
    "passive_agentless": ("P\u2205", "passive, no agent"),
    "nominal": ("N", "nominal"),
    "intransitive": ("I", "intransitive"),
}

_STYLE = """<style>
.mk-view{font-family:Georgia,serif;line-height:1.7;max-width:46em}
.mk-view ol.mk-paras{padding-left:2.6em}
.mk-view ol.mk-paras li{margin:0 0 .8em 0}
.mk-view ol.mk-paras li::marker{font-family:sans-serif;font-size:.8em;color:#666}
.mk-view mark{padding:0 .1em;color:inherit}
.mk-view u.mk-speaker{text-decoration-thickness:2px;text-underline-offset:3px}
.mk-view span.mk-harm{border:1px dashed #a33;border-radius:2px;padding:0 .1em}
.mk-view sup{font-family:sans-serif;font-size:.7em}
.mk-view sup.mk-harm-label{color:#a33;font-weight:bold}
.mk-view .mk-legend{font-family:sans-serif;font-size:.85em;border:1px solid #ddd;
padding:.5em .8em;margin-bottom:1em}
.mk-view .mk-legend span{display:inline-block;margin:0 .8em .2em 0}
.mk-view .mk-notes{font-family:sans-serif;font-size:.85em}
.mk-view del{color:#888}
</style>"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _words(code: str | None) -> str:
    return "" if code is None else str(code).replace("_", " ")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # quote | speaker | harm
    css: str
    title: str
    note: str = ""  # what follows the mark's end: a footnote number or a label


def _speaker_span(doc: Document, att: Mapping) -> tuple[int, int] | None:
    """Where the text names the speaker: the mention nearest the statement, in the
    sentences around it, outside the statement itself."""
    mention = att.get("speaker_mention")
    if not mention:
        return None
    first = doc.sentence_at(att["start"])
    last = doc.sentence_at(max(att["start"], att["end"] - 1)) or first
    if first is None:
        return None
    lo = doc.sentences[max(0, first.index - 1)].start
    hi = doc.sentences[min(len(doc.sentences) - 1, last.index + 1)].end
    needle = normalize_quotes(mention)
    best = None
    at = doc.normalized.find(needle, lo, hi)
    while at >= 0:
        end = at + len(needle)
        if end <= att["start"] or at >= att["end"]:
            distance = att["start"] - end if end <= att["start"] else at - att["end"]
            if best is None or distance < best[0]:
                best = (distance, at, end)
        at = doc.normalized.find(needle, at + 1, hi)
    return None if best is None else (best[1], best[2])


def _marks(doc: Document, metrics: Mapping) -> tuple[list[_Mark], list[str]]:
    marks, notes = [], []
    for n, a in enumerate(metrics.get("sources", {}).get("attributions", []), start=1):
        role = a.get("role") or "unknown"
        details = [f"speaker: {a.get('speaker') or 'none'}", f"role: {_words(role)}",
                   f"side: {side_name(a.get('side'))}", f"kind: {a.get('kind')}"]
        for key in ("cue", "cue_type", "source_type"):
            if a.get(key):
                details.append(f"{key.replace('_', ' ')}: {_words(a[key])}")
        details.append(f"rule: {a.get('rule')}")
        title = f"[{n}] " + "; ".join(details)
        marks.append(_Mark(a["start"], a["end"], "quote", f"mk-role-{role}", title, f"[{n}]"))
        notes.append("; ".join(details))
        span = _speaker_span(doc, a)
        if span is not None:
            marks.append(_Mark(*span, "speaker", "mk-speaker", f"[{n}] speaker: "
                               f"{a.get('speaker')} ({_words(role)}, {side_name(a.get('side'))})"))
    for m in metrics.get("framing", {}).get("mentions", []):
        label, words = CONSTRUCTION_LABELS.get(m.get("construction"),
                                               ("?", _words(m.get("construction"))))
        details = [f"harm: {_words(m.get('harm_type'))}", f"construction: {words}",
                   f"perpetrator: {m.get('perpetrator') or m.get('agent') or 'not named'}",
                   f"victims' side: {side_name(m.get('victim_side'))}",
                   f"rule: {m.get('rule')}"]
        if m.get("agent_rule"):
            details.append(f"agent rule: {m['agent_rule']}")
        marks.append(_Mark(m["start"], m["end"], "harm", "mk-harm", "; ".join(details), label))
    return marks, notes


_ORDER = {"quote": 0, "speaker": 1, "harm": 2}  # outermost first


def _paragraph_html(doc: Document, start: int, end: int, marks: Sequence[_Mark]) -> str:
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(start, min(end, x)) for m in inside
                                 for x in (m.start, m.end))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        text = _e(" ".join(doc.text[a:b].split("\n")))
        for m in sorted((m for m in inside if m.start <= a and m.end >= b),
                        key=lambda m: -_ORDER[m.kind]):
            tag = {"quote": "mark", "speaker": "u", "harm": "span"}[m.kind]
            text = f'<{tag} class="{_e(m.css)}" title="{_e(m.title)}">{text}</{tag}>'
        out.append(text)
        for m in inside:
            if m.end == b and m.note:
                css = "mk-harm-label" if m.kind == "harm" else "mk-note"
                out.append(f'<sup class="{css}">{_e(m.note)}</sup>')
    return "".join(out)


def _legend(roles: Sequence[str]) -> str:
    swatches = "".join(f'<span><mark class="mk-role-{_e(r)}">&nbsp;{_e(_words(r))}&nbsp;'
                       "</mark></span>" for r in roles)
    labels = "".join(f'<span><span class="mk-harm">harm</span><sup class="mk-harm-label">'
                     f"{_e(label)}</sup> {_e(words)}</span>"
                     for label, words in CONSTRUCTION_LABELS.values())
    return ('<div class="mk-legend"><div><b>Statements</b>, by the speaker\'s role: '
            f"{swatches}</div><div><u class=\"mk-speaker\">Underlined</u>: the speaker as "
            "named; [n]: the footnote with speaker, role, side, kind, cue and rule "
            "(also shown on hover).</div>"
            f"<div><b>Harm mentions</b>, by construction: {labels}</div>"
            "<div><del>Struck out</del>: lines removed as web clutter before measuring."
            "</div></div>")


def article_view_html(metrics: Mapping, body: str) -> str:
    """The article view of one metrics record, as an HTML fragment.

    Parameters
    ----------
    metrics : Mapping
        The article's metrics record (``ArticleMetrics.to_dict()``).
    body : str
        The measured text of the article (``Article.measured_text``), whose offsets the
        record's attributions and harm mentions point into.

    Returns
    -------
    str
        A ``<div>`` with its own ``<style>``; no script.
    """
    doc = segment(body)
    marks, notes = _marks(doc, metrics)
    roles = [r for r in ROLE_BACKGROUNDS]
    css = "".join(f".mk-view mark.mk-role-{r}{{background:{c}}}"
                  for r, c in ROLE_BACKGROUNDS.items())
    paragraphs = "".join(f'<li value="{p.index + 1}">{_paragraph_html(doc, p.start, p.end, marks)}'
                         "</li>" for p in doc.paragraphs)
    parts = [_STYLE.replace("</style>", css + "</style>"), '<div class="mk-view">',
             _legend(roles), f'<ol class="mk-paras">{paragraphs}</ol>']
    if notes:
        items = "".join(f"<li>{_e(n)}</li>" for n in notes)
        parts.append(f'<div class="mk-notes"><b>Statements</b><ol>{items}</ol></div>')
    clutter = metrics.get("article", {}).get("clutter_lines") or []
    if clutter:
        items = "".join(f"<li><del>{_e(c['text'])}</del> (line {int(c['line'])} of the "
                        "file's body)</li>" for c in clutter)
        parts.append(f'<div class="mk-notes"><b>Removed as web clutter</b><ul>{items}</ul>'
                     "</div>")
    parts.append("</div>")
    return "".join(parts)


@dataclass(frozen=True)
class ArticleView:
    """The article view; shown as HTML in a notebook, or written with :meth:`save`."""

    html: str
    article_id: str

    def _repr_html_(self) -> str:
        return self.html

    def save(self, path) -> object:
        """Write a standalone HTML page (atomically); returns the path."""
        from ..io.writers import write_atomic

        page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
                f"{_e(self.article_id)}</title></head><body>{self.html}</body></html>")
        return write_atomic(path, page)


def show(article, metrics: Mapping | None = None, **params) -> ArticleView:
    """The article with its codes, for a notebook (``mediakit.show(article)``).

    Parameters
    ----------
    article : Article, str or path
        An article, a bare text, or a file (its first article).
    metrics : Mapping, optional
        Its metrics record; analysed here (with ``params``) when None.
    **params
        Parameters of :class:`~mediakit.run.analyzer.Analyzer`.

    Returns
    -------
    ArticleView
        Displays itself in Jupyter; ``.html`` is the fragment.

    Raises
    ------
    ArticleError
        When ``metrics`` were computed on another text (SHA-256 differs).
    """
    from pathlib import Path

    from ..errors import ArticleError
    from ..io.articles import Article, load_articles
    from .analyzer import analyze

    if isinstance(article, Path) or (isinstance(article, str) and "\n" not in article
                                     and Path(article).is_file()):
        article = load_articles(article)[0]
    if not isinstance(article, Article):
        from ..io.articles import article_from_text

        article = article_from_text(str(article))
    if metrics is None:
        metrics = analyze(article, **params).to_dict()
    elif metrics.get("article", {}).get("sha256") not in (None, article.sha256):
        raise ArticleError(article.source_path, "the metrics were computed on another text "
                           "(SHA-256 differs)")
    return ArticleView(article_view_html(metrics, article.measured_text), article.id)
