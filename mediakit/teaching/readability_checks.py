"""Checks for exercise 1, readability by hand.

The student counts the words, sentences and syllables of one paragraph, computes Flesch
reading ease from their counts, and finds which of their counts differ from mediakit's.
Each check compares with what :mod:`mediakit.metrics.readability` counts (textstat 0.7.8's rules:
words are white-space separated tokens with punctuation removed; syllables from the CMU
Pronouncing Dictionary, else hyphenation points) and with the usual ways a hand count goes
wrong, and says where to look again.

References
----------
Flesch, R. (1948). A new readability yardstick. *Journal of Applied Psychology*, 32(3),
221-233.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from ..metrics.readability import (
    cmudict_syllables,
    count_readability,
    flesch_reading_ease,
    word_syllables,
)
from ..metrics.readability.words import _clean
from .feedback import (
    CLOSE,
    CORRECT,
    WRONG,
    Feedback,
    as_count,
    as_number,
    is_unanswered,
    not_answered,
    wrong_type,
)

__all__ = ["check_count_differences", "check_flesch", "check_sentence_count",
           "check_syllables", "check_word_count", "hand_syllables"]

COUNTS = ("words", "sentences", "syllables")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_TERMINAL = re.compile(r"[.!?]+")


def _read_count(task: str, answer: object, what: str) -> int | Feedback:
    """The student's count as an int, or the feedback for a missing or malformed one."""
    if is_unanswered(answer):
        return not_answered(task, what)
    count = as_count(answer)
    return wrong_type(task, "a whole number", answer) if count is None else count


def _sentences(paragraph: str) -> int:
    """Sentences as the formulas count them (those holding a word)."""
    return count_readability(paragraph)[0].sentences


def _off_by(diff: int, unit: str) -> str:
    n = abs(diff)
    return f"{n} {unit}{'' if n == 1 else 's'} too {'many' if diff > 0 else 'few'}"


