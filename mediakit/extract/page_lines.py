"""Page lines that are not article prose: captions, promos, subheads and pull quotes.

Scraped news pages keep lines that a reader skips: photo captions ("Residents queue for
water in Rafah. (AP Photo/Fatima Shbair)"), promos ("WATCH: ...", "READ MORE: ..."),
subheads ("A long road home") and pull quotes (a sentence of the article repeated in large
type). :func:`page_lines` marks each such paragraph with its kind; the attribution
extractor copies the kind into ``Attribution.page_line`` and the sources family does not
count those attributions. Captions and promos are read from the patterns in
``mediakit/data/page_lines.txt``; subheads and pull quotes from the layout:

* ``subhead``: a paragraph other than the first and the last of at most eight words,
  with no quotation mark and no closing punctuation (``. ! ? : ; ,``), that opens with a
  capital, after a paragraph that ends a sentence (or another page line) and before one
  that opens with a capital or a quotation mark;
* ``pull_quote``: a paragraph that is one quotation (marks at both ends, perhaps a
  "— Name" after it) whose words, at least four, appear again elsewhere in the article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..datafiles import data_lines, read_data_file
from ..errors import ParameterError
from ..text import Document

__all__ = ["PAGE_LINE_KINDS", "load_page_line_patterns", "page_lines"]

#: The kinds of page line: what each marks.
PAGE_LINE_KINDS: dict[str, str] = {
    "caption": "a photo or video caption, or a credit line",
    "promo": 'a link to other content ("WATCH: ...", "READ MORE: ...")',
    "subhead": "a short heading inside the article",
    "pull_quote": "a quotation of the article repeated as a display line",
}

_PATTERN_KINDS = ("caption", "promo")
_SUBHEAD_WORDS = 8
_PULL_QUOTE_WORDS = 4
_MAX_PULL_CANDIDATES = 50  # keeps the duplicate search linear in the article
_WORD = re.compile(r"[^\W_]+")
_PULL = re.compile(r'^"([^"]+)"\s*(?:[\u2014\u2013-]+\s*[^"]{1,80})?$')


@lru_cache(maxsize=8)
def load_page_line_patterns(path: str | None = None) -> tuple[tuple[str, re.Pattern], ...]:
    """Read the page-line patterns.

    Parameters
    ----------
    path : str or None
        A file in the format of ``mediakit/data/page_lines.txt`` (a kind, white space, a
        regular expression; ``#`` comments). None reads the packaged file.

    Returns
    -------
    tuple of (str, re.Pattern)
        Each kind with its case-insensitive pattern, in file order.

    Raises
    ------
    ParameterError
        Naming the file and line: an unknown kind, a kind with no pattern, or a pattern
        that is not a valid regular expression.
    """
    raw, where = read_data_file("page_lines.txt", path, error=ParameterError)
    out = []
    for lineno, line in data_lines(raw):
        kind, _, pattern = line.partition(" ") if " " in line else line.partition("\t")
        kind, pattern = kind.strip(), pattern.strip()
        if kind not in _PATTERN_KINDS:
            raise ParameterError(where, f"unknown page-line kind {kind!r} (known: "
                                 f"{', '.join(_PATTERN_KINDS)})", lineno)
        if not pattern:
            raise ParameterError(where, f"a {kind!r} line with no pattern", lineno)
        try:
            out.append((kind, re.compile(pattern, re.IGNORECASE)))
        except re.error as exc:
            raise ParameterError(where, f"bad pattern ({exc})", lineno) from None
    return tuple(out)


def page_lines(doc: Document, path: str | Path | None = None) -> dict[int, str]:
    """The paragraphs of a document that are page lines, not article prose.

    Parameters
    ----------
    doc : Document
        A segmented text.
    path : str or Path, optional
        A page-line pattern file instead of the packaged ``page_lines.txt``.

    Returns
    -------
    dict of int to str
        Paragraph index -> kind (a key of :data:`PAGE_LINE_KINDS`), for the marked
        paragraphs only.

    Examples
    --------
    >>> from mediakit.text import segment
    >>> doc = segment("The mayor said the dam held.\\n\\nWATCH: The dam at dawn\\n\\nIt rained.")
    >>> page_lines(doc)
    {1: 'promo'}
    """
    patterns = load_page_line_patterns(None if path is None else str(path))
    t = doc.normalized
    out: dict[int, str] = {}
    n_pull = 0
    last = len(doc.paragraphs) - 1
    for p in doc.paragraphs:
        text = t[p.start : p.end].replace("\u200b", "").strip()
        kind = next((k for k, pat in patterns if pat.match(text)), None)
        if (kind is None and 0 < p.index < last and _subhead(text)
                and (p.index - 1 in out or _after_sentence(t, doc, p.index))
                and _before_sentence(t, doc, p.index)):
            kind = "subhead"
        if kind is None and n_pull < _MAX_PULL_CANDIDATES:
            m = _PULL.match(text)
            if m and len(_WORD.findall(m.group(1))) >= _PULL_QUOTE_WORDS:
                n_pull += 1
                inner = m.group(1).strip().rstrip(".,")
                at = t.find(inner)
                while at != -1 and p.start <= at < p.end:
                    at = t.find(inner, at + 1)
                if at != -1:
                    kind = "pull_quote"
        if kind is not None:
            out[p.index] = kind
    return out


def _after_sentence(t: str, doc: Document, i: int) -> bool:
    """Whether the paragraph before ``i`` ends a sentence (a short line after it is a
    heading, not the broken-off end of a wrapped line)."""
    before = t[doc.paragraphs[i - 1].start : doc.paragraphs[i - 1].end].rstrip()
    return before[-1:] in _CLOSING


def _before_sentence(t: str, doc: Document, i: int) -> bool:
    """Whether the paragraph after ``i`` opens with a capital or a quotation mark."""
    after = t[doc.paragraphs[i + 1].start : doc.paragraphs[i + 1].end].lstrip()
    return after[:1].isupper() or after[:1] in "\"'\u2018"


def _subhead(text: str) -> bool:
    words = _WORD.findall(text)
    return (0 < len(words) <= _SUBHEAD_WORDS and text[:1].isupper() and '"' not in text
            and text[-1:] not in _CLOSING)


_CLOSING = frozenset(".!?:;,\"')\u2026")
