"""Responsibility: who a sentence names as causing a harm, and with what.

The construction (:mod:`.constructions`) is grammar; the published studies of war
coverage (Jackson 2024; The Breach 2023) ask instead whether the sentence *identifies*
who caused the harm, wherever it does so: the grammatical agent, a by-phrase, an event
named after its actor ("died in the Hamas attack"), a possessive or modifier of the cause
("Israel's bombardment has killed"), a linked or temporal clause ("killed when gunmen
stormed the village"). This module finds, in one tokenised sentence, the **actors** (side
terms and actor nouns in the contexts of :data:`ACTOR_CONTEXTS`), then for each harm
mention its ``perpetrator`` (an actor, by a rule of :data:`PERPETRATOR_RULES`) and its
``cause`` (the event or weapon, with or without an actor). Word classes are in the
``grammar`` section of the harm lexicon (``actor_nouns``, ``cause_nouns``,
``action_verbs``, ``locative_prepositions``, ``not_actor_after``).

References
----------
Jackson, H. (2024). casualty_mentions_nyt. GitHub: hollyjackson/casualty_mentions_nyt.
The Breach (2023, December). Palestinian deaths in Canadian newspapers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...codebook import SideTermMatcher
    from .tokens import _Sent
    from .triggers import _Hit

#: How an actor is recognised in a sentence: context id -> what it matches.
ACTOR_CONTEXTS: dict[str, str] = {
    "modifier": "a side term before a cause or actor noun, possessive or not: Israeli "
                "strikes, Hamas gunmen, Israel's bombardment, the Hamas massacre",
    "by": "a side term or actor phrase after by or at the hands of: an attack by Hamas",
    "subject": "a side term or actor phrase before an action or harm verb: when Hamas "
               "crossed into Israel, Israel has carried out strikes",
    "agent": "a side term or actor noun inside the mention's grammatical agent: Israel "
             "killed, the gunmen killed",
}

#: How a mention's perpetrator was found: rule id (``HarmMention.perpetrator_rule``) ->
#: what it matches. Documented with an example each in docs/metrics.md.
PERPETRATOR_RULES: dict[str, str] = {
    "perpetrator.agent": "the grammatical agent is or names an actor: Hamas killed, killed "
                         "by Israeli forces, Israeli airstrikes have killed",
    "perpetrator.agent_linked": "the agent is an actor without a side; the side comes from "
                                "the actor another clause names: a Hamas raid in which "
                                "gunmen killed 1,200",
    "perpetrator.named_after": "an actor named after the trigger, in the cause of the harm: "
                               "died in the Hamas attack, killed in Israeli bombardment",
    "perpetrator.named_before": "an actor named before the trigger, in a linked, relative "
                                 "or main clause: the Hamas assault, in which 1,200 were "
                                 "killed; Israel invaded Gaza, killing 1,300",
    "perpetrator.shared": "a harm mention of the same event (coordinated or repeated) "
                          "names it: shot and killed by soldiers",
}


@dataclass(frozen=True)
class Actor:
    """An actor named in a sentence: token span ``[a, b)``, its sides, its context."""

    a: int
    b: int
    sides: tuple[str, ...]
    context: str  # a key of ACTOR_CONTEXTS
    cause: tuple[int, int] | None = None  # the cause noun phrase it modifies


@dataclass(frozen=True)
class Responsibility:
    """The perpetrator and cause of one mention (token spans of the sentence)."""

    perpetrator: tuple[int, int] | None
    perpetrator_sides: tuple[str, ...]
    rule: str | None
    cause: tuple[int, int] | None


def _tok_span(s: _Sent, start: int, end: int) -> tuple[int, int] | None:
    a = next((k for k in range(s.n) if s.t[k].end > start), None)
    if a is None or s.t[a].start >= end:
        return None
    b = a
    while b < s.n and s.t[b].start < end:
        b += 1
    return a, b


def _skip_modifiers(s: _Sent, k: int) -> int:
    """Past the words that may stand between an actor word and its noun ("Hamas' deadly
    incursion", "the Oct. 7 Hamas attack", "Israel's bombing campaign")."""
    g = s.g
    n = 0
    while k < s.n and n < 3:
        w = s.w(k)
        if w in ("'s", "'", "-", "s") or (w.endswith(("ly", "y", "al", "ive", "ing", "ous"))
                                          and w not in g["cause_nouns"]
                                          and w not in g["actor_nouns"]
                                          and w not in s.lex.verb_forms):
            k += 1
            n += 1
            continue
        break
    return k


def _noun_after(s: _Sent, k: int, nouns: frozenset[str]) -> int | None:
    """Index of the last word of a run of ``nouns`` starting at ``k`` (or None)."""
    if s.w(k) not in nouns:
        return None
    while s.w(k + 1) in nouns or (s.w(k + 1) == "'s" and s.w(k + 2) in nouns):
        k += 1 + (s.w(k + 1) == "'s")
    return k


def find_actors(s: _Sent, matcher: SideTermMatcher) -> list[Actor]:
    """The actors a sentence names: side terms in an actor context, and actor nouns
    after "by" or before an action verb (see :data:`ACTOR_CONTEXTS`)."""
    g = s.g
    out: list[Actor] = []
    covered: set[int] = set()
    for m, sides in matcher.matches(s.text):
        span = _tok_span(s, m.start, m.end)
        if span is None:
            continue
        actor = _side_actor(s, span, sides)
        if actor is not None:
            out.append(actor)
            covered.update(range(actor.a, actor.b))
    for k in range(s.n):
        if k in covered or s.w(k) not in g["actor_nouns"]:
            continue
        start = k
        while start > 0 and not s.is_punct(start - 1) and s.w(start - 1) not in (
                g["determiners"] | g["locative_prepositions"] | g["clause_words"]
                | {"by", "and", "or"}) and k - start < 3:
            start -= 1
        end = _noun_after(s, k, g["actor_nouns"]) + 1
        ctx = _context_around(s, start, end)
        if ctx in ("by", "subject"):
            out.append(Actor(start, end, (), ctx))
            covered.update(range(start, end))
    out.sort(key=lambda x: x.a)
    return out


def _side_actor(s: _Sent, span: tuple[int, int], sides: tuple[str, ...]) -> Actor | None:
    g = s.g
    a, b = span
    nxt = s.w(b + 1) if s.w(b) == "-" else s.w(b)
    if nxt in g["not_actor_after"] or nxt in g["speech_words"]:
        return None
    k = _skip_modifiers(s, b)
    head = _noun_after(s, k, g["cause_nouns"] | g["actor_nouns"] | g["agentive_nouns"]
                       | g["perpetrator_nouns"])
    if head is not None:
        if s.w(head + 1) in g["speech_words"]:
            return None  # "the Israeli military said"
        if s.low[head] in g["actor_nouns"] or s.low[k] in g["actor_nouns"]:
            return Actor(a, head + 1, sides, _context_around(s, a, head + 1) or "modifier")
        return Actor(a, b, sides, "modifier", cause=(a, head + 1))
    ctx = _context_around(s, a, b)
    prev = s.w(s.prev_word(a))
    if ctx is None or (prev in g["locative_prepositions"] and ctx != "by"):
        return None
    return Actor(a, b, sides, ctx)


def _context_around(s: _Sent, a: int, b: int) -> str | None:
    """``by`` or ``subject`` when the phrase ``[a, b)`` stands in one (else None)."""
    g = s.g
    p = s.prev_word(a)
    if s.w(p) == "the":
        p = s.prev_word(p)
    if s.w(p) == "by" or (s.w(p) == "of" and s.w(p - 1) == "hands"):
        return "by"
    k = b
    while k < s.n and (s.skippable(k) or s.w(k) in g["have_forms"] or s.w(k) in g["modals"]):
        k += 1
    w = s.w(k)
    if w in g["action_verbs"] or (w in s.lex.verb_forms and s.w(k - 1) not in g["be_forms"]):
        return "subject"
    return None


def responsibility(s: _Sent, h: _Hit, hits: list[_Hit], actors: list[Actor],
                   shared: dict[int, Responsibility]) -> Responsibility:
    """The perpetrator and cause of the mention ``h`` (see :data:`PERPETRATOR_RULES`).

    ``shared`` maps the index in ``hits`` of each mention already decided to its
    result, for mentions of one event ("shot and killed").
    """
    g = s.g
    victims = set(range(*h.victims)) if h.victims else set()
    pool = [x for x in actors if not victims & set(range(x.a, x.b))]
    cause = _cause(s, h)
    if h.agent:
        ag = set(range(*h.agent))
        inside = [x for x in pool if ag & set(range(x.a, x.b))]
        with_side = [x for x in inside if x.sides]
        if with_side:
            return _found(with_side[0], "perpetrator.agent", cause)
        agent_words = s.low[h.agent[0]:h.agent[1]]
        if inside or any(w in g["actor_nouns"] for w in agent_words):
            linked = _nearest(pool, h, with_sides=True)
            if linked is not None:
                return Responsibility(h.agent, linked.sides, "perpetrator.agent_linked",
                                      cause)
            return Responsibility(h.agent, (), "perpetrator.agent", cause)
    prior = _shared_event(s, h, hits, shared)
    if prior is not None and prior.perpetrator is not None:
        return Responsibility(prior.perpetrator, prior.perpetrator_sides,
                              "perpetrator.shared", cause or prior.cause)
    x = _nearest(pool, h, with_sides=False)
    if x is not None:
        rule = "perpetrator.named_after" if x.a >= h.j else "perpetrator.named_before"
        return _found(x, rule, cause)
    return Responsibility(None, (), None, cause)


def _found(x: Actor, rule: str, cause: tuple[int, int] | None) -> Responsibility:
    return Responsibility((x.a, x.b), x.sides, rule, cause or x.cause)


def _nearest(pool: list[Actor], h: _Hit, with_sides: bool) -> Actor | None:
    cands = [x for x in pool if x.sides or not with_sides]
    if not cands:
        return None
    return min(cands, key=lambda x: (min(abs(x.a - h.j), abs(h.i - x.b)), x.a))


def _shared_event(s: _Sent, h: _Hit, hits: list[_Hit],
                  shared: dict[int, Responsibility]) -> Responsibility | None:
    """The result of an earlier mention coordinated with ``h`` ("killed and wounded",
    "shot and killed"): only "and/or" or a comma stands between them."""
    for idx, o in enumerate(hits):
        if o is h or o.j > h.i or idx not in shared:
            continue
        between = s.low[o.j:h.i]
        if between and all(w in ("and", "or", ",") or s.num(w) for w in between) and \
                len(between) <= 3:
            return shared[idx]
    return None


def _cause(s: _Sent, h: _Hit) -> tuple[int, int] | None:
    """The event or weapon of the harm: the agent phrase when a cause noun heads it, or
    a phrase after the trigger ("in an airstrike", "from the blast")."""
    g = s.g
    if h.agent and any(w in g["cause_nouns"] for w in s.low[h.agent[0]:h.agent[1]]):
        return h.agent
    k = h.j
    stop = g["clause_words"] | {";", ":"}
    while k < s.n and k - h.j < 12 and s.w(k) not in stop:
        if s.w(k) in g["cause_nouns"] and s.w(k) not in s.lex.verb_forms:
            a = k
            while a > h.j and not s.is_punct(a - 1) and s.w(a - 1) not in (
                    g["np_stop_prepositions"] | {"of", "by"}):
                a -= 1
            end = _noun_after(s, k, g["cause_nouns"]) + 1
            return (a, end)
        k += 1
    return None
