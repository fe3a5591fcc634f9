"""Checks for exercise 4, civilian voice.

The student compares two articles on the same event, computes from mediakit's tables
the civilians' share of sources and of quoted words and the share of harm mentions that
name no perpetrator, and writes a short interpretation. The shares are checked against
:func:`mediakit.civilian_voice` and :func:`mediakit.framing_metrics` (definitions in
``docs/metrics.md``); the interpretation against a rubric (length, figures that are the
computed ones, a stated limit), not for its argument, which is the teacher's to judge.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..io.articles import Article
from ..run.analyzer import analyze
from .feedback import (
    CLOSE,
    CORRECT,
    MISSING,
    WRONG,
    Feedback,
    as_number,
    not_answered,
    wrong_type,
)

__all__ = ["CAVEAT_WORDS", "check_agentless_share", "check_civilian_source_share",
           "check_interpretation", "check_quoted_word_share", "exercise_figures"]

# Words with which writers mark a limit or an alternative reading (rubric item 3). Not
# "but" or "only" ("only 8% of sources" states a figure, not a limit), nor "may" (a month).
CAVEAT_WORDS = ("however", "although", "though", "cannot", "can't", "does not", "doesn't",
                "do not", "might", "limit", "limits", "limitation", "caution",
                "not necessarily", "depends", "sample", "not tell", "no way to know")
# A share as written: 45%, 45 per cent, 0.45 or .45 (bare whole numbers are counts).
_SHARE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|per ?cent\b|percent\b)"
                    r"|(?<![\w.])(0?\.\d+)(?![\w.])")


@lru_cache(maxsize=16)
def _record(article: Article) -> dict:
    """mediakit's metrics of an article, once per article (the checks share it)."""
    return analyze(article).to_dict()


def exercise_figures(article: Article) -> dict[str, float | None]:
    """The measures exercise 4 asks for, computed by mediakit.

    Returns
    -------
    dict
        ``civilian_source_share``, ``civilian_attribution_share``,
        ``civilian_quoted_word_share`` and ``agentless_share`` (None where undefined).
    """
    record = _record(article)
    voice, framing = record["civilian_voice"], record["framing"]
    return {"civilian_source_share": voice["source_share"],
            "civilian_attribution_share": voice["attribution_share"],
            "civilian_quoted_word_share": voice["quoted_word_share"],
            "agentless_share": framing["agentless_share"]}


def _check_share(task: str, answer: object, expected: float | None,
                 near_misses: Mapping[str, float | None], how: str) -> Feedback:
    if answer is Ellipsis:
        return not_answered(task, "a share between 0 and 1")
    if answer is None or expected is None:
        if answer is None and expected is None:
            return Feedback(task, CORRECT, ("Right: with nothing to divide by, the share is "
                                            "undefined; mediakit writes null.",))
        if answer is None:
            return Feedback(task, WRONG, ("This article has what the share needs: compute "
                                          "it.", how))
        return Feedback(task, WRONG, ("Look at the denominator in this article: how many "
                                      "rows are there to divide by?",))
    value = as_number(answer)
    if value is None:
        return wrong_type(task, "a number between 0 and 1", answer)
    if math.isclose(value, expected, abs_tol=0.005):
        return Feedback(task, CORRECT, ("This is the figure in mediakit's metrics file.",))
    if 1 < value <= 100 and math.isclose(value / 100, expected, abs_tol=0.005):
        return Feedback(task, CLOSE, ("Right, but as a percentage: give it as a share "
                                      "between 0 and 1.",))
    for what, near in near_misses.items():
        if near is not None and math.isclose(value, near, abs_tol=0.005):
            return Feedback(task, WRONG, (f"That is {what}.", how))
    if not 0 <= value <= 1:
        return Feedback(task, WRONG, ("A share lies between 0 and 1.", how))
    return Feedback(task, WRONG, (how,))


def check_civilian_source_share(article: Article, answer: object) -> Feedback:
    """Task 4.1: civilians' share of the distinct sources of one article.

    Nearly-right answers recognised: the share of attributions instead of sources, the
    ratio civilians : others, a percentage.
    """
    record = _record(article)
    voice = record["civilian_voice"]
    n, civilians = voice["n_sources"], voice["n_civilian_sources"]
    return _check_share(
        "4.1 civilians' share of sources", answer, voice["source_share"],
        {"the share of attributions; this task counts each source once, however often "
         "they speak": voice["attribution_share"],
         "civilians divided by the other sources; divide by all sources":
             civilians / (n - civilians) if n > civilians else None,
         "the share of non-civilian sources": 1 - voice["source_share"]
         if voice["source_share"] is not None else None},
        "Count the rows of the speakers table whose role is 'civilian' and divide by the "
        "number of rows.")


