"""Quotation spans: pairing quotation marks within and across paragraphs.

:func:`quotations` is the document's one quotation layer, found once and shared: the
attribution extractor reads its spans, and the families that set quoted words aside
(civilian voice's humanisation, the integrity rules) read its :attr:`Quotations.mask`.

:func:`_find_quotes` pairs the (normalised) double quotation marks of each paragraph by
direction, recovers quotes whose opening or closing mark is missing, and merges a
quotation that runs over a paragraph break (the news convention of re-opening it) into
one span; :func:`_single_quotes_as_double` first rewrites British-style single quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import Document
from .tokens import _n_words


@dataclass
class _Quote:
    open: int  # offset of the opening mark (or the paragraph start for a missing one)
    close: int | None  # offset of the closing mark
    cs: int
    ce: int
    paragraph: int
    starts_paragraph: bool
    continues: bool = False  # the paragraph re-opens a quote left open by the last one
    open_end: bool = False  # runs to the end of the paragraph without a closing mark
    close_para: int = -1  # paragraph of the closing mark (a quote may run over several)
    full_stop: bool = False  # the quotation ended with a full stop (dropped from cs..ce)


def _direction(orig: str, t: str, i: int, p_start: int, p_end: int) -> str:
    prev = t[i - 1] if i > p_start else " "
    nxt = t[i + 1] if i + 1 < p_end else " "
    prev_space = prev.isspace() or prev in "([{\u2014\u2013-/"
    next_space = nxt.isspace() or nxt in ".,;:!?)]\u2014\u2013"
    if prev_space and not next_space:
        return "open"
    if next_space and not prev_space:
        return "close"
    c = orig[i]
    if c in "\u201c\u201e\u00ab\u201f":
        return "open"
    if c in "\u201d\u00bb":
        return "close"
    return "open" if prev_space else "close"


_OPEN_BEFORE = " \t\n([{\u2014\u2013-/"


_CLOSE_AFTER = " \t\n.,;:!?)]}\u2014\u2013-"


def _single_quotes_as_double(t: str, doc: Document) -> str:
    """British style quotes with single marks (‘...’): in a paragraph with no double
    quotation mark, pair single marks that open at a word start and close at a word end,
    and rewrite them as double marks (same length, so offsets hold). Apostrophes inside
    words ("Israel's") and a lone trailing one ("officials' ") are left alone."""
    if "'" not in t:
        return t
    chars = None
    for p in doc.paragraphs:
        if '"' in t[p.start : p.end] or "'" not in t[p.start : p.end]:
            continue
        pending = None
        pos = t.find("'", p.start, p.end)
        while pos != -1:
            prev = t[pos - 1] if pos > p.start else " "
            nxt = t[pos + 1] if pos + 1 < p.end else " "
            if pending is None:
                if prev in _OPEN_BEFORE and nxt.isalpha():
                    pending = pos
            elif prev not in _OPEN_BEFORE and (nxt in _CLOSE_AFTER) and not (
                prev == "s" and t[pos - 2 : pos - 1].isalpha() and _n_words(t, pending, pos) < 2
            ):
                if _n_words(t, pending, pos) >= 1:
                    if chars is None:
                        chars = list(t)
                    chars[pending] = chars[pos] = '"'
                pending = None
            elif prev in _OPEN_BEFORE and nxt.isalpha():
                pending = pos  # a new opener: the earlier mark was not one
            pos = t.find("'", pos + 1, p.end)
    return t if chars is None else "".join(chars)


def _find_quotes(orig: str, t: str, doc: Document, keep_empty: bool = False
                 ) -> list[_Quote]:
    """The quotations of a document (see the module docstring); ``keep_empty`` keeps those
    with no word inside (a lone mark)."""
    quotes: list[_Quote] = []
    left_open = False
    for p in doc.paragraphs:
        open_at: int | None = None
        first = True
        opened_here_continues = False
        pos = t.find('"', p.start, p.end)
        while pos != -1:
            d = _direction(orig, t, pos, p.start, p.end)
            if open_at is None:
                if d == "open":
                    open_at = pos
                    opened_here_continues = left_open and first and pos == p.start
                elif first and left_open:
                    # A closing mark with no opener, after an unclosed quote: the quote
                    # continued into this paragraph without the customary opening mark.
                    quotes.append(_Quote(p.start, pos, p.start, pos, p.index, True, True))
            elif d == "close" or t[pos + 1 : pos + 2].isspace() or pos + 1 >= p.end:
                quotes.append(
                    _Quote(open_at, pos, open_at + 1, pos, p.index, open_at == p.start,
                           opened_here_continues)
                )
                open_at = None
            else:
                # Two openers in a row: the first quote lost its closing mark.
                quotes.append(
                    _Quote(open_at, None, open_at + 1, pos, p.index, open_at == p.start,
                           opened_here_continues, True)
                )
                open_at = pos
                opened_here_continues = False
            first = False
            pos = t.find('"', pos + 1, p.end)
        left_open = open_at is not None
        if open_at is not None:
            quotes.append(
                _Quote(open_at, None, open_at + 1, p.end, p.index, open_at == p.start,
                       opened_here_continues, True)
            )
    # A quote left open at the end of a paragraph and re-opened at the start of the next
    # is one quotation running over the paragraph break (the news convention).
    merged: list[_Quote] = []
    for q in quotes:
        q.close_para = q.paragraph
        prev = merged[-1] if merged else None
        if (q.continues and prev is not None and prev.open_end
                and prev.close_para == q.paragraph - 1):
            prev.ce, prev.close, prev.open_end = q.ce, q.close, q.open_end
            prev.close_para = q.paragraph
            continue
        merged.append(q)
    quotes = merged
    # Trim white space inside the marks, and a final comma or full stop.
    for q in quotes:
        while q.cs < q.ce and t[q.cs].isspace():
            q.cs += 1
        while q.ce > q.cs and (t[q.ce - 1].isspace() or t[q.ce - 1] in ",;:"):
            q.ce -= 1
        q.full_stop = t[q.ce - 1 : q.ce] == "."
        if q.full_stop:
            q.ce -= 1
    return quotes if keep_empty else [q for q in quotes if q.ce > q.cs]


#: Invisible format characters (a zero-width space after a name) read as blanks; the
#: text keeps its length, so offsets still index ``doc.text``.
_INVISIBLE = {c: " " for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}
#: Single guillemets (‹...›, inner quotes in French and German) read as single quotes.
_SINGLE_GUILLEMETS = {0x2039: "'", 0x203A: "'"}


@dataclass(frozen=True)
class Quotations:
    """The quotations of a document (:func:`quotations`).

    Attributes
    ----------
    text : str
        ``doc.text`` as the quotation rules read it, of the same length: quotation marks
        as ASCII, two apostrophes (``''``, as some archives write a double mark) and
        paired British single marks as ``"``, invisible format characters as spaces.
    spans : tuple of _Quote
        The quotations, in order: mark offsets (``open``, ``close``) and the content
        ``cs``..``ce`` (trimmed of white space and a final comma or full stop).
    all_spans : tuple of _Quote
        The same with the quotations that hold no word (a lone mark at a paragraph's
        end), for :func:`open_quotations`.
    """

    text: str
    spans: tuple
    all_spans: tuple = ()
    _mask: list = field(default_factory=list, repr=False, compare=False)

    @property
    def mask(self) -> str:
        """:attr:`text` with every quotation blanked to spaces, marks included (line
        breaks kept): what the reporter writes, without what sources say. A quotation
        with no closing mark is blanked to the end of its content."""
        if not self._mask:
            chars = list(self.text)
            for q in self.spans:
                end = q.close + 1 if q.close is not None else q.ce
                for k in range(q.open, end):
                    if chars[k] != "\n":
                        chars[k] = " "
            self._mask.append("".join(chars))
        return self._mask[0]


def quotations(doc: Document) -> Quotations:
    """The document's quotations: a layer computed on first use and shared
    (:meth:`mediakit.text.Document.layer`).

    Parameters
    ----------
    doc : Document

    Returns
    -------
    Quotations
    """
    return doc.layer("quotations", _build_quotations)


def _build_quotations(doc: Document) -> Quotations:
    t = doc.normalized.translate(_SINGLE_GUILLEMETS)
    t = _single_quotes_as_double(t.replace("''", '" '), doc)
    t = t.translate(_INVISIBLE)
    every = tuple(_find_quotes(doc.text, t, doc, keep_empty=True))
    return Quotations(t, tuple(q for q in every if q.ce > q.cs), every)


def open_quotations(doc: Document) -> list[dict]:
    """Quotations whose closing mark never comes.

    Parameters
    ----------
    doc : Document
        A segmented text.

    Returns
    -------
    list of dict
        One per quotation left open, in text order: ``start`` (the offset of its opening
        mark in ``doc.text``), ``end`` (where it was taken to end: the end of its last
        paragraph), ``paragraph`` (the paragraph it opens in) and ``at_article_end``
        (true when it is still open at the end of the article).

    Examples
    --------
    >>> from mediakit.text import segment
    >>> open_quotations(segment('He said: "We will stay.\n\nShe left.'))
    [{'start': 9, 'end': 23, 'paragraph': 0, 'at_article_end': False}]
    """
    out = []
    last = len(doc.paragraphs) - 1
    for q in quotations(doc).all_spans:
        if q.close is None:
            p = doc.paragraphs[q.close_para]
            out.append({"start": q.open, "end": p.end, "paragraph": q.paragraph,
                        "at_article_end": q.close_para == last})
    return out
