"""Checks for exercise 2, what sentiment scores can and cannot tell.

The student predicts VADER's label for sentences with negation, intensifiers and contrast;
finds where VADER misreads irony; watches the whole-text compound saturate as an article
grows; and computes the mean of sentence compounds, the figure mediakit reports.

References
----------
Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
analysis of social media text. *Proceedings of ICWSM-14*.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence

from vaderSentiment.vaderSentiment import NEGATE

from ..io.articles import Article
from ..metrics.sentiment import (
    DEFAULT_NEGATIVE_THRESHOLD,
    DEFAULT_POSITIVE_THRESHOLD,
    _analyzer,
    _label,
    sentiment,
    sentiment_of,
)
from ..text import Document, segment
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

__all__ = ["LABELS", "check_label_predictions", "check_misreadings", "check_saturation",
           "check_sentence_mean", "saturation_point", "vader_label"]

LABELS = ("positive", "negative", "neutral")
_SHORT = {"+": "positive", "pos": "positive", "-": "negative", "neg": "negative",
          "0": "neutral", "neu": "neutral", "=": "neutral"}
_WORD = re.compile(r"[A-Za-z']+")


def vader_label(text: str, positive: float = DEFAULT_POSITIVE_THRESHOLD,
                negative: float = DEFAULT_NEGATIVE_THRESHOLD) -> str:
    """VADER's label for a text, by mediakit's compound thresholds (±0.05 by default)."""
    return _label(sentiment_of(text)["compound"], positive, negative)


def _label_of(x: object) -> str | None:
    if not isinstance(x, str):
        return None
    x = x.strip().lower()
    x = _SHORT.get(x, x)
    return x if x in LABELS else None


def _hint(sentence: str) -> str:
    """Which of VADER's rules decides a sentence (without naming the label).

    Looks the words up in VADER's own lexicon and negation list, so the hint names the
    rule that applies: a lexicon gap, a negation before a lexicon word, "but" between
    lexicon words, or the sum of the words VADER knows.
    """
    lexicon = _analyzer().lexicon
    words = [w.lower() for w in _WORD.findall(sentence)]
    known = [i for i, w in enumerate(words) if w in lexicon]
    if not known:
        return ("none of its words is in VADER's lexicon (check each with "
                "sentiment_of(word)): what is left for capitals, '!' or 'not' to change?")
    for i, w in enumerate(words):
        if (w in NEGATE or w.endswith("n't")) and any(i < k <= i + 3 for k in known):
            return ("a negation stands before a lexicon word: VADER flips and weakens the "
                    "polarity of a word up to three words after 'not', 'never' and the like")
    if "but" in words:
        b = words.index("but")
        if any(k < b for k in known) and any(k > b for k in known):
            return "it has 'but': VADER weighs the words after 'but' more than those before"
    return ("add up the words VADER knows (sentiment_of(word) for each): which are "
            "positive, which negative, and which weigh more? Not every word you would "
            "expect is in its lexicon, nor in its list of negations")


def check_label_predictions(sentences: Sequence[str], predictions: object) -> Feedback:
    """Task 2.1: predict VADER's label (positive, negative, neutral) for each sentence.

    Parameters
    ----------
    sentences : sequence of str
    predictions : sequence of str
        One label per sentence: ``"positive"``, ``"negative"``, ``"neutral"`` (or ``"+"``,
        ``"-"``, ``"0"``).

    Returns
    -------
    Feedback
        How many are right, and for each wrong one a hint about the rule involved; the
        right label is not named.
    """
    task = "2.1 predicting VADER"
    if is_unanswered(predictions) or (isinstance(predictions, Sequence)
                                      and any(is_unanswered(p) for p in predictions)):
        return not_answered(task, "one label per sentence: \"positive\", \"negative\" or "
                            "\"neutral\"")
    if isinstance(predictions, str) or not isinstance(predictions, Sequence):
        return wrong_type(task, "a list of labels", predictions)
    if len(predictions) != len(sentences):
        return Feedback(task, WRONG, (f"Give one label per sentence: there are "
                                      f"{len(sentences)} sentences and {len(predictions)} "
                                      "labels.",))
    labels = [_label_of(p) for p in predictions]
    bad = [i for i, lab in enumerate(labels) if lab is None]
    if bad:
        return Feedback(task, WRONG, (f"Labels must be one of {', '.join(LABELS)}: look at "
                                      f"position {bad[0]}.",))
    wrong = [i for i, (s, lab) in enumerate(zip(sentences, labels)) if vader_label(s) != lab]
    right = len(sentences) - len(wrong)
    if not wrong:
        return Feedback(task, CORRECT, (f"All {right} right. Now check each with "
                                        "sentiment_of() and look at the compound.",))
    messages = [f"{right} of {len(sentences)} right."]
    for i in wrong[:3]:
        messages.append(f"Sentence {i} (\u201c{sentences[i]}\u201d): look again; "
                        f"{_hint(sentences[i])}.")
    return Feedback(task, CLOSE if len(wrong) == 1 else WRONG, tuple(messages))


def check_misreadings(sentences: Sequence[str], human_labels: Sequence[str],
                      answer: object) -> Feedback:
    """Task 2.2: the sentences whose VADER label differs from a human reader's.

    Parameters
    ----------
    sentences : sequence of str
    human_labels : sequence of str
        How a careful reader labels each sentence (given in the exercise).
    answer : iterable of int
        Positions (from 0) of the sentences VADER misreads.

    Returns
    -------
    Feedback
        Which positions are wrongly in or out of the answer.
    """
    task = "2.2 where VADER misreads"
    if is_unanswered(answer):
        return not_answered(task, "a set of sentence positions, counting from 0")
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        return wrong_type(task, "a set of whole numbers", answer)
    positions = [as_count(a) for a in answer]
    if any(p is None for p in positions):
        return wrong_type(task, "a set of whole numbers", answer)
    chosen = set(positions)
    misread = {i for i, (s, h) in enumerate(zip(sentences, human_labels))
               if vader_label(s) != _label_of(h)}
    if chosen == misread:
        return Feedback(task, CORRECT, ("What do the misread sentences have in common? "
                                        "Write it down before you read on.",))
    messages = []
    outside = sorted(chosen - set(range(len(sentences))))
    if outside:
        messages.append(f"There is no sentence {outside[0]}: positions run from 0 to "
                        f"{len(sentences) - 1}.")
    for i in sorted((chosen - misread) - set(outside)):
        messages.append(f"VADER and the reader agree on sentence {i}.")
    if misread - chosen:
        messages.append(f"You missed {len(misread - chosen)}: compare every label, "
                        "including the neutral ones.")
    near = len(chosen ^ misread) == 1 and not outside
    return Feedback(task, CLOSE if near else WRONG, tuple(messages))


def _document(article: Article | Document | str) -> Document:
    if isinstance(article, Document):
        return article
    return segment(article.body if isinstance(article, Article) else article)


def saturation_point(article: Article | Document | str, level: float = 0.9) -> int | None:
    """How many sentences it takes for VADER's whole-text compound to reach ``level``.

    The compound of the text from the start through sentence ``k`` (1, 2, ...) is
    computed until its absolute value is at least ``level``.

    Returns
    -------
    int or None
        The smallest such ``k``, or None if the whole article stays below ``level``.
    """
    doc = _document(article)
    for k, s in enumerate(doc.sentences, start=1):
        if abs(sentiment_of(doc.text[: s.end])["compound"]) >= level:
            return k
    return None


def check_saturation(article: Article | Document | str, answer: object,
                     level: float = 0.9) -> Feedback:
    """Task 2.3: after how many sentences the whole-text compound reaches ±0.9.

    Parameters
    ----------
    article : Article, Document or str
    answer : int or None
        The smallest number of opening sentences whose whole-text compound is at least 0.9
        in absolute value (None if it never is).

    Returns
    -------
    Feedback
        Nearly right for an off-by-one (counting from 0, or stopping one too late).
    """
    task = "2.3 saturation"
    if answer is Ellipsis:
        return not_answered(task, "a number of sentences (or None if it never happens)")
    if answer is not None:
        count = as_count(answer)
        if count is None:
            return wrong_type(task, "a whole number or None", answer)
        answer = count
    expected = saturation_point(article, level)
    if answer == expected:
        return Feedback(task, CORRECT, ("Compare that with the article's length: how much "
                                        "of the article can still change the score?",))
    if expected is None:
        return Feedback(task, WRONG, (f"In this article the whole-text compound never "
                                      f"reaches ±{level}: did you use abs()?",))
    if answer is None:
        return Feedback(task, WRONG, ("It does happen in this article. Use the absolute "
                                      "value: a very negative text saturates towards −1.",))
    if answer == expected - 1:
        return Feedback(task, CLOSE, ("Off by one: did you count the sentences from 0? "
                                      "The answer is a number of sentences.",))
    if answer == expected + 1:
        return Feedback(task, CLOSE, ("Off by one: is the threshold 'at least 0.9', and "
                                      "did your slice include sentence k itself?",))
    direction = "later" if answer > expected else "earlier"
    return Feedback(task, WRONG, (f"It happens {direction} than that. Score the text from "
                                  "the start through sentence k, for k = 1, 2, ...",))


def check_sentence_mean(article: Article | Document | str, answer: object) -> Feedback:
    """Task 2.4: the mean of the sentences' compound scores (mediakit's headline figure).

    Returns
    -------
    Feedback
        Correct within 0.001; names the usual substitutes (the median, the whole-text
        compound, the mean of the non-neutral sentences, of absolute values) when the
        answer matches one of them.
    """
    task = "2.4 mean of sentence compounds"
    if is_unanswered(answer):
        return not_answered(task, "the mean you computed (a number)")
    value = as_number(answer)
    if value is None:
        return wrong_type(task, "a number", answer)
    answer = value
    doc = _document(article)
    result = sentiment(doc)
    compounds = [s.compound for s in result.sentences]
    if not compounds:
        return Feedback(task, WRONG, ("This text has no sentences to average.",))
    expected = result.mean_compound  # mediakit's figure (4 places, well inside the tolerance)
    if math.isclose(answer, expected, abs_tol=0.001):
        return Feedback(task, CORRECT, ("This is the figure mediakit reports as the "
                                        "article's sentiment.",))
    if math.isclose(answer, expected, abs_tol=0.01):
        return Feedback(task, CLOSE, ("Nearly: do not round the sentence scores before "
                                      "averaging.",))
    others = {
        "the median, not the mean": result.median_compound,
        "VADER's score of the whole text, not the mean of its sentences":
            result.whole_text["scores"]["compound"],
        "the mean of the positive and negative sentences only; neutral sentences (0) "
        "count too": statistics.fmean([c for c in compounds if c != 0] or [0.0]),
        "the mean of absolute values; keep the signs": statistics.fmean(map(abs, compounds)),
        "the sum, not the mean": math.fsum(compounds),
    }
    for what, value in others.items():
        if math.isclose(answer, value, abs_tol=0.001):
            return Feedback(task, WRONG, (f"That is {what}.",))
    return Feedback(task, WRONG, ("Score every sentence of the article with sentiment_of(), "
                                  "then average the compound scores.",))
