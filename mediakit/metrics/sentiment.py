"""Sentiment with VADER, sentence by sentence.

VADER's compound score is a normalised sum of valence scores, ``x / sqrt(x² + 15)``;
over a whole article the sum grows with length and the compound saturates towards ±1
(the seed scores about -0.94 as a whole while its sentences average about 0.01). The
article's headline figure is therefore the mean of sentence compounds; the whole-text
scores are kept, labelled as such.

References
----------
Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for
sentiment analysis of social media text. Proceedings of ICWSM-14.
"""

from __future__ import annotations

import heapq
import re
import statistics
from dataclasses import dataclass, fields
from functools import lru_cache

from ..errors import ParameterError
from ..text import Document, segment
from .registry import CorpusColumns, Family, Parameter

__all__ = ["Sentiment", "SentenceScore", "sentiment", "sentence_compounds", "sentiment_of"]

# VADER's documented thresholds (Hutto & Gilbert 2014; vaderSentiment README):
# compound >= 0.05 positive, <= -0.05 negative, otherwise neutral.
DEFAULT_POSITIVE_THRESHOLD = 0.05
DEFAULT_NEGATIVE_THRESHOLD = -0.05


@lru_cache(maxsize=1)
def _analyzer():
    """VADER's analyser, made once per process, with its super-linear steps made linear.

    Stock vaderSentiment 3.3.2 is quadratic in the length of a text in four places, which
    decide the cost of the whole-text score (1 MB of news: about 30 minutes stock, about
    50 s with only the last two windowed, as mediakit did before):

    * ``polarity_scores`` replaces emojis by growing a string one character at a time;
    * ``_but_check`` finds each score with ``list.index`` and rewrites it with
      ``list.pop`` and ``list.insert``, each a pass over the list;
    * ``_negation_check`` and ``_special_idioms_check`` lower-case the whole word list on
      every call, once per lexicon word.

    The subclass does each in linear time with identical results: the emojis in one scan
    (:func:`_replace_emojis`), the ``but`` rule by tracking which positions hold each
    value (:func:`_but_check`), and the two checks by handing them the three words either
    side of word ``i``, all they look at. tests/test_sentiment.py checks equality with
    the stock analyser and counts the work.
    """
    # Imported here: loading VADER's lexicon costs time that `import mediakit` should not.
    from vaderSentiment.vaderSentiment import (
        BOOSTER_DICT,
        SentimentIntensityAnalyzer,
        SentiText,
    )

    class LinearVader(SentimentIntensityAnalyzer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # Stock VADER looks emojis up one character at a time, so only one-character
            # entries of its emoji lexicon can ever match.
            self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

        def polarity_scores(self, text):
            if not isinstance(text, str):  # stock behaviour for anything else
                return super().polarity_scores(text)
            # The rest is stock polarity_scores, with the emoji step made linear.
            text = _replace_emojis(text, self._emoji_chars, self.emojis).strip()
            sentitext, sentiments = self._valences(text)
            sentiments = self._but_check(sentitext.words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

        def _valences(self, text):
            """Stock VADER's valence of each word of ``text`` (emojis already replaced),
            before the ``but`` rule."""
            sentitext = SentiText(text)
            sentiments = []
            for i in range(len(sentitext.words_and_emoticons)):
                sentiments = self._valence_at(sentitext, i, sentiments)
            return sentitext, sentiments

        def _valence_at(self, sentitext, i, sentiments):
            words = sentitext.words_and_emoticons
            lower = words[i].lower()
            # sentiment_valence gives a word outside the lexicon 0 and looks no
            # further, so most words need not call it.
            if lower not in self.lexicon or lower in BOOSTER_DICT or (
                    i < len(words) - 1 and lower == "kind" and words[i + 1].lower() == "of"):
                sentiments.append(0)
                return sentiments
            return self.sentiment_valence(0, sentitext, words[i], i, sentiments)

        def sentences_and_whole(self, sentences, whole):
            """``polarity_scores`` of each sentence and of the whole text, the whole
            text's word valences taken from the sentences' where VADER's definition
            gives the same value.

            A word's valence depends on the three words before it, the two after it
            and whether the text mixes all-capital and other words
            (``is_cap_diff``). So when the whole text's words are the sentences' words
            in order, a word three or more from its sentence's start and two or more
            from its end, in a sentence with the whole text's ``is_cap_diff``, has the
            same valence in both; the others are computed again in the whole text.
            The ``but`` rule and the punctuation emphasis are then applied to the
            whole text, as stock VADER does. Otherwise (a sentence boundary inside a
            word, emojis at a boundary) the whole text is scored from scratch.
            """
            scores, words, raw, spans = [], [], [], []
            for sentence in sentences:
                text = _replace_emojis(sentence, self._emoji_chars, self.emojis).strip()
                sentitext, sentiments = self._valences(text)
                # is_cap_diff matters only to all-capital words: a sentence with none
                # (is_cap_diff False, first word not all capitals) reads the same in
                # any text; one all in capitals does not.
                sw = sentitext.words_and_emoticons
                spans.append((len(sw), sentitext.is_cap_diff
                              or not (sw and sw[0].isupper())))
                words.extend(sentitext.words_and_emoticons)
                raw.extend(sentiments)
                sentiments = self._but_check(sentitext.words_and_emoticons, list(sentiments))
                scores.append(self.score_valence(sentiments, text))
            if whole is None:
                return scores, None
            text = _replace_emojis(whole, self._emoji_chars, self.emojis).strip()
            sentitext = SentiText(text)
            if sentitext.words_and_emoticons != words:
                return scores, self.polarity_scores(whole)
            sentiments, i = [], 0
            for n, caps_read_alike in spans:
                if caps_read_alike and n > 5:
                    for k in range(i, i + 3):
                        sentiments = self._valence_at(sentitext, k, sentiments)
                    sentiments.extend(raw[i + 3:i + n - 2])
                    for k in range(i + n - 2, i + n):
                        sentiments = self._valence_at(sentitext, k, sentiments)
                else:
                    for k in range(i, i + n):
                        sentiments = self._valence_at(sentitext, k, sentiments)
                i += n
            sentiments = self._but_check(sentitext.words_and_emoticons, sentiments)
            return scores, self.score_valence(sentiments, text)

        _but_check = staticmethod(_but_check)

        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            lo = max(0, i - 3)
            return SentimentIntensityAnalyzer._negation_check(
                valence, words_and_emoticons[lo:i + 1], start_i, i - lo)

        @staticmethod
        def _special_idioms_check(valence, words_and_emoticons, i):
            lo = max(0, i - 3)
            return SentimentIntensityAnalyzer._special_idioms_check(
                valence, words_and_emoticons[lo:i + 3], i - lo)

    return LinearVader()


def _replace_emojis(text: str, emoji_chars: frozenset, emojis: dict) -> str:
    """Stock VADER's emoji step in one scan: each emoji becomes its description.

    As in ``SentimentIntensityAnalyzer.polarity_scores``: a space goes before the
    description unless the emoji starts the text or follows a space (an emoji right
    after another emoji gets one), none after it. ``emoji_chars`` are the emoji
    lexicon's one-character entries.
    """
    present = emoji_chars.intersection(text)
    if not present:
        return text
    # A class of the emojis in this text only: one of all 1,212 is slow to search.
    pattern = re.compile("[" + "".join(map(re.escape, sorted(present))) + "]")
    pieces = []
    last = 0
    prev_space = True
    for m in pattern.finditer(text):
        start = m.start()
        if start > last:
            pieces.append(text[last:start])
            prev_space = text[start - 1] == " "
        if not prev_space:
            pieces.append(" ")
        pieces.append(emojis[m.group()])
        prev_space = False
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _but_check(words_and_emoticons: list, sentiments: list) -> list:
    """Stock VADER's ``but`` rule, with its results, in O(n log k) rather than O(n²).

    Stock ``_but_check`` finds the first ``but`` at position ``b``, then walks the scores
    in order and, for each score ``v``, looks up the *first* position ``j`` holding a
    value equal to ``v`` (``list.index``, so not necessarily the score's own position:
    equal scores, above all the zeros, share the first one), and rewrites position ``j``
    to ``v * 0.5`` if ``j < b``, to ``v * 1.5`` if ``j > b``. The score read at step
    ``p`` is always the original one, since a step only rewrites positions up to its own.
    Here each value keeps a heap of the positions that currently hold it, so the first
    one is the heap's top; ``k`` is the largest number of words sharing one valence.
    """
    lowered = [str(w).lower() for w in words_and_emoticons]
    if "but" not in lowered:
        return sentiments
    b = lowered.index("but")
    holders: dict[float, list[int]] = {}  # value -> heap of positions holding it
    for pos, value in enumerate(sentiments):  # positions ascend: each list is a heap
        holders.setdefault(value, []).append(pos)
    for value in tuple(sentiments):
        heap = holders[value]
        j = heap[0]
        if j == b:
            continue
        new = value * 0.5 if j < b else value * 1.5
        sentiments[j] = new
        if new != value:  # zero stays zero (and stays first): nothing moves
            heapq.heappop(heap)
            heapq.heappush(holders.setdefault(new, []), j)
    return sentiments


def _r(x: float) -> float:
    return round(float(x), 4)


@dataclass(frozen=True)
class SentenceScore:
    """VADER scores of one sentence."""

    index: int
    paragraph: int
    start: int
    end: int
    compound: float
    pos: float
    neu: float
    neg: float
    label: str
    text: str


@dataclass(frozen=True)
class Sentiment:
    """Sentiment of an article.

    Attributes
    ----------
    mean_compound : float or None
        Mean of the sentences' compound scores: the headline figure.
    median_compound : float or None
        Median of the sentences' compound scores.
    positive_share, negative_share, neutral_share : float or None
        Shares of sentences labelled positive / negative / neutral by the thresholds.
    thresholds : dict
        ``{"positive": 0.05, "negative": -0.05}`` unless changed.
    most_positive, most_negative : dict or None
        The sentence with the highest / lowest compound (first in text order on ties).
    sentences : tuple of SentenceScore
        The sentence-by-sentence arc.
    whole_text : dict
        VADER on the whole text at once. Saturates on long texts: do not compare
        articles of different lengths with it.
    """

    n_sentences: int
    mean_compound: float | None
    median_compound: float | None
    positive_share: float | None
    negative_share: float | None
    neutral_share: float | None
    thresholds: dict
    most_positive: dict | None
    most_negative: dict | None
    sentences: tuple[SentenceScore, ...]
    whole_text: dict

    def to_dict(self) -> dict:
        """JSON-ready dict (the `sentiment` object of a metrics file)."""
        # Built by hand: dataclasses.asdict deep-copies every value, which costs more
        # than the scoring on long articles.
        d = {f: getattr(self, f) for f in _SENTIMENT_FIELDS}
        d["sentences"] = [{f: getattr(s, f) for f in _SCORE_FIELDS} for s in self.sentences]
        for s in d["sentences"]:
            s["paragraph"] += 1  # the record numbers paragraphs from 1
        d["thresholds"] = dict(self.thresholds)
        d["whole_text"] = {"scores": None if self.whole_text["scores"] is None
                           else dict(self.whole_text["scores"]),
                           "note": self.whole_text["note"]}
        for key in ("most_positive", "most_negative"):
            d[key] = None if d[key] is None else {**d[key], "paragraph": d[key]["paragraph"] + 1}
        return d


_SCORE_FIELDS = tuple(f.name for f in fields(SentenceScore))
_SENTIMENT_FIELDS = tuple(f.name for f in fields(Sentiment))


def sentiment_of(text: str) -> dict:
    """VADER's four scores for one piece of text, rounded to 4 places.

    Parameters
    ----------
    text : str
        Usually one sentence.

    Returns
    -------
    dict
        ``{"compound", "pos", "neu", "neg"}``.
    """
    return _rounded(_analyzer().polarity_scores(text))


def _rounded(scores: dict) -> dict:
    return {k: _r(scores[k]) for k in ("compound", "pos", "neu", "neg")}


def sentence_compounds(doc: Document) -> list[float]:
    """Compound score of each sentence of a document, in order."""
    return [sentiment_of(s.text)["compound"] for s in doc.sentences]


def _label(compound: float, positive: float, negative: float) -> str:
    if compound >= positive:
        return "positive"
    if compound <= negative:
        return "negative"
    return "neutral"


def sentiment(text_or_doc: str | Document, *,
              positive_threshold: float = DEFAULT_POSITIVE_THRESHOLD,
              negative_threshold: float = DEFAULT_NEGATIVE_THRESHOLD) -> Sentiment:
    """Score a text with VADER, sentence by sentence.

    Parameters
    ----------
    text_or_doc : str or Document
        The text, or an already segmented :class:`~mediakit.text.Document`.
    positive_threshold, negative_threshold : float
        Compound cut-offs for the positive and negative labels (VADER's documented
        ±0.05 by default). ``negative_threshold < positive_threshold`` is required.

    Returns
    -------
    Sentiment

    References
    ----------
    Hutto & Gilbert (2014), ICWSM-14.
    """
    if not negative_threshold < positive_threshold:
        raise ValueError("negative_threshold must be below positive_threshold")
    doc = text_or_doc if isinstance(text_or_doc, Document) else segment(text_or_doc)
    scores = []
    per_sentence, whole = _analyzer().sentences_and_whole(
        [s.text for s in doc.sentences], doc.text if doc.text.strip() else None)
    for s, raw in zip(doc.sentences, per_sentence):
        v = _rounded(raw)
        scores.append(SentenceScore(
            index=s.index, paragraph=s.paragraph, start=s.start, end=s.end,
            compound=v["compound"], pos=v["pos"], neu=v["neu"], neg=v["neg"],
            label=_label(v["compound"], positive_threshold, negative_threshold), text=s.text,
        ))
    thresholds = {"positive": positive_threshold, "negative": negative_threshold}
    whole = None if whole is None else _rounded(whole)
    whole_text = {"scores": whole, "note": "VADER over the whole text; saturates on long texts"}
    n = len(scores)
    if n == 0:
        return Sentiment(0, None, None, None, None, None, thresholds, None, None, (), whole_text)
    compounds = [s.compound for s in scores]

    def pick(best):
        s = scores[compounds.index(best)]
        return {"index": s.index, "paragraph": s.paragraph, "compound": s.compound, "text": s.text}

    labels = [s.label for s in scores]
    return Sentiment(
        n_sentences=n,
        mean_compound=_r(statistics.fmean(compounds)),
        median_compound=_r(statistics.median(compounds)),
        positive_share=_r(labels.count("positive") / n),
        negative_share=_r(labels.count("negative") / n),
        neutral_share=_r(labels.count("neutral") / n),
        thresholds=thresholds,
        most_positive=pick(max(compounds)),
        most_negative=pick(min(compounds)),
        sentences=tuple(scores),
        whole_text=whole_text,
    )


def _check_thresholds(params) -> None:
    if not params["negative_threshold"] < params["positive_threshold"]:
        raise ParameterError(None, "negative_threshold must be below positive_threshold")


FAMILY = Family(
    name="sentiment",
    compute=lambda inp: sentiment(inp.doc, positive_threshold=inp.params["positive_threshold"],
                                  negative_threshold=inp.params["negative_threshold"]),
    requires=("sentences",),
    parameters=(
        Parameter("positive_threshold", float, DEFAULT_POSITIVE_THRESHOLD, "VADER compound at "
                  "or above which a sentence is positive", check="unit_interval", metavar="X"),
        Parameter("negative_threshold", float, DEFAULT_NEGATIVE_THRESHOLD, "VADER compound at "
                  "or below which a sentence is negative", check="unit_interval", metavar="X"),
    ),
    outputs=("n_sentences", "mean_compound", "median_compound", "positive_share",
             "negative_share", "neutral_share", "thresholds", "most_positive", "most_negative",
             "sentences", "whole_text"),
    corpus=CorpusColumns(dropped=(("whole_text", "note"),)),
    doc_anchor="sentiment",
    validate=_check_thresholds,
)
