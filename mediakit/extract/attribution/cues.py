"""Reporting cues: the reporting verbs ("said", "has urged", "according to") in a text."""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import _AUX, _DETERMINERS, _NEGATORS, _lex
from ..not_quotations import load_precision_markers
from ..tokens import _Tokens


@dataclass
class _Cue:
    k0: int  # first token of the verb (or of "according to")
    k1: int  # one past its last token
    aux0: int  # first token of the auxiliaries before it ("has expressed")
    lemma: str
    strict: bool
    ctype: str = "speech"  # its type in cue_types.txt ("speech" when not listed there)
    negated: bool = False  # "did not say", "never said", "hasn't said"


def _find_cues(
    tk: _Tokens, verbs: dict[tuple[str, ...], tuple[str, bool]], in_quote: list[int],
    types: dict[tuple[str, ...], tuple[str, str]] | None = None,
    title_case: bytearray | None = None,
) -> list[_Cue]:
    cues: list[_Cue] = []
    lw = tk.lower
    k = 0
    n = tk.n
    while k < n:
        if in_quote[k] >= 0:
            k += 1
            continue
        hit = None
        key: tuple[str, ...] = (lw[k],)
        if k + 1 < n and (lw[k], lw[k + 1]) in verbs:
            key = (lw[k], lw[k + 1])
            hit = (k + 2, *verbs[key])
        elif key in verbs:
            hit = (k + 1, *verbs[key])
        if hit is None or (tk.words[k][:1].isupper() and lw[k] != "according"
                           and not (title_case and title_case[k] and not hit[2])):
            # A capitalised "States" or "Reports" is a name or a headline word (a cue
            # that needs no explicit content counts in a title-cased headline: "X Says").
            k += 1
            continue
        k1, lemma, strict = hit
        ctype = types[key][1] if types and key in types else "speech"
        if _in_another_sense(tk, k, k1, lemma, strict, ctype):
            k = k1
            continue
        aux0 = k
        while aux0 > 0 and lw[aux0 - 1] in {"has", "have", "had"} and k - aux0 < 3:
            aux0 -= 1
        # "has also said", "have repeatedly urged": fold adverbs between aux and verb.
        j = aux0 - 1
        while (j >= 0 and k - j <= 3 and lw[j] in _AUX
               and lw[j] not in {"and", "has", "have", "had"}):
            j -= 1
        if j >= 0 and j < aux0 - 1 and lw[j] in {"has", "have", "had"}:
            aux0 = j
        negated = _negated(lw, aux0)
        if aux0 == k and lw[k].endswith("ing"):
            aux0 = _progressive(lw, k)  # "is telling", "isn't saying", "was not urging"
        cues.append(_Cue(k, k1, aux0, lemma, strict, ctype, negated))
        k = k1
    return cues


def _in_another_sense(tk: _Tokens, k: int, k1: int, lemma: str, strict: bool, ctype: str
                      ) -> bool:
    """Whether the cue word at tokens ``k``..``k1`` is used in another sense here: a
    passive participle, a noun, an adjective, an increase, an idiom or a condition of
    anonymity (each rule below with its examples)."""
    lw, n = tk.lower, tk.n
    if ctype == "stance" and k1 < n and lw[k].endswith("ed") \
            and lw[k1] in {"of", "for", "by"} and (k == 0 or lw[k - 1] not in _AUX):
        # "people accused of rape", "the man blamed for the attack": a participle
        # with no object is passive, its subject the one judged, not the speaker
        return True
    if strict and k1 == k + 1 and lw[k] == lemma and k1 < n \
            and tk.words[k1][:1].isupper() and (k == 0 or lw[k - 1] in _NOUN_BEFORE):
        # "Scott's niece, state Del. Marcia Price, shouted", '"...," state Sen. Ana
        # Ruiz said', "the report Tuesday": a cue word that is common outside
        # reporting, as a noun before a name
        return True
    if k1 == k + 1 and (_noun_after_determiner(lw, k, lemma) or (
            strict and k1 < n and lw[k1] == "of" and lw[k] in {lemma, lemma + "s"})):
        # "Trump's plan", "the issues", "their argument", "his home state of
        # Vermont": a noun
        return True
    if (k1 == k + 1 and _participle_adjective(tk, k)) or (
            _participle_adjective(tk, k - 1) and lw[k - 2] not in _DETERMINERS):
        # "despite repeated warnings", "the stated aim": an adjective; "after
        # repeated calls for": the noun it modifies (but "the accused told", "the
        # wounded say": a noun, then the cue)
        return True
    if lemma == "add" and k1 < n and (lw[k1] == "to" or _quantity(tk, k1)):
        # "added to her lead", "added two goals", "shares added 1.2 per cent": an
        # increase, not a statement
        return True
    if k >= 2 and lw[k - 1] == "without" and lw[k - 2] in {"go", "goes", "went", "gone",
                                                             "going"}:
        return True  # "it goes without saying that": an idiom, no source
    # "asked not to be named": a condition of anonymity, not a statement
    return " ".join(lw[k1 : k1 + 3]) in {"not to be", "to remain anonymous", "to be named"}


