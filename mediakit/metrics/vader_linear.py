"""Stock VADER's scores, computed in linear time and with less work per word
(:class:`LinearVader`), and the whole-text score taken from the sentence pass.

Imported only when sentiment is first scored: loading VADER's lexicon costs time that
``import mediakit`` should not.

Linear time
-----------
Stock vaderSentiment 3.3.2 is quadratic in the length of a text in four places, which
decide the cost of the whole-text score (1 MB of news: about 30 minutes stock):

* ``polarity_scores`` replaces emojis by growing a string one character at a time;
* ``_but_check`` finds each score with ``list.index`` and rewrites it with
  ``list.pop`` and ``list.insert``, each a pass over the list;
* ``_negation_check`` and ``_special_idioms_check`` lower-case the whole word list on
  every call, once per lexicon word.

Here the emojis are replaced in one scan (:func:`_replace_emojis`), the ``but`` rule
tracks which positions hold each value (:func:`_but_check`), and the words are
lower-cased once per text. The whole text's score reuses the sentence pass
(:meth:`LinearVader.sentences_and_whole`): its words are the sentences' when they
split alike (:func:`_split_alike`), and only the valences near a sentence's edges
are computed again.

Why the valences equal stock's
------------------------------
:func:`_tokens` and :func:`_valence` restate ``SentiText`` and
``sentiment_valence`` (with ``scalar_inc_dec``, ``negated``, ``_negation_check``,
``_special_idioms_check`` and ``_least_check``) on a list of the words lower-cased
once, the rules checked in stock's order with stock's arithmetic, step by step:

* ``SentiText``: ``str.split``, each token stripped of ``string.punctuation`` unless
  that leaves two characters or fewer; ``is_cap_diff`` is "some but not all tokens
  are ``isupper``". Stock's ``str(w).lower()`` is ``w.lower()`` on ``str`` tokens.
* A word outside the lexicon, a booster (``BOOSTER_DICT``) and "kind" before "of"
  get 0 without further checks, as in stock (``sentiment_valence`` returns its
  ``valence`` argument, 0, for a word outside the lexicon).
* ``negated([w])`` on one lower-cased word is ``w in NEGATE or "n't" in w``.
* ``_special_idioms_check`` compares space-joined word sequences with
  ``SPECIAL_CASES`` and ``BOOSTER_DICT``; tokens of ``str.split`` hold no space, so a
  sequence can equal a key only if each of its words is a word of some key with a
  space in it. A window without such a word keeps its valence (the check is skipped);
  one with such a word runs stock's check unchanged.
* ``_but_check`` (:func:`_but_lowered`) follows only the non-zero scores: a zero
  read rewrites the first zero to zero and a non-zero score never becomes zero.
* ``score_valence`` is stock's; ``_sift_sentiment_scores`` is restated summing the
  non-zero scores in order (the same additions) and counting the zeros; VADER's
  ``normalize`` is called as is.

tests/test_sentiment.py checks equality with the stock analyser (samples, every
PolNeAR dev sentence when the data is present, and constructed and random texts) and
counts the work.
"""

from __future__ import annotations

import heapq
import math
import re
import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

__all__ = ["LinearVader"]

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
#: Words of the multi-word keys ``_special_idioms_check`` compares sequences with.
_IDIOM_WORDS = frozenset(w for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key
                         for w in key.split(" "))
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")


def _replace_emojis(text: str, emoji_chars: frozenset, emojis: dict) -> str:
    """Stock VADER's emoji step in one scan: each emoji becomes its description.

    As in ``SentimentIntensityAnalyzer.polarity_scores``: a space goes before the
    description unless the emoji starts the text or follows a space (an emoji right
    after another emoji gets one), none after it. ``emoji_chars`` are the emoji
    lexicon's one-character entries, none of them ASCII.
    """
    if text.isascii():
        return text
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


def _tokens(text: str) -> tuple[list[str], list[str], int]:
    """Stock ``SentiText``'s words, lower-cased too, and how many are in capitals.

    Returns
    -------
    words, lowers : list of str
        ``SentiText(text).words_and_emoticons`` and each lower-cased.
    n_caps : int
        Words that are ``isupper``; ``is_cap_diff`` (``allcap_differential``) is
        ``0 < len(words) - n_caps < len(words)``.
    """
    words = [s if len(s := w.strip(_PUNCTUATION)) > 2 else w for w in text.split()]
    return words, [w.lower() for w in words], sum(map(str.isupper, words))


