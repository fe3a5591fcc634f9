"""Victim sides: whose victims a harm mention describes, and the tone around each side.

Sides are named by caller-supplied side terms (the codebook's, or a plain mapping), found
by the codebook's one matcher (:class:`mediakit.text.terms.SideTermMatcher`: whole words,
plurals, ``re:`` terms, acronyms in capitals).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...text import Document
from ...text.terms import SideTermMatcher, side_term_matcher
from .triggers import _lex, _Lexicon

if TYPE_CHECKING:
    from .mentions import HarmMention

BOTH = "both"
UNKNOWN = "unknown"
UNATTRIBUTED = "unattributed"


def _compiled(side_terms: Mapping[str, Sequence[str]] | None) -> SideTermMatcher:
    """The codebook's matcher for ``side_terms`` (built once per mapping)."""
    return side_term_matcher(side_terms)


def _sides_in(text: str, pats: SideTermMatcher) -> list[str]:
    """Sides whose terms occur in ``text``, in side_terms order."""
    found: set[str] = set()
    for _m, sides in pats.matches(text):
        found.update(sides)
    return [side for side in pats.order if side in found]


_NEXT_WORDS = re.compile(
    r"(?:'s\b)?\W*([^\W_]+(?:-[^\W_]+)*)?\W*([^\W_]+(?:-[^\W_]+)*)?\W*([^\W_]+)?")
_PREV_WORDS = re.compile(r"([^\W_]+)?\W*([^\W_]+)?\W*$")


def _side_mentions(
    text: str,
    pats: SideTermMatcher,
    perp_nouns: frozenset[str],
    anchor: int | None = None,
    distance: dict[str, int] | None = None,
    speech: frozenset[str] = frozenset(),
    sources: set[str] | None = None,
    places: set[str] | None = None,
    doer_verbs: frozenset[str] = frozenset(),
    boundary: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """Sides named in ``text``: (as possible victims, only as perpetrators). With an
    ``anchor`` offset, ``distance`` receives each plain side's nearest distance; the
    sides named only as the source of a report go into ``sources``; ``doer_verbs``
    (action verbs) make "from X" after them a perpetrator context, as after a
    perpetrator noun ("fired from Gaza", "rockets from Gaza"); a side term before a
    ``boundary`` noun or after one and with/from ("the Gaza border", "the border with
    Israel") names a boundary, neither victims nor perpetrators."""
    is_plain: set[str] = set()
    is_perp: set[str] = set()
    for m, sides in pats.matches(text):
        if _is_source(text, m.end, speech):
            # "Israel says", "the Gaza Health Ministry said": the side reports the harm
            if sources is not None:
                sources.update(sides)
            continue
        nxt = _NEXT_WORDS.match(text, m.end)
        after = [w.lower() for w in (nxt.group(1), nxt.group(2), nxt.group(3)) if w] \
            if nxt else []
        # a side's forces or officials as the source of a report ("the Israeli
        # military said") are neither perpetrator nor victim
        if after and after[0] in perp_nouns and len(after) > 1 and after[1] in speech:
            if sources is not None:
                sources.update(sides)
            continue
        if len(after) > 2 and after[1] in perp_nouns and after[2] in speech:
            if sources is not None:
                sources.update(sides)
            continue
        prv = _PREV_WORDS.search(text[max(0, m.start - 40):m.start])
        before = [w.lower() for w in (prv.group(2), prv.group(1)) if w] if prv else []
        if (after and after[0] in boundary) or (
                len(before) > 1 and before[0] in ("with", "from") and before[1] in boundary):
            continue  # "the Gaza Strip border", "the border with Israel": a boundary
        if before and (before[0] in _RULES_OVER or (
                len(before) > 1 and before[0] == "the" and before[1] in _RULES_OVER)):
            # "Hamas, which rules Gaza": the perpetrator's territory, not the victims'
            is_perp.update(sides)
            continue
        if (after and after[0] in perp_nouns) or (len(after) > 1 and after[1] in perp_nouns
                                                  and after[0] not in ("and", "or")) or (
            before and (before[0] == "by" or _from_doer(before, perp_nouns, doer_verbs) or (
                len(before) > 1 and before[0] in ("the",) and before[1] in ("by", "from")))):
            # ("the bombardment of Gaza": after a perpetrator noun, "of" names the target)
            is_perp.update(sides)
            continue
        is_plain.update(sides)
        if places is not None and before and (before[0] in _LOCATIVE or (
                len(before) > 1 and before[1] in _LOCATIVE
                and before[0] not in ("which", "whom", "what", "that"))):
            places.update(sides)  # "a strike in the Jabaliya refugee camp"
        if anchor is not None and distance is not None:
            d = min(abs(m.start - anchor), abs(m.end - anchor))
            for side in sides:
                distance[side] = min(d, distance.get(side, d))
    plain = [side for side in pats.order if side in is_plain]
    perp = [side for side in pats.order if side in is_perp and side not in is_plain]
    return plain, perp


def _from_doer(before: list[str], perp_nouns: frozenset[str],
               doer_verbs: frozenset[str]) -> bool:
    """"from" after a perpetrator noun or an action verb ("rockets from Gaza", "fired
    from Lebanon"), not after any other word ("evacuated from Gaza City")."""
    return len(before) > 1 and before[0] == "from" and (
        before[1] in perp_nouns or before[1] in doer_verbs)


# verbs of governing a territory ("the group that controls Gaza")
_RULES_OVER = frozenset({"rules", "ruled", "controls", "controlled", "governs", "governed",
                         "runs", "ran"})

# prepositions before a place ("a strike in the Jabaliya refugee camp")
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "around",
                       "throughout", "into", "within", "on", "against", "toward",
                       "towards"})

