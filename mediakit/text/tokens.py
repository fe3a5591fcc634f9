"""Word tokens of the metric families (readability keeps textstat's own, in its module)."""

from __future__ import annotations

import re

__all__ = ["word_tokens"]

_WORD = re.compile(r"[^\W_]+(?:(?:['\u2019.-]|,(?=\d{3}))[^\W_]+)*")


def word_tokens(text: str) -> list[str]:
    """Return the words of a text: runs of letters and digits, keeping inner
    apostrophes, hyphens and dots ("don't", "cease-fire", "U.S") and thousands
    separators ("1,200").

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of str
        The words in order.
    """
    return _WORD.findall(text)
