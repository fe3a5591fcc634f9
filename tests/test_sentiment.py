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


@pytest.fixture(scope="module")
def stock_and_ours():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from mediakit.metrics.sentiment import _analyzer

    return SentimentIntensityAnalyzer(), _analyzer()


def test_linear_vader_equals_stock_vader_on_every_sample(stock_and_ours):
    from mediakit import load_articles
    from mediakit.text import segment

    from .conftest import RAW

    stock, ours = stock_and_ours
    bodies = [a.body for a in load_articles(RAW)]
    texts = bodies + [s.text for body in bodies for s in segment(body).sentences]
    texts.append("\n\n".join(bodies))  # about 30,000 characters: the stock is still quick
    for text in texts:
        assert ours.polarity_scores(text) == stock.polarity_scores(text), text


# Words chosen to meet each of VADER's rules: valences that collide under the "but"
# rule's x0.5 and x1.5 (ambivalent 0.5, acquitted 1.0, absolved 1.5, fav 2.0, brightest
# 3.0; accusation -1.0, adverse -1.5, abandoned -2.0, betrayed -3.0), negations, "no",
# boosters and dampeners (also as bigrams), "least", special idioms, ALL CAPS, emoticons,
# emojis (one-character entries and a skin-tone modifier), "!" and "?" runs.
_VOCABULARY = (
    "ambivalent acquitted absolved fav brightest accusation adverse abandoned betrayed "
    "good bad ok great terrible GOOD BAD GREAT but BUT But but, not isn't don't never "
    "without doubt no nor or so this very extremely slightly barely kind of sort least "
    "at the bomb shit ass bad kiss death to die for yeah right cut mustard :) :( :D "
    "\U0001F600 \U0001F44D \U0001F3FD ! !!! !!!!! ? ?? ???? . a and was"
).split() + ["\n", "\U0001F600\U0001F600", "good\U0001F600", "kind-of", "sort of"]


def _adversarial_texts(n: int, seed: int = 11) -> list[str]:
    import random

    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = rng.choices(_VOCABULARY, k=rng.randint(1, 40))
        glue = [rng.choice((" ", " ", " ", "", "  ")) for _ in words]
        texts.append("".join(w + g for w, g in zip(words, glue)))
    return texts


@pytest.mark.parametrize("text", [
    "It was not so bad, but never so good.", "He was kind of the bomb.",
    "Without doubt the cut the mustard, at least not very least.", "No", "Hmm no good",
    # the "but" rule: equal scores share the first position holding their value
    "fav acquitted ambivalent but good", "acquitted fav but acquitted fav absolved",
    "betrayed abandoned accusation but adverse abandoned betrayed but accusation",
    "but good good", "good good but", "BUT it is good, but bad, but GREAT but terrible",
    "good " * 30 + "but " * 30 + "bad " * 30,
    # negations and idioms right at the three-word window's edge
    "not a b good", "not a good", "never so good", "never this the good",
    "without doubt good", "without a doubt good", "no or good", "no nor good",
    "x the bomb", "the shit", "bad ass good", "kiss of death", "yeah right", "to die for",
    "kind of good", "sort of good kind of", "at least good", "very least good",
    # capitals, emoticons, emojis, punctuation
    "GOOD", "GOOD BAD", "GOOD bad", "VERY GOOD day", "good :) :( :D", "good!!!",
    "good!!!!!!", "bad??", "bad????", "good?", "\U0001F600", "a\U0001F600b",
    " \U0001F600\U0001F600 good", "\U0001F44D\U0001F3FD great", "", "   ", "!!!",
])
def test_linear_vader_equals_stock_vader_on_constructed_texts(stock_and_ours, text):
    stock, ours = stock_and_ours
    assert ours.polarity_scores(text) == stock.polarity_scores(text)


def test_linear_vader_equals_stock_vader_on_random_adversarial_texts(stock_and_ours):
    stock, ours = stock_and_ours
    for text in _adversarial_texts(2000):
        assert ours.polarity_scores(text) == stock.polarity_scores(text), repr(text)


