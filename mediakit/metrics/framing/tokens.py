"""Tokens of one sentence for the harm-framing rules.

The rules see one sentence at a time, as a list of tokens with offsets into it: numbers
with their inner dots and commas, words with their inner hyphens and apostrophes, and
any other character on its own; a possessive "'s" and a negation "n't" are tokens of
their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