def check_quoted_word_share(article: Article, answer: object) -> Feedback:
    """Task 4.2: civilians' share of the words inside quotation marks.

    Nearly-right answers recognised: the share of attributions or of sources; the share
    of all attributed words (reported speech included).
    """
    record = _record(article)
    atts = record["sources"]["attributions"]
    all_words = [len(a["text"].split()) for a in atts]
    civilian_words = sum(w for w, a in zip(all_words, atts) if a["role"] == "civilian")
    voice = record["civilian_voice"]
    return _check_share(
        "4.2 civilians' share of quoted words", answer, voice["quoted_word_share"],
        {"the share of attributions, not of quoted words": voice["attribution_share"],
         "the share of sources, not of quoted words": voice["source_share"],
         "the share of all attributed words; count only the words inside quotation marks "
         "(the quoted_words column)":
             civilian_words / sum(all_words) if sum(all_words) else None},
        "Sum the quoted_words column over the civilians' attributions and divide by its "
        "sum over all attributions.")


def check_agentless_share(article: Article, answer: object) -> Feedback:
    """Task 4.3: the share of harm mentions that name no perpetrator.

    Nearly-right answers recognised: the share of agentless passives only; the share of
    mentions that do name an agent.
    """
    framing = _record(article)["framing"]
    shares = framing["shares"]
    agentless = framing["agentless_share"]
    verbal = None if agentless is None else (shares.get("passive_agentless") or 0) + (
        shares.get("intransitive") or 0)
    return _check_share(
        "4.3 harm told without a perpetrator", answer, agentless,
        {"the share of agentless passives only; intransitives ('died') and nominals "
         "('the deaths') without an agent count too": shares.get("passive_agentless"),
         "the share of agentless passives and intransitives; nominals without an agent "
         "('the deaths') count too": verbal,
         "the share of mentions that name an agent": None if agentless is None
         else 1 - agentless},
        "In the mentions table, count the rows whose agent is missing (.isna()) and divide "
        "by the number of rows.")


def _shares(text: str) -> list[float]:
    """Shares written in a text: percentages (45%, 45 per cent) and decimals below one."""
    out = []
    for percent, decimal in _SHARE.findall(text):
        out.append(float(percent) / 100 if percent else float(decimal))
    return out


def check_interpretation(text: object, figures: Sequence[Mapping[str, float | None]],
                         *, min_words: int = 80, max_words: int = 250) -> Feedback:
    """Task 4.4: the paragraph of interpretation, against a rubric.

    The rubric: (1) ``min_words`` to ``max_words`` words; (2) at least two different
    shares, written as 0.45 or 45%, that are measures computed for the articles (within
    rounding; bare whole numbers are read as counts, not shares);
    (3) a limit or an alternative reading stated (a word of :data:`CAVEAT_WORDS`, such as
    "however" or "cannot"). Whether the argument holds is for the teacher to judge.

    Parameters
    ----------
    text : str
    figures : sequence of dict
        :func:`exercise_figures` of each article.

    Returns
    -------
    Feedback
        Correct when all three rubric items are met, nearly right with one missing.
    """
    task = "4.4 interpretation"
    if text is Ellipsis or text is None or (isinstance(text, str) and not text.strip()):
        return Feedback(task, MISSING, ("Write your paragraph between the triple quotes, "
                                        "then run this cell again.",))
    if not isinstance(text, str):
        return wrong_type(task, "a text", text)
    n_words = len(re.findall(r"\w+(?:['’-]\w+)*", text))
    values = [v for f in figures for v in f.values() if v is not None]
    cited = {x for x in _shares(text) if any(abs(x - v) <= 0.011 for v in values)}
    lower = " " + text.lower() + " "
    caveat = any(re.search(rf"\b{re.escape(w)}\b", lower) for w in CAVEAT_WORDS)
    missing = []
    if not min_words <= n_words <= max_words:
        missing.append(f"Length: {n_words} words; aim for {min_words}-{max_words}.")
    if len(cited) < 2:
        missing.append(f"Figures: {len(cited)} of the figures you cite match a computed "
                       "measure; cite at least two (a share such as 0.45 or 45%).")
    if not caveat:
        missing.append("Limits: say what these measures cannot tell you, or another "
                       "reading of the same figures.")
    if not missing:
        return Feedback(task, CORRECT, ("The paragraph meets the rubric; whether the "
                                        "argument holds is for your teacher to judge.",))
    return Feedback(task, CLOSE if len(missing) == 1 else WRONG, tuple(missing))
