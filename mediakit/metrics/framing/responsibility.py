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

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...text.terms import SideTermMatcher
    from .tokens import _Sent
    from .triggers import _Hit, _Lexicon

#: How an actor is recognised in a sentence: context id -> what it matches.
ACTOR_CONTEXTS: dict[str, str] = {
    "modifier": "a side term before a cause or actor noun, possessive or not: Israeli "
                "strikes, Hamas gunmen, Israel's bombardment, the Hamas massacre",
    "by": "a side term or actor phrase after by or at the hands of: an attack by Hamas",
    "subject": "a side term or actor phrase before an action or harm verb (over a "
               "relative pronoun): when Hamas crossed into Israel, Israel has carried out "
               "strikes, Hamas, which stormed the town",
    "pronoun": "its, their or whose before a cause or actor noun, with the side of the "
               "nearest earlier side term that is an actor or a source: the Israeli "
               "military said its strikes killed",
    "with": "a side term or actor phrase after a conflict noun and with: killed in "
            "clashes with Israeli troops, killed in a battle with militants",
    "responsible": "a side term or actor phrase that claims or bears responsibility, is "
                   "responsible, or is blamed: Hamas claimed responsibility for killing, "
                   "Israel blames Hamas for the death toll",
    "attack": "the name of a side's attack (the codebook's sides.<side>.attacks) before a "
              "cause noun or after a cause noun or harm verb and on: the Oct. 7 attack, "
              "the rampage on Oct. 7, killed on Oct. 7",
}
# (A side term in none of these contexts is still an actor inside a mention's
# grammatical agent: "Israel killed", "Hamas's slaughter of".)

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
    "perpetrator.agent_opponent": "the agent is an actor without a side, and no other "
                                  "clause names one; its side is the one opponent of the "
                                  "victims' side: militants killed 1,200 Israelis",
    "perpetrator.shared": "a harm mention of the same event (coordinated or repeated) "
                          "names it: shot and killed by soldiers",
    "perpetrator.source_claim": "the agent is it/we, or a cause or actor without a side, "
                                "and the report's source is one side that names the "
                                "victims as its adversaries: the source did it (the "
                                "Israeli military said the airstrike killed militants; "
                                "the army said it killed a Hamas commander)",
    "perpetrator.attack_name": "no actor is named, but the harm's cause or time is an "
                               "attack the codebook names after its side: killed in the "
                               "Oct. 7 attacks, the rampage on Oct. 7",
}


@dataclass(frozen=True)
class Actor:
    """An actor named in a sentence: token span ``[a, b)``, its sides, its context."""

    a: int
    b: int
    sides: tuple[str, ...]
    context: str  # a key of ACTOR_CONTEXTS, or plain / place / source
    cause: tuple[int, int] | None = None  # the cause noun phrase it modifies


@dataclass(frozen=True)
class Responsibility:
    """The perpetrator and cause of one mention (token spans of the sentence)."""

    perpetrator: tuple[int, int] | None
    perpetrator_sides: tuple[str, ...]
    rule: str | None
    cause: tuple[int, int] | None
    # for an actor without a side: the sides of the nearest side term in no actor
    # context, used when the victims' opponent does not decide (perpetrator.agent_linked)
    fallback_sides: tuple[str, ...] = ()


@lru_cache(maxsize=8)
def _classes(lex: _Lexicon) -> dict[str, frozenset[str]]:
    """The word classes the rules join, joined once per lexicon."""
    g = lex.g
    return {
        "head_nouns": g["cause_nouns"] | g["actor_nouns"] | g["agentive_nouns"]
        | g["conflict_nouns"],
        "head_stop": (g["np_stop_prepositions"] | g["clause_words"] | g["be_forms"]
                      | g["have_forms"] | g["determiners"] | g["speech_words"]
                      | g["not_actor_after"] | {"and", "or", "of"}) - {"'s"},
        "actor_start_stop": g["determiners"] | g["locative_prepositions"] | g["clause_words"]
        | {"by", "and", "or"},
        "causes": g["cause_nouns"] | g["conflict_nouns"],
        "cause_stop": g["clause_words"] | {";", ":"},
        "cause_start_stop": g["np_stop_prepositions"] | {"of", "by"},
    }


