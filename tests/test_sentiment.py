import math

import pytest

from mediakit.metrics.sentiment import sentiment, sentiment_of


def vader_normalize(score, alpha=15):
    # VADER's compound: x / sqrt(x^2 + alpha), alpha = 15 (Hutto & Gilbert 2014).
    return score / math.sqrt(score * score + alpha)


@pytest.mark.parametrize("sentence,valence", [
    ("The food is good.", 1.9),             # "good" has mean valence 1.9 in VADER's lexicon
    ("The food is not good.", 1.9 * -0.74),  # negation multiplies by N_SCALAR = -0.74
    ("The food is good!", 1.9 + 0.292),      # one "!" adds 0.292
    ("The food is very good.", 1.9 + 0.293),  # booster "very" adds B_INCR = 0.293
    ("The table is brown.", 0.0),            # no lexicon word
])
def test_sentence_compounds_follow_vader_rules(sentence, valence):
    assert sentiment_of(sentence)["compound"] == pytest.approx(round(vader_normalize(valence), 4),
                                                              abs=1e-4)


def test_headline_is_mean_of_sentence_compounds():
    s = sentiment("The food is good. The food is not good. The table is brown.")
    # (0.4404 - 0.3412 + 0.0) / 3 = 0.03307
    assert s.n_sentences == 3
    assert s.mean_compound == 0.0331
    assert s.median_compound == 0.0
    assert (s.positive_share, s.negative_share, s.neutral_share) == (0.3333, 0.3333, 0.3333)
    assert s.most_positive["text"] == "The food is good."
    assert s.most_negative == {"index": 1, "paragraph": 0, "compound": -0.3412,
                               "text": "The food is not good."}
    assert [x.label for x in s.sentences] == ["positive", "negative", "neutral"]


def test_thresholds_move_labels():
    s = sentiment("The food is good. The food is not good.", positive_threshold=0.45,
                  negative_threshold=-0.35)
    assert [x.label for x in s.sentences] == ["neutral", "neutral"]
    with pytest.raises(ValueError):
        sentiment("x", positive_threshold=-0.1, negative_threshold=0.1)


def test_seed_whole_text_saturates_but_sentence_mean_does_not(seed_doc):
    s = sentiment(seed_doc)
    assert s.whole_text["scores"]["compound"] < -0.9
    assert abs(s.mean_compound) < 0.05
    assert s.n_sentences == 31
    assert len(s.sentences) == 31 and s.sentences[30].paragraph == 14


def test_empty_text():
    s = sentiment("")
    assert s.n_sentences == 0 and s.mean_compound is None and s.whole_text["scores"] is None


def test_windowed_vader_equals_stock_vader_on_every_sample():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from mediakit import load_articles
    from mediakit.metrics.sentiment import _analyzer
    from mediakit.text import segment

    from .conftest import RAW

    stock, ours = SentimentIntensityAnalyzer(), _analyzer()
    tricky = ["It was not so bad, but never so good.", "He was kind of the bomb.",
              "Without doubt the cut the mustard, at least not very least.", "No", "Hmm no good"]
    texts = tricky + [a.body for a in load_articles(RAW)]
    texts += [s.text for a in load_articles(RAW) for s in segment(a.body).sentences]
    for text in texts:
        assert ours.polarity_scores(text) == stock.polarity_scores(text), text