# a side term right before a speech verb, over an auxiliary or adverb, a possessive or a
# side's body ("Israel says", "Israel has said", "Gaza's Health Ministry said"), with no
# punctuation between: the source of a report
_SOURCE_AFTER = re.compile(
    r"(?i:'s)?(?i:\s+(?:has|have|had|also|later|previously|earlier|then|will|would|did|"
    r"does|health|ministry|officials?|authorities|government|media))*\s+([a-z]+)\b")


def _is_source(text: str, end: int, speech: frozenset[str]) -> bool:
    """Is the side term ending at ``end`` the source of a report?"""
    m = _SOURCE_AFTER.match(text, end, min(len(text), end + 60))
    return bool(m) and m.group(1) in speech


#: How a mention's victim side was decided: rule id (``HarmMention.victim_side_rule``,
#: None when the side is unknown) -> what it matches (see :func:`victim_side`).
VICTIM_SIDE_RULES: dict[str, str] = {
    "side.victims_phrase": "side terms in the victims phrase: twelve Israeli soldiers",
    "side.victim_term": "no side term in the victims phrase, but a word the codebook's "
                        "victim_terms give one side: about 50 of the hostages, revelers",
    "side.named_in_sentence": "a side named elsewhere in the sentence, not as perpetrator "
                              "(a place, people): killed in an airstrike in Gaza",
    "side.opponent_of_perpetrator": "the one opponent of the one perpetrator side: killed "
                                    "in Israeli strikes",
    "side.previous_mention": "an elliptical victims phrase takes the previous mention's "
                             "side: two soldiers were killed and four were wounded",
    "side.source": "nothing else names a side, and one side is named as the source of the "
                   "report: its own dead (the Gaza Health Ministry said 500 people were "
                   "killed), or, when the victims are its adversaries (hostile_actor_nouns: "
                   "militants, terrorists), its one opponent (Israel says it has killed "
                   "thousands of militants)",
}