def _tok_span(s: _Sent, starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Tokens covering the characters ``[start, end)`` (``starts``: token starts)."""
    a = bisect_right(starts, start) - 1
    if a < 0 or s.t[a].end <= start:
        a += 1
    if a >= s.n or s.t[a].start >= end:
        return None
    b = bisect_left(starts, end, lo=a)
    return a, b


def _head_noun(s: _Sent, k: int) -> int | None:
    """The last word of a cause or actor noun starting within six tokens of ``k``, the
    words between being modifiers ("Hamas' deadly incursion", "the Oct. 7 Hamas attack",
    "an Israeli arrest raid", "Israel's bombing campaign")."""
    c = _classes(s.lex)
    nouns, stop = c["head_nouns"], c["head_stop"]
    dates = 0  # the commas of a date, not counted ("Hamas's Oct. 7, 2023, attack")
    for n in range(8):
        if n - dates >= 6:
            return None
        w = s.w(k + n)
        if w in nouns and w not in stop:
            end = k + n
            while s.w(end + 1) in nouns or (s.w(end + 1) == "'s" and s.w(end + 2) in nouns):
                end += 1 + (s.w(end + 1) == "'s")
            return end
        if w == "," and n > 0 and s.num(s.w(k + n - 1)) and (
                s.w(k + n - 2) in (".", *_MONTHS) or len(s.w(k + n - 1)) == 4):
            dates += 1
            continue
        if not w or w in stop or w in s.lex.verb_forms or (
                s.is_punct(k + n) and w not in ("'s", "'", "-", ".")):
            return None
    return None


# month names and abbreviations, before the day of a date ("Oct. 7, attack")
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                     "oct", "nov", "dec", "january", "february", "march", "april", "june",
                     "july", "august", "september", "october", "november", "december"})


def find_actors(s: _Sent, matcher: SideTermMatcher,
                attacks: SideTermMatcher | None = None,
                opponents: Mapping[str, Sequence[str]] | None = None) -> list[Actor]:
    """The actors a sentence names: side terms in an actor context, and actor nouns
    after "by" or before an action verb (see :data:`ACTOR_CONTEXTS`). Side terms in no
    such context are returned too, with context ``plain`` (or ``place`` after a
    locative preposition), for the agent rule. ``attacks`` (side -> names of its
    attacks) adds the ``attack`` actors, in a sentence that names the attack's side or
    one of its ``opponents``."""
    g = s.g
    out: list[Actor] = []
    covered: set[int] = set()
    starts = [t.start for t in s.t]
    for m, sides in matcher.matches(s.text):
        span = _tok_span(s, starts, m.start, m.end)
        if span is None:
            continue
        actor = _side_actor(s, span, sides)
        if actor is not None:
            out.append(actor)
            covered.update(range(actor.a, actor.b))
    if attacks is not None and out:
        out.extend(_attack_actors(s, starts, attacks, out, opponents or {}))
    for k in range(s.n):
        if k in covered:
            continue
        if s.w(k) in ("its", "their", "whose") and _head_noun(s, k + 1) is not None:
            # "its strikes": the side of the nearest earlier side term in an actor
            # context, else not a place; "Hamas, whose attack": the term right before
            # (a source is a good antecedent: "the Israeli military said its strikes")
            before = [x for x in out if x.b <= k and x.sides and (
                x.context in ACTOR_CONTEXTS or x.context == "source")] \
                or [x for x in out if x.b <= k and x.sides and x.context == "plain"]
            if s.w(k) == "whose":
                before = [x for x in out if x.sides and x.b in (k, k - 1)] or before
            if before:
                end = _head_noun(s, k + 1) + 1
                out.append(Actor(k, k + 1, before[-1].sides, "pronoun", cause=(k, end)))
            continue
        if s.w(k) not in g["actor_nouns"]:
            continue
        start = k
        while start > 0 and not s.is_punct(start - 1) and s.w(start - 1) not in \
                _classes(s.lex)["actor_start_stop"] and k - start < 3:
            start -= 1
        end = k + 1
        while s.w(end) in g["actor_nouns"]:
            end += 1
        origin = _from_side(s, end, out)  # "fighters from Gaza"
        if origin is not None:
            end = origin.b
        ctx = _context_around(s, start, end) or _past_verb_after(s, end)
        if s.w(start - 1) in g["determiners"] and s.w(start - 1) != "'s":
            start -= 1  # "the paramilitary", as written
        if ctx in ("by", "subject", "with", "responsible"):
            # "by terrorist group Hamas": a side term in apposition gives the side
            appos = next((x for x in out if x.a == end and x.sides), None) or origin
            # "Hamas and other militants stormed": the side of the first conjunct
            conj = next((x for x in out if x.sides and x.b == start - 1
                         and s.w(start - 1) in ("and", "or")), None)
            # "the Hamas militant group": a side term inside the phrase
            inner = next((x for x in out if start <= x.a and x.b <= end and x.sides), None)
            sides = appos.sides if appos else conj.sides if conj else \
                inner.sides if inner else ()
            out.append(Actor(conj.a if conj else start, appos.b if appos else end, sides,
                             ctx))
            covered.update(range(start, end))
    out.sort(key=lambda x: x.a)
    return out


def _attack_actors(s: _Sent, starts: list[int], attacks: SideTermMatcher,
                   named: list[Actor], opponents: Mapping[str, Sequence[str]]) -> list[Actor]:
    """The ``attack`` actors: an attack's name right before a cause noun ("the Oct. 7
    attack", "Hamas' Oct. 7 assault") or after a cause noun or harm verb and "on" ("the
    rampage on Oct. 7", "killed on Oct. 7"), when the sentence names its side or one of
    that side's opponents (``named``: the side terms found)."""
    firsts = attacks.first_words()
    if firsts is not None and firsts.isdisjoint(s.low):
        return []  # no attack name can start here: skip the matcher
    seen = {x for a in named for x in a.sides}
    causes = _classes(s.lex)["causes"]
    out: list[Actor] = []
    for m, sides in attacks.matches(s.text):
        if not any(x in seen or seen & set(opponents.get(x, ())) for x in sides):
            continue
        span = _tok_span(s, starts, m.start, m.end)
        if span is None:
            continue
        a, b = span
        if _after_since(s, a):
            continue  # "killed since the Oct. 7 attack": a time, not the cause
        head = _head_noun(s, b)
        if head is not None and s.low[head] in causes:
            out.append(Actor(a, b, sides, "attack", cause=(a, head + 1)))
        elif s.w(a - 1) == "on" and (s.w(a - 2) in causes or s.w(a - 2) in s.lex.verb_forms):
            out.append(Actor(a, b, sides, "attack",
                             cause=(a - 2, b) if s.w(a - 2) in causes else None))
    return out


def _after_since(s: _Sent, a: int) -> bool:
    """Does "since" stand before token ``a``, over determiners and lower-case modifiers
    ("since the brutal Oct. 7 attack")?"""
    k = a - 1
    while k >= 0 and a - k <= 4 and (s.w(k) in s.g["determiners"] or (
            s.t[k].text.islower() and not s.is_punct(k) and s.w(k) != "since")):
        k -= 1
    return s.w(k) == "since"


def _from_side(s: _Sent, end: int, out: list[Actor]) -> Actor | None:
    """The side term of "from (the) X" or "of (the) X" right after an actor noun
    ("fighters from Gaza", "the government of Israel"): whose actors they are."""
    if s.w(end) not in ("from", "of"):
        return None  # "fighters from Gaza", "the government of Israel"
    k = end + 1 + (s.w(end + 1) == "the")
    return next((x for x in out if x.a == k and x.sides), None)


def _side_actor(s: _Sent, span: tuple[int, int], sides: tuple[str, ...]) -> Actor:
    g = s.g
    a, b = span
    place = _after_locative(s, a)
    nxt = s.w(b + 1) if s.w(b) == "-" else s.w(b)
    if (nxt in g["not_actor_after"] or nxt in g["speech_words"]) and \
            s.w(b + 1) != "responsibility":
        return Actor(a, b, sides, "place" if place else "source")
    head = _head_noun(s, b)
    if head is not None:
        if s.w(head + 1) in g["speech_words"]:
            return Actor(a, b, sides, "source")  # "the Israeli military said"
        if s.low[head] in g["actor_nouns"]:
            # "Hamas gunmen" is an actor by its context ("killed by Hamas gunmen", "Hamas
            # gunmen opened fire"), not alone ("clashes between Israeli troops and ...")
            return Actor(a, head + 1, sides, _context_around(s, a, head + 1)
                         or _past_verb_after(s, head + 1) or "plain")
        if s.low[head] in g["conflict_nouns"]:
            return Actor(a, b, sides, "plain")
        return Actor(a, b, sides, "modifier", cause=(a, head + 1))
    ctx = _context_around(s, a, b)
    relative = ctx == "subject" and s.w(b) == "," and s.w(b + 1) in ("which", "who")
    if ctx in ("by", "with") or (ctx in ("subject", "responsible") and not place) or \
            relative or (
            ctx == "responsible" and s.w(s.prev_word(a)) == "on"):  # "blame ... on Hamas"
        return Actor(a, b, sides, ctx)
    return Actor(a, b, sides, "place" if place else "plain")


def _past_verb_after(s: _Sent, b: int) -> str | None:
    """``subject`` when a past-tense verb follows an actor noun ("militants reduced the
    village", "gunmen broke in"); side terms alone need an action verb."""
    k = b + (s.w(b) in ("who", "that"))
    if s.w(k) in s.g["have_forms"]:
        k += 1
    w = s.w(k)
    ok = w.endswith("ed") and len(w) > 4 and w not in s.g["speech_words"] \
        and w not in s.g["ed_adjectives"]
    return "subject" if ok else None


def _after_locative(s: _Sent, a: int) -> bool:
    """Does a locative preposition stand before token ``a``, over at most two determiners
    or lower-case modifiers ("in southern Israel", "on the occupied West Bank")? "of"
    counts only right before the term ("the bombardment of Gaza", not "one of the
    reasons Hamas launched")."""
    g = s.g
    k = a - 1
    for n in range(3):
        w = s.w(k)
        if w in g["locative_prepositions"] and (w != "of" or n == 0):
            return True
        if k < 0 or s.is_punct(k) or not (w in g["determiners"] or s.t[k].text.islower()) \
                or w in s.lex.verb_forms or w in g["be_forms"] or w in g["have_forms"] \
                or w in _RELATIVES:  # "the attack in which Hamas killed": a clause
            return False
        k -= 1
    return False


#: Relative pronouns: after one, a term opens a clause ("in which Hamas killed"), it is
#: not the object of the preposition before.
_RELATIVES = frozenset({"which", "whom", "whose", "where", "when"})


def _context_around(s: _Sent, a: int, b: int) -> str | None:
    """``by`` or ``subject`` when the phrase ``[a, b)`` stands in one (else None)."""
    g = s.g
    p = s.prev_word(a)
    if s.w(p) == "the":
        p = s.prev_word(p)
    if s.w(p) == "of" and s.w(p - 1) == "hands":
        return "by"
    if s.w(p) == "with" and s.w(s.prev_word(p)) in g["engagement_nouns"]:
        return "with"
    if s.w(p) in _BLAME or (s.w(p) == "on" and any(
            s.w(q) in _BLAME for q in range(max(p - 8, 0), p))):
        # "Israel blames [Hamas] for the death toll", "blame civilian deaths on [Hamas]"
        return "responsible"
    if (s.w(p) == "to" and s.w(p - 1) == "due") or (s.w(p) == "of" and s.w(p - 1) in (
            "because", "result")):
        return "by"  # "patients die due to [Israeli forces]", "as a result of [Hamas]"
    if s.w(p) == "by":
        # the by-phrase of another participle is no perpetrator ("governed by Hamas",
        # "cited by Hamas", "referred to by Israel"); of a harm, cause or action verb
        # or a noun it is ("killed by", "caused by", "an attack by")
        if s.w(p - 1) in g["speech_words"]:
            return None  # "deaths reported by the Gaza Health Ministry": a source
        before = s.w(s.prev_word(p))
        if s.w(s.prev_word(p)) == "to":
            before = s.w(s.prev_word(s.prev_word(p)))
        participle = (before.endswith(("ed", "en")) and len(before) > 3) or \
            before in g["irregular_participles"]
        if participle and before not in s.lex.verb_forms and before not in \
                g["action_verbs"] and before not in g["cause_verbs"]:
            return None
        return "by"
    k = b + (s.w(b) in ("who", "that", "which"))  # "gunmen who stormed"
    if s.w(b) == "," and s.w(b + 1) in ("who", "which"):
        k = b + 2  # "Hamas, which stormed into Israel": the relative's subject
        # over a reporting clause: "Hamas, which Israeli authorities say killed"
        say = next((q for q in range(k + 1, min(k + 4, s.n))
                    if s.w(q) in g["speech_words"]), None)
        if say is not None and not any(s.is_punct(q) for q in range(k, say)):
            k = say + 1
    while k < s.n and (s.skippable(k) or s.w(k) in g["have_forms"] or s.w(k) in g["modals"]
                       or (s.w(k) in _GOING_ON and s.w(k + 1) == "to")):
        k += 1 + (s.w(k) in _GOING_ON)  # "Israel continues to strike"
    if k > b and s.w(k - 1) == "to" and s.w(k) not in g["action_verbs"] and \
            s.w(k) not in s.lex.verb_forms:
        return None
    w = s.w(k)
    if (w in _CLAIM and s.w(k + 1) == "responsibility") or (
            w in g["be_forms"] and s.w(k + 1) == "responsible"):
        return "responsible"  # "Hamas claimed responsibility for", "was responsible for"
    if w in g["action_verbs"] or (w in s.lex.verb_forms and s.w(k - 1) not in g["be_forms"]):
        return "subject"
    return None


# "[Hamas] claimed responsibility", "[Israel] bears responsibility"; "blamed [Hamas]"
_CLAIM = frozenset({"claimed", "claims", "claim", "claiming", "bore", "bears", "bear",
                    "took", "takes", "accepted", "accepts", "admitted", "admits"})
_BLAME = frozenset({"blamed", "blames", "blame", "blaming"})

# verbs of going on with an action: "Israel continues to strike", "kept firing"
_GOING_ON = frozenset({"continues", "continued", "continue", "keeps", "kept"})


def responsibility(s: _Sent, h: _Hit, hits: list[_Hit], actors: list[Actor],
                   shared: dict[int, Responsibility]) -> Responsibility:
    """The perpetrator and cause of the mention ``h`` (see :data:`PERPETRATOR_RULES`).

    ``shared`` maps the index in ``hits`` of each mention already decided to its
    result, for mentions of one event ("shot and killed").
    """
    g = s.g
    victims = set(range(*h.victims)) if h.victims else set()
    if h.construction == "nominal" and s.low[h.j - 1] in g["agentive_nouns"]:
        # "the Hamas massacre of ...": the premodifier is the perpetrator
        victims = {k for k in victims if k >= h.j}
    free = [x for x in actors if not victims & set(range(x.a, x.b))]
    pool = [x for x in free if x.context in ACTOR_CONTEXTS]
    cause = _cause(s, h)
    if h.agent:
        ag = set(range(*h.agent))
        inside = [x for x in free if ag & set(range(x.a, x.b)) and (
            x.context in ACTOR_CONTEXTS or _leads(s, x, h.agent))]
        with_side = [x for x in inside if x.sides and x.context != "source"]
        if with_side:
            return _found(with_side[0], "perpetrator.agent", cause)
        agent_words = s.low[h.agent[0]:h.agent[1]]
        if agent_words in (["it"], ["they"]):
            # "the Israeli army says it killed": the nearest earlier side term that is
            # not a place
            ante = [x for x in free if x.b <= h.agent[0] and x.sides and x.context != "place"]
            if ante:
                return Responsibility(h.agent, ante[-1].sides, "perpetrator.agent_linked",
                                      cause)
        if inside or any(w in g["actor_nouns"] for w in agent_words):
            linked = _nearest(s, pool, h, with_sides=True)
            if linked is not None:
                span = (inside[0].a, inside[0].b) if inside else h.agent
                return Responsibility(span, linked.sides, "perpetrator.agent_linked", cause)
            plain = _nearest(s, [x for x in free if x.context == "plain"], h, True)
            # the actor inside the agent ("a drone strike by [the paramilitary]"), else
            # the agent ("[the gunmen] killed")
            span = (inside[0].a, inside[0].b) if inside else h.agent
            return Responsibility(span, (), "perpetrator.agent", cause,
                                  plain.sides if plain else ())
    prior = _shared_event(s, h, hits, shared)
    if prior is not None and prior.perpetrator is not None:
        return Responsibility(prior.perpetrator, prior.perpetrator_sides,
                              "perpetrator.shared", cause or prior.cause)
    x = _nearest(s, pool, h, with_sides=False)
    if x is not None:
        rule = "perpetrator.attack_name" if x.context == "attack" else \
            "perpetrator.named_after" if x.a >= h.j else "perpetrator.named_before"
        return _found(x, rule, cause)
    return Responsibility(None, (), None, cause)


def _leads(s: _Sent, x: Actor, agent: tuple[int, int]) -> bool:
    """A plain side term is the agent when it opens the agent phrase and ends it or its
    first conjunct ("Hamas", "But Israel", "Hamas's", "Hamas and other groups")."""
    if x.context != "plain" or x.a - agent[0] > 1:
        return False
    return x.b >= agent[1] or s.w(x.b) in ("'s", "'", "and", ",", "-")


def _found(x: Actor, rule: str, cause: tuple[int, int] | None) -> Responsibility:
    return Responsibility((x.a, x.b), x.sides, rule, cause or x.cause)


def _nearest(s: _Sent, pool: list[Actor], h: _Hit, with_sides: bool) -> Actor | None:
    cands = [x for x in pool if (x.sides or not with_sides) and not _walled(s, x, h)]
    if not cands:
        return None
    return min(cands, key=lambda x: (min(abs(x.a - h.j), abs(h.i - x.b)), x.a))


# Punctuation and words that wall a clause off from the rest of its sentence: an actor
# beyond one is not taken as the perpetrator of a harm on the other side.
_WALLS = frozenset({";", ":", "(", ")"})


def _walled(s: _Sent, x: Actor, h: _Hit) -> bool:
    lo, hi = (x.b, h.i) if x.b <= h.i else (h.j, x.a)
    return any(w in _WALLS for w in s.low[lo:hi])


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
    c = _classes(s.lex)
    causes = c["causes"]
    if h.agent and any(w in causes for w in s.low[h.agent[0]:h.agent[1]]):
        return h.agent
    k = h.j
    stop = c["cause_stop"]
    while k < s.n and k - h.j < 12 and s.w(k) not in stop:
        if s.w(k) in causes and s.w(k) not in s.lex.verb_forms:
            a = k
            while a > h.j and not s.is_punct(a - 1) and s.w(a - 1) not in \
                    c["cause_start_stop"]:
                a -= 1
            end = k + 1
            while s.w(end) in causes:
                end += 1
            return (a, end)
        k += 1
    if k < s.n and k - h.j < 12 and s.w(k) in s.g["cause_clause_openers"]:
        return _clause_subject_cause(s, k + 1, causes)
    return None


def _clause_subject_cause(s: _Sent, a: int, causes: frozenset[str]) -> tuple[int, int] | None:
    """The cause heading the subject of the clause starting at token ``a`` ("when [an
    airstrike] hit", "after [Israeli shelling] struck"): a cause noun among its first
    four words, after only determiners, numbers and modifiers (no verb, no -ed or -ing
    word, no preposition, no punctuation: "after Israel imposed a siege", "as a result
    of fighting" and "when militants opened fire" give none)."""
    g = s.g
    for k in range(a, min(a + 4, s.n)):
        w = s.w(k)
        if w in causes:
            end = k + 1
            while s.w(end) in causes:
                end += 1
            return (a, end)
        if (s.is_punct(k) or w in s.lex.verb_forms or w in g["be_forms"]
                or w in g["np_stop_prepositions"] or w in ("of", "by")
                or (not s.t[k].text[:1].isupper() and w.endswith(("ed", "ing", "s"))
                    and w not in g["determiners"])):
            return None
    return None


def source_claim(s: _Sent, h: _Hit, actors: list[Actor], resp: Responsibility,
                 victim_side: str, victim_rule: str | None,
                 opponents: Mapping[str, Sequence[str]] | None) -> Responsibility:
    """``perpetrator.source_claim``: a side reporting that "it", or a cause or actor
    without a side, killed its adversaries claims the harm ("Israel says the strikes
    have killed many militants"; "the military said it killed a Hamas commander").

    The agent must be it/we/they or hold a cause or actor noun and no side; the source
    is the one side of the ``source`` actors ("Israel says", "the Israeli military
    said"), else, for an actor noun with no side before a speech word and "it" or "we"
    ("the army said it killed"), the one opponent of the victims' side. The victims
    must be the source's adversaries: ``hostile_actor_nouns`` (without its/their/our)
    or a victim side that is the source's opponent.
    """
    if resp.perpetrator_sides or not h.agent:
        return resp
    g = s.g
    words = s.low[h.agent[0]:h.agent[1]]
    if not (words in (["it"], ["we"], ["they"]) or any(
            w in g["cause_nouns"] or w in g["actor_nouns"] for w in words)):
        return resp
    opp = opponents or {}
    victims = s.low[h.victims[0]:h.victims[1]] if h.victims else []
    hostile = bool(set(victims) & g["hostile_actor_nouns"]) and not set(victims) & {
        "its", "their", "our"}
    src = {x for a in actors if a.context == "source" for x in a.sides}
    if not src and words in (["it"], ["we"]) and any(
            s.w(k) in g["speech_words"] and s.w(k - 1) in g["actor_nouns"]
            for k in range(1, h.agent[0])):
        # "the army said": the side whose adversaries the victims are
        cands = opp.get(victim_side, ()) if victim_rule is not None else ()
        src = set(cands) if len(cands) == 1 else set()
        hostile = hostile or bool(src)
    if len(src) != 1:
        return resp
    side = next(iter(src))
    if not (hostile or victim_side in opp.get(side, ())):
        return resp
    return Responsibility(h.agent, (side,), "perpetrator.source_claim", resp.cause)
