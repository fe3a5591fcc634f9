"""Harm mentions: the record of one mention, and finding them in a document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...text import Document
from ...text.terms import SideTermMatcher
from .constructions import classify_sentence
from .responsibility import (
    ACTOR_CONTEXTS,
    Responsibility,
    find_actors,
    responsibility,
    source_claim,
)
from .sides import BOTH, UNKNOWN, _compiled, explain_victim_side
from .tokens import _WORDS, _is_number, _Sent
from .triggers import _lex, _Lexicon, _might_have_harm


@dataclass(frozen=True)
class HarmMention:
    """One mention of harm to people.

    Attributes
    ----------
    sentence : int
        Index of the sentence in ``doc.sentences``.
    start, end : int
        Offsets of the trigger in ``doc.text``.
    trigger : str
        The trigger words as written ("killed", "death toll", "lost their lives").
    harm_type : str
        killing, death, injury, displacement, hunger, hostage or casualty_count.
    construction : str
        One of :data:`CONSTRUCTIONS`.
    agent : str or None
        The doer as written (subject of an active verb, by-phrase of a passive,
        possessor or by-phrase of an agentive noun), when found.
    victims : str or None
        The victims phrase as written, when found.
    victim_side : str
        A side name, ``"both"`` or ``"unknown"`` (see :func:`victim_side`).
    rule : str or None
        The rule that classed the mention, a key of :data:`RULES` (None for a mention
        made elsewhere).
    agent_rule : str or None
        How the agent was found, a key of :data:`AGENT_RULES`; None when there is no
        agent.
    perpetrator : str or None
        The actor the sentence names as causing the harm, as written, wherever it is
        named (:mod:`.responsibility`); None when the sentence names none.
    perpetrator_start, perpetrator_end : int or None
        Its offsets in ``doc.text``.
    perpetrator_side : str or None
        Its side from the side terms: a side name, ``"both"``, or None (no side term).
    perpetrator_rule : str or None
        How it was found, a key of :data:`PERPETRATOR_RULES`.
    cause : str or None
        The event or weapon of the harm as written ("an airstrike", "Israeli strikes"),
        with or without an actor.
    victim_side_rule : str or None
        How the victim side was decided, a key of :data:`VICTIM_SIDE_RULES` (None for
        ``"unknown"``).
    """

    sentence: int
    start: int
    end: int
    trigger: str
    harm_type: str
    construction: str
    agent: str | None
    victims: str | None
    victim_side: str
    rule: str | None = None
    agent_rule: str | None = None
    perpetrator: str | None = None
    perpetrator_start: int | None = None
    perpetrator_end: int | None = None
    perpetrator_side: str | None = None
    perpetrator_rule: str | None = None
    cause: str | None = None
    victim_side_rule: str | None = None

    def to_dict(self) -> dict:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "harm_type": self.harm_type,
            "construction": self.construction,
            "rule": self.rule,
            "agent": self.agent,
            "agent_rule": self.agent_rule,
            "perpetrator": self.perpetrator,
            "perpetrator_start": self.perpetrator_start,
            "perpetrator_end": self.perpetrator_end,
            "perpetrator_side": self.perpetrator_side,
            "perpetrator_rule": self.perpetrator_rule,
            "cause": self.cause,
            "victims": self.victims,
            "victim_side": self.victim_side,
            "victim_side_rule": self.victim_side_rule,
        }


def _document(doc: Document | str) -> Document:
    if isinstance(doc, str):
        from ...text import segment

        doc = segment(doc)
    return doc


def find_harm_mentions(
    doc: Document,
    lexicon: _Lexicon | str | Path | None = None,
    side_terms: Mapping[str, Sequence[str]] | None = None,
    opponents: Mapping[str, Sequence[str]] | None = None,
    attacks: Mapping[str, Sequence[str]] | None = None,
    victim_terms: Mapping[str, Sequence[str]] | None = None,
) -> list[HarmMention]:
    """Find mentions of harm to people and class their construction.

    Parameters
    ----------
    doc : Document
        A segmented text (:func:`mediakit.text.segment`); a plain string is
        segmented first.
    lexicon : _Lexicon, str or Path, optional
        A compiled lexicon (:func:`load_harm_lexicon`) or the path of a YAML
        lexicon. Defaults to ``mediakit/data/harm_lexicon.yaml``.
    side_terms : Mapping[str, Sequence[str]], optional
        Side name -> words naming it, for :func:`victim_side` and the perpetrator's
        side. Without it every victim side is ``"unknown"``.
    opponents : Mapping[str, Sequence[str]], optional
        Side -> the sides it fights (the codebook's ``opponents``), for the victim
        side of a harm whose only named perpetrator is a side.
    attacks : Mapping[str, Sequence[str]], optional
        Side -> names of attacks it made (the codebook's ``attacks``: "Oct. 7"), for the
        perpetrator of a harm in a named attack (``perpetrator.attack_name``).
    victim_terms : Mapping[str, Sequence[str]], optional
        Side -> words placing a victims phrase on that side (the codebook's
        ``victim_terms``: "hostages"), when the phrase holds no side term
        (``side.victim_term``).

    Returns
    -------
    list of HarmMention
        In text order. Offsets index into ``doc.text``.

    References
    ----------
    Henley, Miller & Beazley (1995); Trew (1979): see the module docstring.
    """
    lex = _lex(lexicon)
    pats = _compiled(side_terms)
    ctx = (pats, _compiled(attacks) if attacks else None, opponents,
           _compiled(victim_terms) if victim_terms else None)
    out: list[HarmMention] = []
    doc = _document(doc)
    for idx, s in enumerate(doc.sentences):
        norm = doc.normalized[s.start:s.end]
        if _might_have_harm(norm, lex):
            out.extend(_sentence_mentions(doc, idx, norm, lex, side_terms, ctx))
    return out


def _raw(s_text: str, sent: _Sent, span: tuple[int, int] | None) -> str | None:
    if not span:
        return None
    return s_text[sent.t[span[0]].start:sent.t[span[1] - 1].end]


def _sentence_mentions(doc: Document, idx: int, norm: str, lex: _Lexicon,
                       side_terms: Mapping[str, Sequence[str]] | None,
                       ctx: tuple) -> list[HarmMention]:
    """The harm mentions of sentence ``idx`` (``norm``: its normalised text; ``ctx``:
    the side-term matcher, the attack-name matcher, the opponents and the victim-term
    matcher)."""
    pats, attack_pats, opponents, victim_pats = ctx
    s = doc.sentences[idx]
    s_start, s_text = s.start, s.text
    sent = _Sent(norm, lex)
    hits = classify_sentence(sent)
    actors = find_actors(sent, pats, attack_pats, opponents) if side_terms else []
    decided: dict[int, Responsibility] = {}
    out: list[HarmMention] = []
    last_side: str | None = None
    for n, h in enumerate(hits):
        if not h.construction:
            continue
        resp = decided[n] = responsibility(sent, h, hits, actors, decided)
        trig_a, trig_b = sent.t[h.i].start, sent.t[h.j - 1].end
        agent = sent.span_text(*h.agent) if h.agent else None
        victims = sent.span_text(*h.victims) if h.victims else None
        if victims and h.construction == "nominal" and h.victims[1] <= h.i and \
                sent.low[h.j - 1] in lex.g["agentive_nouns"]:
            victims = None  # "the Hamas massacre": the premodifier did it (not victims)
        side, side_rule = explain_victim_side(victims, norm, agent, side_terms, lex,
                                              anchor=trig_a, _pats=pats,
                                              perpetrator_sides=resp.perpetrator_sides,
                                              opponents=opponents,
                                              doer_sides=_doer_sides(actors, h))
        # a harm noun that names its victims itself ("the release of hostages held in
        # Gaza") is read as its own victims phrase for the victim terms
        term_text = victims or (norm[trig_a:trig_b] if h.construction == "nominal" else None)
        if term_text and victim_pats is not None and side_rule != "side.victims_phrase":
            side, side_rule = _victim_term_side(term_text, victim_pats, side, side_rule)
        if victims and last_side not in (None, UNKNOWN) and _elliptical(victims, lex):
            # "Two Israeli soldiers were killed and four were wounded"
            side, side_rule = last_side, "side.previous_mention"
        last_side = side
        resp = _opponent_side(resp, side, side_rule, opponents, side_terms)
        resp = _not_own_side(resp, sent, side, side_rule, opponents)
        resp = decided[n] = source_claim(sent, h, actors, resp, side, side_rule, opponents)
        p = resp.perpetrator
        out.append(HarmMention(
            sentence=idx, start=s_start + trig_a, end=s_start + trig_b,
            trigger=s_text[trig_a:trig_b], harm_type=h.harm_type,
            construction=h.construction, agent=_raw(s_text, sent, h.agent),
            victims=_raw(s_text, sent, h.victims), victim_side=side, rule=h.rule,
            agent_rule=h.agent_rule if h.agent else None,
            perpetrator=_raw(s_text, sent, p),
            perpetrator_start=s_start + sent.t[p[0]].start if p else None,
            perpetrator_end=s_start + sent.t[p[1] - 1].end if p else None,
            perpetrator_side=_one_side(resp.perpetrator_sides),
            perpetrator_rule=resp.rule, cause=_raw(s_text, sent, resp.cause),
            victim_side_rule=side_rule))
    return out


def _victim_term_side(victims: str, victim_pats: SideTermMatcher, side: str,
                      side_rule: str | None) -> tuple[str, str | None]:
    """The one side whose victim terms (the codebook's ``victim_terms``) stand in the
    victims phrase ("about 50 of the hostages"): ``side.victim_term``; else the side
    already decided."""
    found = {x for _m, sides in victim_pats.matches(victims) for x in sides}
    if len(found) == 1:
        return next(iter(found)), "side.victim_term"
    return side, side_rule


def _doer_sides(actors: list, h) -> tuple[str, ...]:
    """Sides the sentence names as doers (an actor context of
    :data:`~.responsibility.ACTOR_CONTEXTS`) outside the mention's victims: "Hamas
    launched", "an attack by Hamas", "Israeli strikes"."""
    vic = range(*h.victims) if h.victims else range(0)
    return tuple(dict.fromkeys(
        side for x in actors if x.context in ACTOR_CONTEXTS and x.sides
        and not (vic and x.a < vic.stop and x.b > vic.start) for side in x.sides))


# victim-side rules whose side lets an actor without a side take its one opponent: the
# victims phrase first (over a side term elsewhere), then a place or people named in the
# sentence, the previous mention, or the source (when no side term is near the actor)
_OPPONENT_FROM = frozenset({"side.victims_phrase", "side.named_in_sentence",
                            "side.previous_mention", "side.source", "side.victim_term"})


def _opponent_side(resp: Responsibility, side: str, side_rule: str | None,
                   opponents: Mapping[str, Sequence[str]] | None,
                   side_terms: Mapping[str, Sequence[str]] | None) -> Responsibility:
    """An actor without a side ("the gunmen") harming victims named as one side: the
    perpetrator's side is that side's one opponent (``perpetrator.agent_opponent``)."""
    if resp.perpetrator is None or resp.perpetrator_sides:
        return resp
    linked = Responsibility(resp.perpetrator, resp.fallback_sides, "perpetrator.agent_linked",
                            resp.cause) if resp.fallback_sides else resp
    if side in (BOTH, UNKNOWN) or side_rule not in _OPPONENT_FROM or (
            side_rule != "side.victims_phrase" and resp.fallback_sides):
        return linked
    if opponents is None and side_terms and len(side_terms) == 2:
        opponents = {a: (b,) for a, b in zip(side_terms, reversed(list(side_terms)),
                                             strict=True)}
    opp = tuple((opponents or {}).get(side, ()))
    if len(opp) != 1:
        return linked
    return Responsibility(resp.perpetrator, opp, "perpetrator.agent_opponent", resp.cause)


# victim-side rules that read the victims' side off the victims phrase
_NAMED_VICTIMS = frozenset({"side.victims_phrase", "side.victim_term"})


def _not_own_side(resp: Responsibility, sent: _Sent, side: str, side_rule: str | None,
                  opponents: Mapping[str, Sequence[str]] | None) -> Responsibility:
    """An actor without a side linked to the victims' own side ("Israeli forces did not
    expect the assault by [gunmen] who ..., killing hundreds of Israelis") takes the
    victims' one opponent instead (``perpetrator.agent_opponent``): a party's armed
    actors harm its adversaries. Not for "it"/"they", whose antecedent is read."""
    if resp.rule != "perpetrator.agent_linked" or resp.perpetrator is None or \
            set(resp.perpetrator_sides) != {side} or side_rule not in _NAMED_VICTIMS:
        return resp
    if sent.low[resp.perpetrator[0]:resp.perpetrator[1]] in (["it"], ["they"]):
        return resp
    opp = tuple((opponents or {}).get(side, ()))
    if len(opp) != 1:
        return resp
    return Responsibility(resp.perpetrator, opp, "perpetrator.agent_opponent", resp.cause)


def _one_side(sides: Sequence[str]) -> str | None:
    if not sides:
        return None
    return sides[0] if len(set(sides)) == 1 else BOTH


def _elliptical(victims: str, lex: _Lexicon) -> bool:
    """A victims phrase of numbers and quantifiers only ("four", "dozens more")."""
    words = [w.lower() for w in _WORDS.findall(victims)]
    nums, ell = lex.g["number_words"], lex.g["elliptical_words"]
    return bool(words) and all(_is_number(w, nums) or w in ell for w in words)
