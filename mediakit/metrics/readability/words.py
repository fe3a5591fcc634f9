"""Readability's own tokens: textstat 0.7.8's word rules, a layer of their own.

The other families use :func:`mediakit.text.word_tokens`; readability keeps textstat's
rules (punctuation stripping, contractions) so its counts equal textstat's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...text import Document, segment
from .dictionaries import _inflection_rules, familiar_words, syllable_count

# -------------------------------------------------------------------------- words
# textstat 0.7.8 (backend/utils/constants.py, transformations/_remove_punctuation.py):
# an apostrophe survives only before a contraction ending; other punctuation, hyphens
# included, is deleted (so "cease-fire" is one word, "ceasefire"); words are what is
# left between white space.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s']")
_PUNCTUATION = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class _Token:
    word: str  # "" when the token holds no word (e.g. a dash)
    letters: int
    syllables: int
    familiar_list: bool  # lower-case word on the familiar list (textstat's test)
    familiar_rules: bool  # familiar by the published rules (names aside)
    capitalised: bool  # looks like a name: Capital then lower case


@lru_cache(maxsize=65536)
def _token(raw: str, words_path: str | None) -> _Token:
    word = _strip_punctuation(raw)
    letters = len(_PUNCTUATION.sub("", raw))
    if not word:
        return _Token("", letters, 0, False, False, False)
    lower = word.lower()
    listed = familiar_words(words_path)
    parts = [p for p in map(_clean, raw.split("-")) if p]
    if len(parts) > 1:
        # Hyphenated compound: familiar when every part is (Dale & Chall's rule).
        rules = all(is_familiar(p, words_path) for p in parts)
    else:
        rules = is_familiar(lower, words_path)
    capitalised = word[0].isupper() and any(c.islower() for c in word[1:])
    return _Token(word, letters, syllable_count(lower), lower in listed, rules, capitalised)


def _strip_punctuation(raw: str) -> str:
    """A token as textstat counts it: punctuation removed, contractions kept."""
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", raw))


def _clean(raw: str) -> str:
    return _strip_punctuation(raw).lower()


@lru_cache(maxsize=65536)
def is_familiar(word: str, words_path: str | None = None) -> bool:
    """Whether a word is familiar by Dale & Chall's rules (names aside).

    Familiar: on the list; a numeral; or a regular inflection of a listed word by one
    rule of ``mediakit/data/dale_chall_inflections.txt`` (-s, -es, -ies, -'s, -ed, -d,
    -ied, -n, -ing, -er, -r, -ier, -est, -st, -iest, -ly, -ily; with a dropped final
    "e" or a doubled final consonant). Names of persons and places are handled by
    :func:`count_readability`, which sees the context.

    Parameters
    ----------
    word : str
        A word, punctuation removed (it is lower-cased here).
    words_path : str, optional
        Another familiar-word list (see :func:`familiar_words`).

    Returns
    -------
    bool

    References
    ----------
    Dale & Chall (1948), Instructions, pp. 38-49; Chall & Dale (1995).
    """
    word = word.lower()
    listed = familiar_words(words_path)
    if word in listed:
        return True
    if word.isdigit():
        return True  # figures: no vocabulary load (mediakit's choice; see docs)
    for suffix, replacement in _inflection_rules():
        if len(word) <= len(suffix) + 1 or not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if replacement == "=":
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                if stem[:-1] in listed:
                    return True
        elif stem + replacement in listed:
            return True
    return False


def word_syllables(text_or_document: str | Document) -> list[tuple[str, int]]:
    """The words the formulas count, each with its syllables, in text order.

    The same words and syllables :func:`count_readability` adds up: white-space separated
    tokens of each sentence, punctuation removed ("cease-fire" is one word), empty ones
    (a dash) dropped.

    Parameters
    ----------
    text_or_document : str or Document
        A text (segmented here) or a segmented :class:`~mediakit.text.Document`.

    Returns
    -------
    list of (str, int)
        ``(word, syllables)`` per word.
    """
    doc = text_or_document if isinstance(text_or_document, Document) else segment(
        text_or_document)
    out = []
    for sentence in doc.sentences:
        for raw in doc.normalized[sentence.start:sentence.end].split():
            tok = _token(raw, None)
            if tok.word:
                out.append((tok.word, tok.syllables))
    return out
