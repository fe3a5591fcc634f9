"""Tokens of one sentence for the harm-framing rules.

The rules see one sentence at a time, as a list of tokens with offsets into it: numbers
with their inner dots and commas, words with their inner hyphens and apostrophes, and
any other character on its own; a possessive "'s" and a negation "n't" are tokens of
their own. :class:`_Sent` holds one sentence's tokens and the word tests the rules
share (:mod:`.triggers`, :mod:`.arguments`, :mod:`.constructions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .triggers import _Lexicon

# Numbers with inner dots or commas ("1,200", "1.7", "80-year-old"), words with inner
# hyphens or apostrophes, or any single non-space character ("killed.30" splits).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:-[^\W_]+)*|[^\W_]+(?:[-'][^\W_]+)*|\S")


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int  # offset in the sentence
    end: int


def _tokenize(s: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(s):
        t = m.group(0)
        a, b = m.start(), m.end()
        low = t.lower()
        if len(t) > 2 and low.endswith("'s"):
            out.append(_Tok(t[:-2], low[:-2], a, b - 2))
            out.append(_Tok(t[-2:], "'s", b - 2, b))
        elif len(t) > 3 and low.endswith("n't"):
            out.append(_Tok(t[:-3], low[:-3], a, b - 3))
            out.append(_Tok(t[-3:], "n't", b - 3, b))
        else:
            out.append(_Tok(t, low, a, b))
    return out


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalnum()


def _is_number(low: str, number_words: frozenset[str] = frozenset()) -> bool:
    return bool(re.fullmatch(r"\d[\d,.]*", low)) or low in number_words


# Words of a phrase or sentence (victims phrases, emotive terms).
_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


class _Sent:
    """One tokenised sentence, and the word tests every rule reads."""

    def __init__(self, text: str, lex: _Lexicon) -> None:
        self.text = text
        self.t = _tokenize(text)
        self.low = [x.low for x in self.t]
        self.n = len(self.t)
        self.lex = lex
        self.g = lex.g

    def num(self, low: str) -> bool:
        return _is_number(low, self.g["number_words"])

    def w(self, k: int) -> str:
        return self.low[k] if 0 <= k < self.n else ""

    def skippable(self, k: int) -> bool:
        w = self.w(k)
        if w in self.g["skippable"]:
            return True
        # -ly adverbs, but not the quantity adverbs that start an object
        return w.endswith("ly") and len(w) > 4 and w not in self.g["quantity_adverbs"]

    def prev_word(self, i: int) -> int:
        k = i - 1
        while k >= 0 and self.skippable(k):
            k -= 1
        return k

    def next_word(self, j: int) -> int:
        k = j
        while k < self.n and self.skippable(k):
            k += 1
        return k

    def is_punct(self, k: int) -> bool:
        return 0 <= k < self.n and not _is_word(self.t[k])

    def span_text(self, a: int, b: int) -> str | None:
        if a >= b:
            return None
        return self.text[self.t[a].start:self.t[b - 1].end]

    def participle(self, k: int) -> bool:
        w = self.w(k)
        return w in self.lex.verb_forms or w in self.g["irregular_participles"] or (
            w.endswith("ed") and len(w) > 4)

    def transitive_form(self, k: int) -> bool:
        return self.w(k) in self.lex.verb_forms