def _cap_diff(n_words: int, n_caps: int) -> bool:
    """Stock ``allcap_differential``: some but not all words are in capitals."""
    return 0 < n_words - n_caps < n_words


_SPACE = re.compile(r"\s*")


def _split_alike(sentences: list[str], whole: str) -> bool:
    """Whether ``whole.split()`` is the sentences' ``split()`` one after another: the
    sentences lie in ``whole`` in order with only whitespace around them, and two that
    touch do so at whitespace (``\\s`` and ``str.split`` share Python's definition of
    whitespace). False is always safe (the caller then splits ``whole`` itself)."""
    pos = 0
    for sentence in sentences:
        start = _SPACE.match(whole, pos).end()
        if not whole.startswith(sentence, start):
            return False
        if start == pos and pos and sentence and not (
                whole[pos - 1].isspace() or sentence[0].isspace()):
            return False
        pos = start + len(sentence)
    return _SPACE.match(whole, pos).end() == len(whole)


def _booster(word: str, low: str, valence: float, is_cap_diff: bool) -> float:
    """Stock ``scalar_inc_dec``, given the word lower-cased too."""
    scalar = 0.0
    if low in BOOSTER_DICT:
        scalar = BOOSTER_DICT[low]
        if valence < 0:
            scalar *= -1
        if is_cap_diff and word.isupper():
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _negated(low: str) -> bool:
    """Stock ``negated([low])`` for one lower-cased word."""
    return low in _NEGATE or "n't" in low


def _negation(valence: float, lowers: list[str], start_i: int, i: int) -> float:
    """Stock ``_negation_check`` on the lower-cased words (``i > start_i``)."""
    if start_i == 0:
        if _negated(lowers[i - 1]):
            valence = valence * N_SCALAR
    elif start_i == 1:
        l2, l1 = lowers[i - 2], lowers[i - 1]
        if l2 == "never" and l1 in _SO_THIS:
            valence = valence * 1.25
        elif l2 == "without" and l1 == "doubt":
            pass
        elif _negated(l2):
            valence = valence * N_SCALAR
    else:
        l3, l2, l1 = lowers[i - 3], lowers[i - 2], lowers[i - 1]
        if (l3 == "never" and l2 in _SO_THIS) or l1 in _SO_THIS:
            valence = valence * 1.25
        elif l3 == "without" and (l2 == "doubt" or l1 == "doubt"):
            pass
        elif _negated(l3):
            valence = valence * N_SCALAR
    return valence


