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
    """VADER's analyser, made once per process: :class:`~.vader_linear.LinearVader`
    (stock vaderSentiment 3.3.2's scores, in time linear in the length)."""
    from .vader_linear import LinearVader

    return LinearVader()


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


def _ordered(scores: dict) -> dict:
    """VADER's four scores in the record's order. VADER rounds them already (compound
    to 4 places, the others to 3), and rounding a float that is the nearest to a
    decimal of 4 places or fewer to 4 places gives it back: :func:`_rounded` without
    the rounding."""
    return {"compound": scores["compound"], "pos": scores["pos"], "neu": scores["neu"],
            "neg": scores["neg"]}


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
    for s, v in zip(doc.sentences, per_sentence):
        scores.append(SentenceScore(
            index=s.index, paragraph=s.paragraph, start=s.start, end=s.end,
            compound=v["compound"], pos=v["pos"], neu=v["neu"], neg=v["neg"],
            label=_label(v["compound"], positive_threshold, negative_threshold), text=s.text,
        ))
    thresholds = {"positive": positive_threshold, "negative": negative_threshold}
    whole = None if whole is None else _ordered(whole)
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