def hand_syllables(word: str) -> int:
    """Syllables as they are often counted by hand: vowel groups, less a silent final e.

    The rule of thumb (every group of vowels, ``y`` included, is a syllable; a final
    ``e`` after a consonant is silent unless the word ends in ``-le``) that the feedback
    uses to guess which words a student miscounted. Not used for any metric.

    Parameters
    ----------
    word : str

    Returns
    -------
    int
        At least 1 for a word with a letter.
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1 if any(c.isdigit() for c in word) else 0
    n = len(_VOWEL_GROUP.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1
    return max(n, 1)


def check_word_count(paragraph: str, answer: object) -> Feedback:
    """Task 1.1: the number of words in the paragraph.

    Parameters
    ----------
    paragraph : str
        The paragraph the student counted.
    answer : int
        Their count.

    Returns
    -------
    Feedback
        Correct when equal to mediakit's word count; otherwise how far off, and the
        likely cause when a usual way of counting explains the difference.
    """
    task = "1.1 words"
    answer = _read_count(task, answer, "the number of words you counted (an integer)")
    if isinstance(answer, Feedback):
        return answer
    words = [w for w, _ in word_syllables(paragraph)]
    expected = len(words)
    if answer == expected:
        return Feedback(task, CORRECT, ("Your count is the one the readability formulas "
                                        "use.",))
    diff = answer - expected
    tokens = paragraph.split()
    hyphen_parts = sum(len([p for p in re.split(r"[-‐‑]", t) if re.search(r"\w", p)])
                       for t in tokens if re.search(r"\w", t))
    numbers = sum(1 for w in words if any(c.isdigit() for c in w))
    messages = [f"You have {_off_by(diff, 'word')}."]
    if answer == len(tokens) and len(tokens) != expected:
        messages.append("You counted every space-separated piece. A dash or other "
                        "punctuation standing alone (such as '—') is not a word.")
    elif answer == hyphen_parts and hyphen_parts != expected:
        messages.append("You split hyphenated words into their parts. The formulas count "
                        "a hyphenated word such as 'cease-fire' as one word.")
    elif numbers and answer == expected - numbers:
        messages.append("You left out the numbers. Figures such as '42' count as words.")
    elif abs(diff) <= 2:
        messages.append("Count again line by line; check words joined by an apostrophe or "
                        "a hyphen, abbreviations and numbers.")
    else:
        messages.append("A word here is anything between two spaces that holds a letter "
                        "or a digit once punctuation is removed.")
    return Feedback(task, CLOSE if abs(diff) <= 2 else WRONG, tuple(messages))


def check_sentence_count(paragraph: str, answer: object) -> Feedback:
    """Task 1.2: the number of sentences in the paragraph.

    Returns
    -------
    Feedback
        Compared with :func:`mediakit.text.segment`, which does not end a sentence at
        abbreviations ("U.S.", "Dr.") or initials.
    """
    task = "1.2 sentences"
    answer = _read_count(task, answer, "the number of sentences you counted (an integer)")
    if isinstance(answer, Feedback):
        return answer
    expected = _sentences(paragraph)
    if answer == expected:
        return Feedback(task, CORRECT, ("Your count agrees with mediakit's sentence "
                                        "splitter.",))
    diff = answer - expected
    stops = len(_TERMINAL.findall(paragraph))
    messages = [f"You have {_off_by(diff, 'sentence')}."]
    if answer == stops and stops != expected:
        messages.append("You counted every full stop, question mark and exclamation mark. "
                        "A full stop after an abbreviation ('U.S.', 'Dr.', 'Gen.') or an "
                        "initial does not end a sentence.")
    elif diff < 0:
        messages.append("A sentence can end inside a quotation: '“We left.” She cried.' is "
                        "two sentences.")
    else:
        messages.append("Look for full stops that do not end a sentence: abbreviations, "
                        "initials, decimal numbers.")
    return Feedback(task, CLOSE if abs(diff) == 1 else WRONG, tuple(messages))


def _student_counts(answer: object, words: list[str]) -> dict[str, object] | None:
    """The student's count for each word (None where they gave none), or None for a
    total."""
    if callable(answer):
        return {w: answer(w) for w in words}
    if isinstance(answer, Mapping):
        # Keys as the formulas see words: punctuation removed, lower case ("a.m.," -> "am").
        given = {_clean(str(k)): v for k, v in answer.items()}
        return {w: given.get(w.lower()) for w in words}
    return None


def check_syllables(paragraph: str, answer: object, *, show: int = 3) -> Feedback:
    """Task 1.3: the syllables of the paragraph.

    Parameters
    ----------
    paragraph : str
        The paragraph.
    answer : int, dict or callable
        The total; or ``{word: syllables}``; or a function ``word -> syllables`` (which is
        run on every word).
    show : int
        How many words to point at.

    Returns
    -------
    Feedback
        For a total: how far off, and the words a hand count most likely got wrong. For
        per-word counts: the words that differ (never their right count). Words the CMU
        dictionary lacks (names, figures) are guessed by the formulas from hyphenation;
        a different count there is noted, not marked wrong.
    """
    task = "1.3 syllables"
    if is_unanswered(answer):
        return not_answered(task, "your syllable total (an integer), a {word: syllables} "
                            "dict, or a function counting one word's syllables")
    pairs = word_syllables(paragraph)
    words = [w for w, _ in pairs]
    expected_total = sum(n for _, n in pairs)
    guessed = [w for w in dict.fromkeys(words) if cmudict_syllables(w.lower()) is None]
    try:
        per_word = _student_counts(answer, words)
    except Exception as exc:  # the student's function failed: say so, and how
        return Feedback(task, WRONG, (f"Your function raised {type(exc).__name__}: {exc}. "
                                      "Try it on single words first.",))
    if per_word is None:
        total = as_count(answer)
        if total is None:
            return wrong_type(task, "a whole number, a dict or a function", answer)
        wrong_words = None
    else:
        missing = [w for w in words if per_word[w] is None]
        if missing:
            return Feedback(task, WRONG, ("Some words have no count: "
                                          f"{_quote_list(dict.fromkeys(missing), show)}.",))
        counts = {w: as_count(v) for w, v in per_word.items()}
        bad = next((w for w, v in counts.items() if v is None), None)
        if bad is not None:
            return wrong_type(task, f"a whole number of syllables for '{bad}'", per_word[bad])
        total = sum(counts[w] for w in words)
        wrong_words = {w: counts[w] - n for w, n in pairs
                       if counts[w] != n and w not in guessed}
    diff = total - expected_total
    notes = []
    if guessed:
        notes.append(f"{_quote_list(guessed, show)} {'is' if len(guessed) == 1 else 'are'} "
                     "not in the pronouncing dictionary, so the formulas guess from "
                     "hyphenation, which can be wrong: a difference there need not be "
                     "yours. Note it for task 1.5.")
    if wrong_words is not None and not wrong_words:
        if diff:
            return Feedback(task, CORRECT, ("Every dictionary word is right.", *notes))
        return Feedback(task, CORRECT, ("Your syllables agree with the CMU Pronouncing "
                                        "Dictionary, word by word.",))
    if wrong_words is None and diff == 0:
        return Feedback(task, CORRECT, ("Your total agrees with the CMU Pronouncing "
                                        "Dictionary.",))
    messages = [f"Your total is {abs(diff)} too {'high' if diff > 0 else 'low'}."
                if diff else "Your total is right, but some words are not."]
    if wrong_words:
        high = [w for w, d in wrong_words.items() if d > 0]
        low = [w for w, d in wrong_words.items() if d < 0]
        if high:
            messages.append(f"Too many syllables in {_quote_list(dict.fromkeys(high), show)}.")
        if low:
            messages.append(f"Too few syllables in {_quote_list(dict.fromkeys(low), show)}.")
        share = len(wrong_words) / len(words)
        status = CLOSE if share <= 0.1 else WRONG
    else:
        suspects = [w for w in _suspects(pairs, diff) if w not in guessed]
        if suspects:
            messages.append(f"Look at {_quote_list(suspects, show)}.")
        status = CLOSE if abs(diff) <= max(2, round(0.03 * expected_total)) else WRONG
    messages.append("Say each word aloud and count the vowel sounds, not the vowel letters.")
    return Feedback(task, status, tuple(messages + notes))


def _suspects(pairs: list[tuple[str, int]], diff: int) -> list[str]:
    """Words a hand count gets wrong in the direction of the student's error.

    Counting too many, people usually count every vowel group (the "e" of "cease", the
    "-ed" of "killed"); counting too few, they merge vowels that are spoken apart ("area").
    """
    out: dict[str, None] = {}
    for word, n in pairs:
        if diff > 0:
            guess = max(1, len(_VOWEL_GROUP.findall(word.lower())))
        else:
            guess = hand_syllables(word)
        if (guess - n) * diff > 0:
            out.setdefault(word)
    return list(out)


def _quote_list(words: Iterable[str], show: int) -> str:
    words = list(words)
    shown = ", ".join(f"'{w}'" for w in words[:show])
    more = len(words) - show
    return shown + (f" and {more} more" if more > 0 else "")


def check_flesch(words: object, sentences: object, syllables: object,
                 answer: object) -> Feedback:
    """Task 1.4: Flesch reading ease from the student's own counts.

    The arithmetic is checked against the student's counts, not mediakit's, so a wrong
    count does not make a right calculation wrong.

    Returns
    -------
    Feedback
        Correct within 0.05; nearly right within 0.5 (rounding); otherwise the usual
        slips (a ratio the wrong way up, a coefficient left out) are named.
    """
    task = "1.4 Flesch reading ease"
    given = {"words": words, "sentences": sentences, "syllables": syllables}
    if any(is_unanswered(v) for v in given.values()):
        return not_answered(task, "your three counts from tasks 1.1-1.3")
    counts = {k: as_count(v) for k, v in given.items()}
    for name, value in counts.items():
        if not value:
            return wrong_type(task, f"a positive whole number of {name}", given[name])
    words, sentences, syllables = counts["words"], counts["sentences"], counts["syllables"]
    if is_unanswered(answer):
        return not_answered(task, "the Flesch reading ease you computed (a number)")
    value = as_number(answer)
    if value is None:
        return wrong_type(task, "a number", answer)
    expected = flesch_reading_ease(syllables, words, sentences)
    if math.isclose(value, expected, abs_tol=0.05):
        return Feedback(task, CORRECT, ("Your arithmetic is right for your counts.",))
    if math.isclose(value, expected, abs_tol=0.5):
        return Feedback(task, CLOSE, ("Nearly: keep more decimals in the two ratios and "
                                      "round only at the end.",))
    slips = {
        "you turned the words-per-sentence ratio upside down (sentences / words)":
            206.835 - 1.015 * sentences / words - 84.6 * syllables / words,
        "you turned the syllables-per-word ratio upside down (words / syllables)":
            206.835 - 1.015 * words / sentences - 84.6 * words / syllables,
        "you used syllables per sentence instead of syllables per word":
            206.835 - 1.015 * words / sentences - 84.6 * syllables / sentences,
        "you left out the 206.835 at the start":
            -1.015 * words / sentences - 84.6 * syllables / words,
        "you swapped the two coefficients":
            206.835 - 84.6 * words / sentences - 1.015 * syllables / words,
    }
    formula = ("The formula: 206.835 − 1.015 × (words / sentences) − 84.6 × "
               "(syllables / words).")
    for slip, slipped in slips.items():
        if math.isclose(value, slipped, abs_tol=0.5):
            return Feedback(task, WRONG, (f"It looks like {slip}.", formula))
    return Feedback(task, WRONG, ("That is not what your counts give.", formula))


def check_count_differences(paragraph: str, words: object, sentences: object,
                            syllables: object, answer: object) -> Feedback:
    """Task 1.5: which of the student's counts differ from mediakit's.

    Parameters
    ----------
    paragraph : str
    words, sentences, syllables : int
        The student's counts.
    answer : iterable of str
        The names (``"words"``, ``"sentences"``, ``"syllables"``) of the counts that differ;
        empty if none does.

    Returns
    -------
    Feedback
        Correct when the set is right, nearly right with one count wrongly in or out;
        names each such count without giving mediakit's figure.
    """
    task = "1.5 which counts differ"
    theirs = {"words": words, "sentences": sentences, "syllables": syllables}
    if any(is_unanswered(v) for v in theirs.values()):
        return not_answered(task, "your counts in tasks 1.1-1.3 first; then")
    if is_unanswered(answer):
        return not_answered(task, "a set of names such as {\"syllables\"} (or set() for "
                            "none)")
    if isinstance(answer, str):
        answer = {answer}
    try:
        chosen = {str(a).strip().lower() for a in answer}
    except TypeError:
        return wrong_type(task, "a set of count names", answer)
    unknown = chosen - set(COUNTS)
    if unknown:
        return Feedback(task, WRONG, (f"Use only the names {', '.join(COUNTS)}; not "
                                      f"{', '.join(sorted(unknown))}.",))
    counts = count_readability(paragraph)[0]
    differ = {k for k in COUNTS if as_count(theirs[k]) != getattr(counts, k)}
    if chosen == differ:
        return Feedback(task, CORRECT, ("Now explain each difference you met, including "
                                        "those you corrected after feedback: which rule of "
                                        "yours and which of mediakit's gives it?",))
    messages = []
    for name in sorted(chosen - differ):
        messages.append(f"Your {name} count is the same as mediakit's: compare again.")
    for name in sorted(differ - chosen):
        messages.append(f"Your {name} count differs from mediakit's: compare again.")
    return Feedback(task, CLOSE if len(chosen ^ differ) == 1 else WRONG, tuple(messages))