def _sentences_and_whole_agree(stock, ours, text: str) -> None:
    from mediakit.text import segment

    doc = segment(text)
    sentences = [s.text for s in doc.sentences]
    per, whole = ours.sentences_and_whole(sentences, doc.text)
    assert per == [stock.polarity_scores(s) for s in sentences], repr(text)
    assert whole == stock.polarity_scores(doc.text), repr(text)


def test_whole_text_from_sentence_pass_equals_stock_on_samples(stock_and_ours):
    from mediakit import load_articles

    from .conftest import RAW

    stock, ours = stock_and_ours
    for article in load_articles(RAW):
        _sentences_and_whole_agree(stock, ours, article.body)


@pytest.mark.parametrize("text", [
    # a valence whose window crosses a sentence break, each way
    "It was not. Good things came. No. Good news arrived today for all of us here.",
    "He said this is the. Bomb went off near the school and people were very afraid.",
    "The idiom kiss of. Death came late to the village, but nobody knew about it yet.",
    # a sentence in capitals next to mixed ones; the whole text then mixes capitals
    "THIS IS A VERY GOOD AND GREAT DAY FOR ALL. this one is fine but bad in the end.",
    "all lower case words are here and good. ANOTHER SENTENCE IS VERY BAD AND SAD TODAY.",
    "Everyone said it was GREAT and good. But the rest was terrible, awful and very sad.",
    # the first "but" of the whole text rules it; emojis at a sentence start
    "Good day for the team at home. But bad for them. But great for us and our friends.",
    "\U0001F600 Good news for the town today. \U0001F600 bad for the others there now.",
])
def test_whole_text_from_sentence_pass_equals_stock_on_constructed_texts(stock_and_ours,
                                                                         text):
    stock, ours = stock_and_ours
    _sentences_and_whole_agree(stock, ours, text)


def test_whole_text_from_sentence_pass_equals_stock_on_random_texts(stock_and_ours):
    stock, ours = stock_and_ours
    pieces = _adversarial_texts(600, seed=5)
    for k in range(0, len(pieces), 6):
        _sentences_and_whole_agree(stock, ours, ". ".join(pieces[k:k + 6]) + ".")


def test_but_rule_rewrites_the_first_position_holding_each_value():
    from mediakit.metrics.vader_linear import _but_check

    # Worked by hand, following stock VADER's list.index: "but" at 2. Step 0 reads 2.0
    # and halves position 0 to 1.0; step 1 reads 1.0, whose first holder is now
    # position 0 (0.5), so position 1 keeps 1.0; step 3 reads 1.0 again, first holder
    # position 1 -> 0.5; step 4 reads 3.0 -> 4.5.
    words = ["fav", "acquitted", "but", "acquitted", "brightest"]
    assert _but_check(words, [2.0, 1.0, 0, 1.0, 3.0]) == [0.5, 0.5, 0, 1.0, 4.5]
    assert _but_check(["good"], [1.9]) == [1.9]


def _work(analyser, text: str, lines: bool = True):
    """Calls (and executed lines) of ``analyser.polarity_scores(text)``, by name."""
    import sys
    from collections import Counter

    counts = Counter()

    def profile(frame, event, arg):
        if event == "c_call":
            counts["C " + getattr(arg, "__qualname__", repr(arg))] += 1

    def trace(frame, event, arg):
        counts[f"{event} {frame.f_code.co_name}:{frame.f_lineno}"] += 1
        return trace

    sys.setprofile(profile)
    if lines:
        sys.settrace(trace)
    try:
        analyser.polarity_scores(text)
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return counts


