"""Readability formulas over counts (one line each), and the bands that interpret them."""

from __future__ import annotations

import math
from collections import Counter

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
