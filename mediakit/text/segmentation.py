"""Sentence and paragraph segmentation for news prose.

Everything downstream (readability, sentiment, attributions, framing) works on the
:class:`~mediakit.text.document.Document` made here, so a sentence boundary is decided
once and every offset points into the same string.

The sentence splitter is rule-based and written for news prose: it keeps titles and
initials ("Mr.", "Gen.", "Antony J. Blinken"), multi-dot acronyms ("U.S. officials")
and closing quotation marks after a full stop ("... a cage of death.” He said")
inside the right sentence. Its abbreviation list is a data file,
``mediakit/data/abbreviations.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import data_lines, read_data_file
from .document import Document, Paragraph, Sentence

__all__ = ["segment", "split_paragraphs", "split_sentences"]


# What may follow a sentence's terminal punctuation before the space (closing quotes
# and brackets).
_CLOSERS = "\"'\u201d\u2019)]"


@lru_cache(maxsize=1)
def _abbreviation_list() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations (``abbreviations.txt``), and those of them that may end a sentence
    (marked ``!``)."""
    words, final = set(), set()
    for _, entry in data_lines(read_data_file("abbreviations.txt")[0]):
        word, _, mark = entry.partition(" ")
        word = word.lower().rstrip(".")
        words.add(word)
        if mark.strip() == "!":
            final.add(word)
    return frozenset(words), frozenset(final)


def _abbreviations() -> frozenset[str]:
    return _abbreviation_list()[0]


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    return frozenset(w for _, w in data_lines(read_data_file("sentence_starters.txt")[0]))


_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
# A candidate boundary: terminal punctuation, any closing quotes or brackets, then
# white space. What follows decides whether it is a boundary.
_BOUNDARY = re.compile(rf"[.!?\u2026]+[{re.escape(_CLOSERS)}]*(?=\s)")
_NEXT_TOKEN = re.compile(r"\s+([\"'\u201c\u2018(\[]*)([^\s]*)")
_WORD_BEFORE = re.compile(r"([\w.'\u2019-]+)$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs.

    Blank lines separate paragraphs. A text with no blank line but several lines
    is taken as one paragraph per line (the common shape of scraped articles).

    Parameters
    ----------
    text : str
        The body of an article.

    Returns
    -------
    list of Paragraph
        Non-empty paragraphs, stripped of surrounding white space, with offsets
        into ``text``.
    """
    if _BLANK_LINES.search(text):
        pieces = []
        pos = 0
        for m in _BLANK_LINES.finditer(text):
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, len(text)))
    else:
        pieces = []
        pos = 0
        for line in text.split("\n"):
            pieces.append((pos, pos + len(line)))
            pos += len(line) + 1
    paragraphs = []
    for start, end in pieces:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        s = start + lead
        e = s + len(stripped)
        paragraphs.append(Paragraph(len(paragraphs), s, e, stripped))
    return paragraphs


def _is_boundary(text: str, end_punct: int) -> bool:
    """Decide whether the punctuation ending at ``end_punct`` ends a sentence.

    ``end_punct`` is the index just after the terminal punctuation (and any closing
    quotes), where the white space after it starts.
    """
    nxt = _NEXT_TOKEN.match(text, end_punct)
    if nxt is None:
        return True
    opener, word = nxt.group(1), nxt.group(2)
    if not word and not opener:
        return True
    first = (word[:1] or "x")
    # A sentence starts with a capital, a digit or an opening quotation mark.
    if not (first.isupper() or first.isdigit() or opener):
        return False
    punct_start = end_punct
    while punct_start > 0 and text[punct_start - 1] in _CLOSERS:
        punct_start -= 1
    if text[punct_start - 1] != ".":
        return True  # "!" "?" and "…" end a sentence before a capital.
    if punct_start != end_punct:
        return True  # ...said.” He — a full stop inside a closing quote ends it.
    # Look back a bounded window only: searching from 0 makes segmentation quadratic.
    before = _WORD_BEFORE.search(text, max(0, punct_start - 65), punct_start - 1)
    token = before.group(1) if before else ""
    bare = token.lower().rstrip(".")
    if _ACRONYM.match(token + "."):
        # "U.S. officials" never splits (lower case, handled above); "U.S. The"
        # splits only before a word that usually starts a sentence.
        return word.strip("\"'") in _sentence_starters()
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "Antony J. Blinken"
    abbreviations, may_end = _abbreviation_list()
    if bare in abbreviations:
        return bare in may_end and word.strip("\"'") in _sentence_starters()
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences.

    Parameters
    ----------
    text : str
        The text holding the span.
    start, end : int
        The span to split (a paragraph, usually). Defaults to the whole text.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets into ``text`` of each sentence, stripped of
        surrounding white space.
    """
    end = len(text) if end is None else end
    spans = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m.end()):
            spans.append((pos, m.end()))
            pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            ls = s + (len(chunk) - len(chunk.lstrip()))
            out.append((ls, ls + len(stripped)))
    return out


def segment(text: str) -> Document:
    """Segment a body into paragraphs and sentences.

    Parameters
    ----------
    text : str
        The (clean) body of an article.

    Returns
    -------
    Document
        The text with its paragraphs and sentences; sentences never cross a
        paragraph boundary.

    Examples
    --------
    >>> doc = segment("Mr. Gallant met U.S. officials. “It went well,” he said.")
    >>> [s.text for s in doc.sentences]
    ['Mr. Gallant met U.S. officials.', '“It went well,” he said.']
    """
    paragraphs = split_paragraphs(text)
    sentences: list[Sentence] = []
    for p in paragraphs:
        for s, e in split_sentences(text, p.start, p.end):
            sentences.append(Sentence(len(sentences), p.index, s, e, text[s:e]))
    return Document(text, tuple(paragraphs), tuple(sentences))