#: Words after which a cue's base form is a noun ("the report", ", state Del. Price").
_NOUN_BEFORE = frozenset({",", '"', "the", "a", "an", "his", "her", "its", "their", "our",
                          "this", "that", "'s"})


def _quantity(tk: _Tokens, k: int) -> bool:
    """Whether token ``k`` opens a quantity ("two goals", "1.2 per cent", "$5 million",
    "another goal"): the words of ``precision_markers.txt`` [quantity_after_add], or a
    figure."""
    w = tk.words[k]
    return (w[:1].isdigit() or w in {"$", "\u00a3", "\u20ac", "%"}
            or (tk.lower[k],) in load_precision_markers()["quantity_after_add"])


def _noun_after_determiner(lw: list[str], k: int, lemma: str) -> bool:
    """Whether the one-word cue at ``k``, in its base or -s form, follows an article, a
    possessive pronoun or a possessive noun ("Trump's plan", "the new plans" aside:
    only the word right before counts)."""
    if k == 0 or " " in lemma:
        return False
    w, before = lw[k], lw[k - 1]
    plural = w in {lemma + "s", lemma + "es"}
    if w != lemma and not plural:
        return False
    return (before in _lex("noun_determiners") or (before.endswith("'s") and len(before) > 2)
            or (before == "her" and plural))


def _participle_adjective(tk: _Tokens, k: int) -> bool:
    """Whether the -ed cue word at ``k`` is an adjective before a noun ("despite repeated
    warnings", "his stated aim"): after a word of ``precision_markers.txt``
    [participle_adjective_before], with a word after it."""
    lw = tk.lower
    return (0 < k < tk.n - 1 and lw[k].endswith("ed") and not tk.words[k][:1].isupper()
            and tk.words[k + 1][:1].isalpha()
            and (lw[k - 1],) in load_precision_markers()["participle_adjective_before"])


# Forms of "be" that make a progressive with an -ing cue ("is telling", "wasn't saying").
_BE = frozenset("is are was were am 's \u2019s isn't aren't wasn't weren't".split())


def _progressive(lw: list[str], k: int) -> int:
    """The first token of a progressive before the -ing cue at ``k`` ("is telling", "is
    not saying", "was also urging"): the form of "be", or ``k`` if there is none."""
    j = k - 1
    while j >= 0 and k - j <= 2 and lw[j] in {"not", "never", "also", "now", "still"}:
        j -= 1
    return j if j >= 0 and lw[j] in _BE else k


def _negated(lw: list[str], aux0: int) -> bool:
    """A negation among the three words before the cue ("did not say", "has never said",
    "didn't say"), not across punctuation."""
    for j in range(aux0 - 1, max(aux0 - 4, -1), -1):
        w = lw[j]
        if w in _NEGATORS or w.endswith("n't"):
            return True
        if not w[:1].isalpha():
            return False
    return False