def victim_side(
    victims: str | None,
    sentence: str,
    agent: str | None,
    side_terms: Mapping[str, Sequence[str]] | None,
    lexicon: _Lexicon | str | Path | None = None,
    anchor: int | None = None,
    _pats: SideTermMatcher | None = None,
    perpetrator_sides: Sequence[str] = (),
    opponents: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Decide whose victims a harm mention describes (the side of
    :func:`explain_victim_side`).

    Returns
    -------
    str
        A side name, ``"both"`` or ``"unknown"``.
    """
    return explain_victim_side(victims, sentence, agent, side_terms, lexicon, anchor, _pats,
                               perpetrator_sides, opponents)[0]


def explain_victim_side(
    victims: str | None,
    sentence: str,
    agent: str | None,
    side_terms: Mapping[str, Sequence[str]] | None,
    lexicon: _Lexicon | str | Path | None = None,
    anchor: int | None = None,
    _pats: SideTermMatcher | None = None,
    perpetrator_sides: Sequence[str] = (),
    opponents: Mapping[str, Sequence[str]] | None = None,
    doer_sides: Sequence[str] = (),
) -> tuple[str, str | None]:
    """Decide whose victims a harm mention describes, and by which rule.

    Rule, in order:

    1. ``side.victims_phrase``: side terms in the victims phrase decide: the one side
       named there, or ``"both"`` if two or more sides are;
    2. ``side.named_in_sentence``: otherwise the perpetrator sides are collected: the
       mention's ``perpetrator_sides``, the sides named in the agent phrase and side
       terms in perpetrator contexts anywhere in the sentence ("Israeli airstrikes",
       "Hamas gunmen", "an attack by Hamas": see ``perpetrator_nouns`` in the lexicon).
       Among the other sides named in the sentence (outside the agent phrase), those
       that are not perpetrators win: one gives that side; with two or more, the one
       named nearest to ``anchor`` (the trigger's offset) when it is given, else
       ``"both"``; if the sentence names sides only as perpetrators and also as places
       or people, the one such side (or ``"both"``);
    3. ``side.opponent_of_perpetrator``: otherwise, when one side was named, as
       perpetrator, and ``opponents`` gives it exactly one opponent, that opponent
       (the dyadic reading of "killed in Israeli airstrikes", "Hamas killed 1,200
       people"). Without ``opponents``, a ``side_terms`` of exactly two sides makes
       them each other's opponent;
    4. ``side.source``: otherwise, when the sentence names exactly one side only as
       the source of the report (a side term right before a speech verb: "Israel says",
       "the Gaza Health Ministry said"), that side's own dead; or, when the victims
       phrase names them as adversaries (``hostile_actor_nouns``: "militants",
       "terrorists", without its/their), that side's one opponent;
    5. otherwise ``"unknown"`` (rule None).

    Parameters
    ----------
    victims : str or None
        The victims phrase of the mention.
    sentence : str
        The sentence holding the mention.
    agent : str or None
        The agent phrase, removed from the sentence before step 2.
    side_terms : Mapping[str, Sequence[str]]
        Side name -> words naming it, found by the codebook's matcher
        (:class:`mediakit.text.terms.SideTermMatcher`).
    lexicon : optional
        Harm lexicon (for its perpetrator nouns).
    anchor : int, optional
        Offset of the trigger in ``sentence``, to break ties by proximity.
    perpetrator_sides : Sequence[str]
        The sides of the mention's perpetrator (:mod:`.responsibility`).
    opponents : Mapping[str, Sequence[str]], optional
        Side -> the sides it fights (the codebook's ``opponents``).
    doer_sides : Sequence[str]
        Sides the sentence names as doers outside the victims (actors of
        :data:`~.responsibility.ACTOR_CONTEXTS`: "Hamas launched"), counted with the
        perpetrator sides in steps 2-3.

    Returns
    -------
    tuple
        (a side name, ``"both"`` or ``"unknown"``; a key of :data:`VICTIM_SIDE_RULES`
        or None).
    """
    if not side_terms:
        return UNKNOWN, None
    pats = _pats if _pats is not None else _compiled(side_terms)
    g = _lex(lexicon).g
    order = [str(k) for k in side_terms]
    if opponents is None and len(order) == 2:
        opponents = {order[0]: (order[1],), order[1]: (order[0],)}
    if victims:
        found = _victim_phrase_sides(victims, pats, g["cause_nouns"], opponents)
        if len(found) == 1:
            return found[0], "side.victims_phrase"
        if len(found) > 1:
            return BOTH, "side.victims_phrase"
    sources: set[str] = set()
    placed: set[str] = set()
    named, perps, dist = _named_and_perpetrators(sentence, agent, pats,
                                                 g["perpetrator_nouns"], g["speech_words"],
                                                 anchor, sources, g["action_verbs"],
                                                 tuple(perpetrator_sides), placed,
                                                 g["boundary_nouns"])
    perps |= set(perpetrator_sides)
    doers = perps | set(doer_sides)
    # the side whose opponent step 3 takes: the mention's own perpetrator's, else the
    # one doer the sentence names
    key = perps if perps else doers
    words = {w.lower() for w in re.findall(r"[^\W_]+", victims or "")}
    if len(sources) == 1 and words & g["own_force_nouns"] and not sources & perps:
        # "the Israeli military said a soldier was killed (... inside Gaza)": an army
        # reports its own troops' deaths
        return next(iter(sources)), "side.source"
    named = _parties_first(named, placed, doers, opponents)
    side = _named_side(order, named, doers, dist, anchor, opponents, key)
    if side is not None:
        return side, "side.named_in_sentence"
    if len(key) == 1 and opponents:
        opp = tuple(opponents.get(next(iter(key)), ()))
        if len(opp) == 1:
            return opp[0], "side.opponent_of_perpetrator"
    return _source_side(victims, order, sources, opponents, g["hostile_actor_nouns"])


def _source_side(victims: str | None, order: list[str], sources: set[str],
                 opponents: Mapping[str, Sequence[str]] | None,
                 hostile: frozenset[str]) -> tuple[str, str | None]:
    """Step 5 of :func:`explain_victim_side`: the one source side's own dead, or its
    one opponent's when the victims are named as its adversaries."""
    if len(sources) != 1:
        return UNKNOWN, None
    src = next(iter(sources))
    words = {w.lower() for w in re.findall(r"[^\W_]+", victims or "")}
    if words & hostile and not words & {"its", "their", "our"}:
        opp = tuple((opponents or {}).get(src, ()))
        return (opp[0], "side.source") if len(opp) == 1 else (UNKNOWN, None)
    return src, "side.source"


def _victim_phrase_sides(victims: str, pats: SideTermMatcher, cause_nouns: frozenset[str],
                         opponents: Mapping[str, Sequence[str]] | None) -> list[str]:
    """Sides the victims phrase names as victims: not a side before a cause noun
    ("survivors of the Hamas massacre"); of two nationality words side by side
    ("an Israeli Canadian mother", "Italian-Israeli") the one that is a party to a
    conflict (has ``opponents``), when exactly one is."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for m, sides in pats.matches(victims):
        nxt = _NEXT_WORDS.match(victims, m.end)
        if nxt and nxt.group(1) and nxt.group(1).lower() in cause_nouns:
            continue
        found.append((m.start, m.end, tuple(sides)))
    out = {x for _a, _b, sides in found for x in sides}
    if len(out) == 2 and len(found) == 2 and \
            re.fullmatch(r"[\s-]", victims[found[0][1]:found[1][0]] or "x"):
        party = [x for x in out if (opponents or {}).get(x)]
        if len(party) == 1:
            return party
    return [x for x in pats.order if x in out]


def _parties_first(named: set[str], placed: set[str], doers: set[str],
                   opponents: Mapping[str, Sequence[str]] | None) -> set[str]:
    """The named sides without the third parties (sides with no ``opponents``) named as
    people or bodies, not places ("told The Canadian Press", "a U.S. intelligence
    report"), when a party to the conflict is also named, not as the doer: they
    report or comment on the harm."""
    opp = opponents or {}
    third = {x for x in named if not opp.get(x) and x not in placed}
    if not third:
        return named
    return named - third if named - third - doers else named


def _named_side(order: list[str], named: set[str], perps: set[str], dist: dict[str, int],
                anchor: int | None,
                opponents: Mapping[str, Sequence[str]] | None = None,
                key: set[str] | None = None) -> str | None:
    key = perps if key is None else key
    others = [x for x in order if x in named and x not in perps]
    if len(others) == 1:
        return others[0]
    if len(others) > 1:
        # the dyadic reading first: the one perpetrator's one opponent, when named
        # ("killed in an Israeli strike on a U.N. school in Jabalia")
        opp = {o for p in key for o in (opponents or {}).get(p, ())}
        if len(key) == 1 and len(opp) == 1 and next(iter(opp)) in others:
            return next(iter(opp))
        near = [x for x in others if x in dist]
        if anchor is not None and near:
            return min(near, key=lambda x: (dist[x], order.index(x)))
        return BOTH
    cands = [x for x in order if x in named]
    if cands and set(cands) <= perps and len(key) == 1 and opponents and \
            len(opponents.get(next(iter(key)), ())) == 1:
        return None  # "when Israel struck cars": the opponent rule decides
    if len(cands) == 1:
        return cands[0]
    if len(cands) > 1:
        return BOTH
    return None


def _named_and_perpetrators(
    sentence: str,
    agent: str | None,
    pats: SideTermMatcher,
    perp_nouns: frozenset[str],
    speech: frozenset[str],
    anchor: int | None,
    sources: set[str] | None = None,
    doer_verbs: frozenset[str] = frozenset(),
    perpetrator_sides: tuple[str, ...] = (),
    placed: set[str] | None = None,
    boundary: frozenset[str] = frozenset(),
) -> tuple[set[str], set[str], dict[str, int]]:
    """Steps 2-3 of :func:`victim_side`: the sides a sentence names as possible victims,
    those it names as perpetrators (the agent's sides among them), and each plain
    side's nearest distance to ``anchor``. An agent phrase naming the mention's
    perpetrator side and other sides ("Israel must stop bombing Gaza and [killing]")
    names those others as places or people, not doers. ``placed`` receives the sides
    named as places (after a locative preposition)."""
    perps: set[str] = set()
    named: set[str] = set()
    rest = sentence
    if agent:
        at: set[str] = set()
        a_plain, a_perp = _side_mentions(agent, pats, perp_nouns, speech=speech, places=at,
                                         doer_verbs=doer_verbs, boundary=boundary)
        if a_perp:
            # "an Israeli strike on Gaza": the strike's side did it, Gaza is a place
            perps |= set(a_perp)
            named |= set(a_plain) - set(a_perp)
        else:
            # "Hamas gunmen", "Israel" as the doer; not a place ("a strike in Jabaliya")
            doer = set(a_plain) - at
            if perpetrator_sides and set(perpetrator_sides) < doer:
                named |= doer - set(perpetrator_sides)
                doer = set(perpetrator_sides)
            perps |= doer
            named |= at
        if placed is not None:
            placed |= at
        rest = rest.replace(agent, " " * len(agent))  # same length: offsets hold
    dist: dict[str, int] = {}
    r_plain, r_perp = _side_mentions(rest, pats, perp_nouns, anchor, dist, speech, sources,
                                     places=placed, doer_verbs=doer_verbs,
                                     boundary=boundary)
    named |= set(r_plain)
    perps |= set(r_perp)
    return named, perps, dist


def sentence_side(mentions: Sequence[HarmMention]) -> str:
    """The victim side of a sentence's mentions: their one side, ``both`` when they name
    different sides, ``unknown`` when none names a side."""
    sides = {m.victim_side for m in mentions} - {UNKNOWN}
    if BOTH in sides or len(sides) > 1:
        return BOTH
    if len(sides) == 1:
        return next(iter(sides))
    return UNKNOWN


def _round(x: float) -> float:
    return round(float(x), 4)


def tone_by_actor(
    doc: Document,
    sentence_compounds: Sequence[float],
    side_terms: Mapping[str, Sequence[str]] | None,
) -> dict[str, dict]:
    """Mean VADER compound of the sentences that name each side.

    Parameters
    ----------
    doc : Document
        The segmented text.
    sentence_compounds : Sequence[float]
        One VADER compound per sentence of ``doc``, in order.
    side_terms : Mapping[str, Sequence[str]]
        Side name -> words naming it.

    Returns
    -------
    dict
        ``{side: {"sentences": n, "mean_compound": x or None}}`` for every side in
        ``side_terms`` (a sentence naming two sides counts for both).

    Raises
    ------
    ValueError
        If ``sentence_compounds`` is not aligned with ``doc.sentences``.

    References
    ----------
    Hutto, C. J. & Gilbert, E. (2014). VADER: A parsimonious rule-based model for
    sentiment analysis of social media text. ICWSM-14.
    """
    if len(sentence_compounds) != len(doc.sentences):
        raise ValueError(
            f"sentence_compounds has {len(sentence_compounds)} values for "
            f"{len(doc.sentences)} sentences"
        )
    pats = _compiled(side_terms)
    sums = {side: [0, 0.0] for side in pats.order}
    for s, c in zip(doc.sentences, sentence_compounds, strict=True):
        for side in _sides_in(doc.normalized[s.start:s.end], pats):
            sums[side][0] += 1
            sums[side][1] += float(c)
    out = {}
    for side in (side_terms or {}):
        n, tot = sums.get(str(side), [0, 0.0])
        out[str(side)] = {"sentences": n, "mean_compound": _round(tot / n) if n else None}
    return out