def _idioms(valence: float, lowers: list[str], i: int) -> float:
    """Stock ``_special_idioms_check`` on the lower-cased words (``i > 2``): skipped when
    no word of the window belongs to a multi-word key (see the module docstring)."""
    window = lowers[i - 3:i + 3]
    if _IDIOM_WORDS.isdisjoint(window):
        return valence
    l3, l2, l1, l0 = lowers[i - 3], lowers[i - 2], lowers[i - 1], lowers[i]
    threetwoone, threetwo, twoone = f"{l3} {l2} {l1}", f"{l3} {l2}", f"{l2} {l1}"
    for seq in (f"{l1} {l0}", f"{l2} {l1} {l0}", twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lowers)
    if n - 1 > i and (seq := f"{l0} {lowers[i + 1]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[seq]
    if n - 1 > i + 1 and (seq := f"{l0} {lowers[i + 1]} {lowers[i + 2]}") in SPECIAL_CASES:
        valence = SPECIAL_CASES[seq]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least(valence: float, lowers: list[str], i: int, lexicon: dict) -> float:
    """Stock ``_least_check`` on the lower-cased words."""
    if i > 0 and lowers[i - 1] == "least" and "least" not in lexicon:
        if i == 1 or lowers[i - 2] not in ("at", "very"):
            valence = valence * N_SCALAR
    return valence


def _valence(words: list[str], lowers: list[str], is_cap_diff: bool, i: int,
             lexicon: dict) -> float:
    """Stock VADER's valence of word ``i`` (``polarity_scores``' loop body and
    ``sentiment_valence``), on the words and their lower-cased forms."""
    low = lowers[i]
    if low not in lexicon or low in BOOSTER_DICT or (
            low == "kind" and i < len(lowers) - 1 and lowers[i + 1] == "of"):
        return 0
    valence = lexicon[low]
    if low == "no" and i != len(lowers) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and lowers[i - 1] == "no") or (i > 1 and lowers[i - 2] == "no") or (
            i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in _OR_NOR):
        valence = lexicon[low] * N_SCALAR
    if is_cap_diff and words[i].isupper():
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for start_i in range(min(i, 3)):
        before = lowers[i - start_i - 1]
        if before not in lexicon:
            s = _booster(words[i - start_i - 1], before, valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation(valence, lowers, start_i, i)
            if start_i == 2:
                valence = _idioms(valence, lowers, i)
    return _least(valence, lowers, i, lexicon)


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
    return _but_lowered([str(w).lower() for w in words_and_emoticons], sentiments)


def _but_lowered(lowers: list[str], sentiments: list) -> list:
    """:func:`_but_check` given the words lower-cased.

    Only the non-zero scores are followed: a step that reads a zero rewrites the first
    zero to zero (``0 * 0.5``, ``0 * 1.5``), which moves no other value, and a
    non-zero score never becomes zero; so the zeros change no step of the others and
    no score (``score_valence`` sums them and counts them as zeros either way).
    """
    if "but" not in lowers:
        return sentiments
    b = lowers.index("but")
    holders: dict[float, list[int]] = {}  # value -> heap of positions holding it
    order = []
    for pos, value in enumerate(sentiments):  # positions ascend: each list is a heap
        if value:
            holders.setdefault(value, []).append(pos)
            order.append(value)
    for value in order:
        heap = holders[value]
        j = heap[0]
        if j == b:
            continue
        new = value * 0.5 if j < b else value * 1.5
        sentiments[j] = new
        heapq.heappop(heap)
        heapq.heappush(holders.setdefault(new, []), j)
    return sentiments


def _sift(sentiments: list) -> tuple[float, float, int]:
    """Stock ``_sift_sentiment_scores``: the non-zero scores summed in order, the zeros
    counted."""
    pos_sum = 0.0
    neg_sum = 0.0
    for score in filter(None, sentiments):  # the zeros add nothing
        if score > 0:
            pos_sum += (float(score) + 1)
        elif score < 0:
            neg_sum += (float(score) - 1)
    return pos_sum, neg_sum, sentiments.count(0)


class LinearVader(SentimentIntensityAnalyzer):
    """Stock VADER's scores in linear time (see the module docstring), and each
    sentence's scores with the whole text's from one pass (:meth:`sentences_and_whole`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Stock VADER looks emojis up one character at a time, so only one-character
        # entries of its emoji lexicon can ever match.
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        # The ASCII and whitespace shortcuts (_replace_emojis, sentences_and_whole)
        # hold for an emoji lexicon without ASCII characters and whitespace.
        if any(e.isascii() or e.isspace() for e in self._emoji_chars):
            raise ValueError("an ASCII or whitespace character in the emoji lexicon")

    def polarity_scores(self, text: str) -> dict:
        """Stock ``polarity_scores``, in time linear in the text (see the module docstring)."""
        if not isinstance(text, str):  # stock behaviour for anything else
            return super().polarity_scores(text)
        text = _replace_emojis(text, self._emoji_chars, self.emojis).strip()
        _, lowers, sentiments = self._valences(text)
        return self.score_valence(_but_lowered(lowers, sentiments), text)

    def _valences(self, text: str) -> tuple[tuple[list, int], list[str], list]:
        """Stock VADER's valence of each word of ``text`` (emojis already replaced),
        before the ``but`` rule, with the words and how many are in capitals
        (:func:`_tokens`), and the words lower-cased."""
        words, lowers, n_caps = _tokens(text)
        cap = _cap_diff(len(words), n_caps)
        lexicon = self.lexicon
        sentiments = [0 if low not in lexicon else _valence(words, lowers, cap, i, lexicon)
                      for i, low in enumerate(lowers)]
        return (words, n_caps), lowers, sentiments

    def score_valence(self, sentiments: list, text: str) -> dict:
        """Stock ``score_valence``, with :func:`_sift` for ``_sift_sentiment_scores``."""
        if not sentiments:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(sentiments))
        punct_emph_amplifier = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = normalize(sum_s)
        pos_sum, neg_sum, neu_count = _sift(sentiments)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {"neg": round(math.fabs(neg_sum / total), 3),
                "neu": round(math.fabs(neu_count / total), 3),
                "pos": round(math.fabs(pos_sum / total), 3),
                "compound": round(compound, 4)}

    def sentences_and_whole(self, sentences: list[str], whole: str | None
                            ) -> tuple[list[dict], dict | None]:
        """``polarity_scores`` of each sentence and of the whole text, the whole
        text's words and word valences taken from the sentences' where VADER's
        definition gives the same ones.

        A word's valence depends on the three words before it, the two after it
        and whether the text mixes all-capital and other words
        (``is_cap_diff``). So when the whole text's words are the sentences' words
        in order, a word three or more from its sentence's start and two or more
        from its end, in a sentence with the whole text's ``is_cap_diff``, has the
        same valence in both; the others are computed again in the whole text.
        The words are those of the sentences when the whole text holds no emoji
        and splits as they do (:func:`_split_alike`); else the whole text is split
        and compared. The ``but`` rule and the punctuation emphasis are then
        applied to the whole text, as stock VADER does. Otherwise (a sentence
        boundary inside a word, emojis at a boundary) the whole text is scored
        from scratch.
        """
        scores, words, lowers, raw, spans = [], [], [], [], []
        n_caps, emojis = 0, False
        for sentence in sentences:
            text = _replace_emojis(sentence, self._emoji_chars, self.emojis)
            emojis = emojis or text is not sentence
            text = text.strip()
            (sw, caps), sl, sentiments = self._valences(text)
            cap = _cap_diff(len(sw), caps)
            # is_cap_diff matters only to all-capital words: a sentence with none
            # (is_cap_diff False, first word not all capitals) reads the same in
            # any text; one all in capitals does not.
            spans.append((len(sw), cap or not (sw and sw[0].isupper())))
            words.extend(sw)
            lowers.extend(sl)
            n_caps += caps
            raw.extend(sentiments)
            scores.append(self.score_valence(_but_lowered(sl, sentiments), text))
        if whole is None:
            return scores, None
        # _replace_emojis hands back the very string when it holds no emoji. When the
        # sentences hold none and split as the whole text, it holds none either (what
        # lies between them is whitespace, no emoji is).
        text = whole
        if emojis or not _split_alike(sentences, whole):
            text = _replace_emojis(whole, self._emoji_chars, self.emojis)
            all_words, lowers, n_caps = _tokens(text.strip())
            if all_words != words:
                return scores, self.polarity_scores(whole)
        return scores, self._whole(words, lowers, _cap_diff(len(words), n_caps), raw,
                                   spans, text.strip())

    def _whole(self, words: list[str], lowers: list[str], cap: bool, raw: list,
               spans: list[tuple[int, bool]], text: str) -> dict:
        """The whole text's scores from its words, the sentences' valences ``raw`` and
        their ``spans`` (see :meth:`sentences_and_whole`)."""
        lexicon = self.lexicon

        def again(k: int) -> float:  # a word outside the lexicon is 0 in any text
            return 0 if lowers[k] not in lexicon else _valence(words, lowers, cap, k,
                                                                lexicon)

        sentiments, i = [], 0
        for n, caps_read_alike in spans:
            if caps_read_alike and n > 5:
                sentiments.extend([again(i), again(i + 1), again(i + 2)])
                sentiments.extend(raw[i + 3:i + n - 2])
                sentiments.extend([again(i + n - 2), again(i + n - 1)])
            else:
                sentiments.extend(again(k) for k in range(i, i + n))
            i += n
        return self.score_valence(_but_lowered(lowers, sentiments), text)

    _but_check = staticmethod(_but_check)
