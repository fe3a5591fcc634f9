"""VADER with its super-linear steps made linear, and the whole-text score taken from the
sentence pass (:class:`LinearVader`).

Imported only when sentiment is first scored: loading VADER's lexicon costs time that
``import mediakit`` should not.

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

from __future__ import annotations

import heapq
import re

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

__all__ = ["LinearVader", "WindowedChecks"]


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


class WindowedChecks:
    """Stock VADER's negation and idiom checks, handed the three words either side of
    word ``i`` (all they look at) instead of the whole word list, which they lower-case
    on every call. Mixed in before ``SentimentIntensityAnalyzer``."""

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


class LinearVader(WindowedChecks, SentimentIntensityAnalyzer):
    """Stock VADER's scores in linear time (see the module docstring), and each
    sentence's scores with the whole text's from one pass (:meth:`sentences_and_whole`)."""

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
