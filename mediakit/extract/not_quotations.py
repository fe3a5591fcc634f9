"""Quotation marks that do not quote a source: titles, names and nicknames, scare quotes.

A quotation right after a title word (``the film "Gone Girl"``), a naming word
(``nicknamed "The Rock"``) or a scare marker (``so-called "experts"``), and a short
quotation standing between two parts of a name (``Dwayne "The Rock" Johnson``), is not
an attribution: no pass frames it or gives it a speaker, and it adds nothing to a mixed
statement's quoted words. The words are in ``mediakit/data/precision_markers.txt``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import read_data_file, section_lines
from ..errors import ParameterError
from ..text import Document
from .quotes import _Quote, quotations
from .tokens import _is_cap, _n_words, _Tokens

__all__ = ["NOT_QUOTATION_RULES", "load_precision_markers", "not_quotations"]

#: Why a pair of quotation marks quotes no one: rule id -> what it matches.
NOT_QUOTATION_RULES: dict[str, str] = {
    "not_quotation.nickname": 'after a naming word (nicknamed "The Rock", known as "the '
                              'Baron"), or a short capitalised quotation between two parts '
                              'of a name (Dwayne "The Rock" Johnson)',
    "not_quotation.title": 'after a title word (the series "Keldon After the Mill"), or a '
                           'title-case quotation after a preposition, "told", "called", a '
                           'determiner or a name\'s possessive, or before a title word (on '
                           '"Meet the Press", the "Avatar" star)',
    "not_quotation.scare": 'after a scare marker (so-called "peace dividend", the word '
                           '"genocide")',
}

_SECTIONS = ("title_words", "naming_words", "scare_markers", "quantity_after_add",
             "headline_topics", "participle_adjective_before")
_NICKNAME_WORDS = 3  # at most this many words between two parts of a name


@lru_cache(maxsize=4)
def load_precision_markers(path: str | None = None) -> dict[str, frozenset[tuple[str, ...]]]:
    """Read the precision markers.

    Parameters
    ----------
    path : str or None
        A file in the format of ``mediakit/data/precision_markers.txt`` (``[section]``
        lines, then words; ``_`` joins a multi-word entry; ``#`` comments). None reads the
        packaged file.

    Returns
    -------
    dict
        Section name -> its entries as tuples of lower-case words.

    Raises
    ------
    ParameterError
        Naming the file and line: an unknown section or an entry before any section.
    """
    raw, where = read_data_file("precision_markers.txt", path, error=ParameterError)
    out: dict[str, set[tuple[str, ...]]] = {s: set() for s in _SECTIONS}
    for _, current, line in section_lines(raw, where, _SECTIONS, error=ParameterError):
        for w in line.lower().split():
            out[current].add(tuple(w.split("_")))
    return {k: frozenset(v) for k, v in out.items()}


def not_quotations(doc: Document) -> list[dict]:
    """The quotation marks of a document that quote no one (titles, nicknames, scare
    quotes), with the rule that decided each.

    Parameters
    ----------
    doc : Document
        A segmented text.

    Returns
    -------
    list of dict
        In text order: ``start``/``end`` (the words inside the marks, offsets into
        ``doc.text``), ``text`` and ``rule`` (a key of :data:`NOT_QUOTATION_RULES`).

    Examples
    --------
    >>> from mediakit.text import segment
    >>> not_quotations(segment('Dwayne "The Rock" Johnson starred in the film.'))
    [{'start': 8, 'end': 16, 'text': 'The Rock', 'rule': 'not_quotation.nickname'}]
    """
    found = quotations(doc)
    quotes = list(found.spans)
    return _records(doc, quotes, _not_quotations(found.text, _Tokens(found.text), quotes))


def _records(doc: Document, quotes: list[_Quote], found: dict[int, str]) -> list[dict]:
    """The :func:`not_quotations` records of the marks already classified."""
    out = []
    for i, why in sorted(found.items()):
        q = quotes[i]
        out.append({"start": q.cs, "end": q.ce, "text": doc.text[q.cs : q.ce],
                    "rule": "not_quotation." + why})
    return out


def _before(tk: _Tokens, k: int, n: int) -> tuple[str, ...]:
    return tuple(tk.lower[max(0, k - n) : k])


def _marker(tk: _Tokens, k: int, entries: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of ``entries`` ends right before token ``k`` (or one word earlier,
    past a determiner or a possessive: "the film", "his book", "the word")."""
    for skip in (0, 1):
        if skip and not (k - 1 >= 0 and tk.words[k - 1][:1].isalpha()):
            break
        for n in (1, 2):
            if k - skip - n >= 0 and _before(tk, k - skip, n) in entries:
                return True
    return False


def _not_quotations(t: str, tk: _Tokens, quotes: list[_Quote]) -> dict[int, str]:
    """Quotation index -> why it is not a quotation (``title``, ``nickname``,
    ``scare``), for the quotations that are none."""
    marks = load_precision_markers()
    out: dict[int, str] = {}
    for qi, q in enumerate(quotes):
        if q.close is None or q.open >= len(t) or t[q.open] != '"':
            continue
        k = tk.index_at(q.open)  # the opening mark's token
        after = tk.index_at(q.close + 1)
        words = _n_words(t, q.cs, q.ce)
        if _marker(tk, k, marks["naming_words"]):
            out[qi] = "nickname"
        elif _marker(tk, k, marks["title_words"]):
            out[qi] = "title"
        elif _marker(tk, k, marks["scare_markers"]):
            out[qi] = "scare"
        elif (words <= _NICKNAME_WORDS and k > 0 and after < tk.n
              and _is_cap(tk.words[k - 1]) and _is_cap(tk.words[after])
              and t[q.cs : q.cs + 1].isupper() and q.paragraph == q.close_para):
            out[qi] = "nickname"
        elif _title_case(t, q) and (
                _title_before(tk, k, marks["title_words"])
                or (after < tk.n and (tk.lower[after],) in marks["title_words"])
                or (after + 1 < tk.n and (tk.lower[after + 1],) in marks["title_words"])):
            out[qi] = "title"
    return out


# Words a title may hold in lower case ("Fox and Friends", "State of the Union").
_TITLE_SMALL = frozenset("a an the and or of in on at to for with by from as but nor vs".split())
# Words right before a title in quotation marks: "on "Meet the Press"", "told "Fox News
# Sunday"".
_TITLE_BEFORE = frozenset("on of in from at to told for with via host hosted anchor the its his "
                          "her their our called".split())
_TITLE_WORDS = 8
_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\w'-]*")


def _title_case(t: str, q: _Quote) -> bool:
    """Whether a quotation reads as a title: at most eight words, each capitalised but the
    small words, and no punctuation inside but a final full stop."""
    inner = t[q.cs : q.ce]
    if not (inner[:1].isupper() or inner[:1].isdigit()) or any(c in inner for c in ".,;:!?"):
        return False
    words = _WORDS.findall(inner)
    return 0 < len(words) <= _TITLE_WORDS and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)


def _title_before(tk: _Tokens, k: int, title_words: frozenset[tuple[str, ...]]) -> bool:
    """A title-case quotation after a preposition, "told", "called" or a determiner ("on
    "Morning Joe"", "the "Avatar" star", "a site called "The Local""), after a name's
    possessive ("Fox News's "Fox and Friends""), or after a title word and a comma ("his
    show, "Politicking"")."""
    if k == 0:
        return False
    prev = tk.words[k - 1]
    if tk.lower[k - 1] in _TITLE_BEFORE:
        return True
    if prev.endswith(("'s", "\u2019s", "s'")) and _is_cap(prev):
        return True
    return prev == "," and k >= 2 and (tk.lower[k - 2],) in title_words
