"""Word and punctuation tokens of the normalised text, with character offsets.

The extractors index tokens, not characters: :class:`_Tokens` holds parallel lists of
offsets and words (abbreviations keep their full stop), and the helpers here read a
single token (capitalised? possessive?) or a span of text.
"""

from __future__ import annotations

import bisect
import re

from ..text.segmentation import _abbreviations
from .lexicon import _PARTICLES

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'.&][^\W_]+)*\.?|\S")


class _Tokens:
    """Word and punctuation tokens of the normalised text, as parallel lists."""

    __slots__ = ("starts", "ends", "words", "lower", "n", "text")

    def __init__(self, t: str):
        self.text = t
        abbr = _abbreviations()
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for m in _TOKEN.finditer(t):
            w = m.group()
            s, e = m.span()
            if w[-1] == "." and len(w) > 1 and "." not in w[:-1]:
                stem = w[:-1]
                keep = stem.lower() in abbr or (len(stem) == 1 and stem.isupper())
                if not keep:
                    starts += [s, e - 1]
                    ends += [e - 1, e]
                    words += [stem, "."]
                    continue
            starts.append(s)
            ends.append(e)
            words.append(w)
        self.starts, self.ends, self.words = starts, ends, words
        self.lower = [w.lower() for w in words]
        self.n = len(words)

    def span(self, i: int, j: int) -> str:
        """The text of tokens i..j (exclusive) as written, with its own spacing."""
        return self.text[self.starts[i] : self.ends[j - 1]] if j > i else ""

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


def _is_cap(w: str) -> bool:
    if not w or not w[0].isalpha():
        return False
    if w[0].isupper():
        return True
    # "al-Ansari", "el-Sisi", "bin Salman" (particle inside a name).
    head = w.split("-", 1)[0].lower()
    return "-" in w and head in _PARTICLES and w.split("-", 1)[1][:1].isupper()


def _strip_poss(w: str) -> str:
    if w.endswith("'s") or w.endswith("'S"):
        return w[:-2]
    if w.endswith("'") and len(w) > 1:
        return w[:-1]
    return w


def _n_words(t: str, s: int, e: int) -> int:
    return len(re.findall(r"[^\W_]+", t[s:e]))


def _span_text(tk: _Tokens, a: int, b: int) -> tuple[int, int]:
    return tk.starts[a], tk.ends[b - 1]