def test_whole_text_work_is_linear_in_the_length(stock_and_ours, seed_article):
    # Without a clock: three, four and five copies of the seed's first paragraphs (with
    # emojis, "but", "no", capitals, "!!" and "??" added; from three copies on, the "!"
    # and "?" counts are past VADER's caps, so every copy takes the same branches).
    # Linear work adds the same count of every call and every executed line with each
    # copy; calls that scan the whole list (index, insert, pop, remove) are not made
    # per word.
    stock, ours = stock_and_ours
    unit = "\n\n".join(seed_article.body.split("\n\n")[:8])
    unit += " No good \U0001F600 but VERY bad!! really?? :)\n\n"
    works = [_work(ours, unit * k) for k in (3, 4, 5)]
    step = works[1] - works[0]
    assert sum(step.values()) > 5_000  # enough work per copy for the counts to mean something
    assert works[2] - works[1] == step and works[1] - works[0] == step
    assert works[1] + works[1] == works[2] + works[0]  # no name's count shrinks either
    for name in ("C list.index", "C list.insert", "C list.pop", "C list.remove"):
        assert works[2][name] <= 1, name  # the one lookup of the first "but"
    # The same count exposes the stock analyser: its lower-casing grows quadratically.
    stock_works = [_work(stock, unit * k, lines=False) for k in (1, 2, 3)]
    assert stock_works[2]["C str.lower"] - stock_works[1]["C str.lower"] > 1.2 * (
        stock_works[1]["C str.lower"] - stock_works[0]["C str.lower"])


_POLNEAR_DEV = __import__("pathlib").Path("/work/shared/data/polnear/dev/text")


@pytest.mark.skipif(not _POLNEAR_DEV.is_dir(), reason="PolNeAR dev texts not present")
def test_linear_vader_equals_stock_vader_on_every_polnear_dev_sentence(stock_and_ours):
    # Real news, read at test time only (nothing of it is stored in the repository):
    # every sentence and every whole article, through both entry points.
    from mediakit.text import segment

    stock, ours = stock_and_ours
    for path in sorted(_POLNEAR_DEV.glob("*.txt")):
        text = path.read_text("utf-8")
        for s in segment(text).sentences:
            assert ours.polarity_scores(s.text) == stock.polarity_scores(s.text), s.text
        _sentences_and_whole_agree(stock, ours, text)


@pytest.mark.parametrize("text", [
    # "least" after "at" / "very" / another word / at the start; capitals of boosters
    "at least good", "very least good", "the least good", "least good", "Least GOOD",
    "He was VERY good but SO bad", "EXTREMELY bad news today", "SO GOOD", "so good",
    # "no" before a lexicon word, and "no ... or / nor" three words back
    "no good", "no, good", "no one or good", "no way nor good", "no", "good no",
    # idioms whose words sit at every place of the window
    "it was the bomb", "the bomb it was", "a bad ass day", "badass", "kiss of death good",
    "good kiss of death", "yeah right good", "the shit is bad", "sort of kind of good",
    "just enough good", "beating heart good", "bus stop good",
    # n't, contractions, punctuation stripped or kept
    "I don't like it", "It isn't good", "it wasn't n't good", "'good'", "(good)", "g!",
    "GOOD!!!", ":-) good", "good.:)", "good ... bad ?!?!",
])
def test_linear_vader_equals_stock_vader_on_rule_edges(stock_and_ours, text):
    stock, ours = stock_and_ours
    assert ours.polarity_scores(text) == stock.polarity_scores(text)


@pytest.mark.parametrize("sentences,whole,alike", [
    (["It was good.", "Bad news."], "It was good. Bad news.", True),
    (["It was good.", "Bad news."], "  It was good.\n\nBad news.  ", True),
    (["It was good. ", "Bad news."], "It was good. Bad news.", True),
    (["It was good.", "Bad news."], "It was good.Bad news.", False),  # one word across
    (["It was good.", "Bad news."], "It was good. Bad news. More", False),  # text left
    (["It was good.", "Bad news."], "Bad news. It was good.", False),  # out of order
    (["It was", "good."], "It was\u2003good.", True),  # Unicode whitespace
    ([], "", True), ([], "good", False), ([""], " ", True),
])
def test_whole_text_words_from_sentences_only_when_they_split_alike(stock_and_ours, sentences,
                                                                    whole, alike):
    from mediakit.metrics.vader_linear import _split_alike

    stock, ours = stock_and_ours
    assert _split_alike(sentences, whole) is alike
    assert (whole.split() == [w for s in sentences for w in s.split()]) or not alike
    per, scores = ours.sentences_and_whole(sentences, whole)
    assert per == [stock.polarity_scores(s) for s in sentences]
    assert scores == stock.polarity_scores(whole)
