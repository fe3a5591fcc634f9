"""Classing a harm mention's construction: active, passive, nominal or intransitive.

:func:`classify_sentence` finds the triggers of one sentence (:mod:`.triggers`) and
classes each by the words around it; every decision is a rule of :data:`RULES`, and
the agent found with it (:mod:`.arguments`) a rule of :data:`AGENT_RULES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .arguments import (
    by_agent,
    coordinated_active,
    np_after,
    object_follows,
    possessor,
    subject_agent,
    subject_before,
)
from .triggers import find_triggers

if TYPE_CHECKING:
    from .tokens import _Sent
    from .triggers import _Hit

CONSTRUCTIONS = ("active_agent", "passive_agent", "passive_agentless", "nominal", "intransitive")

#: The rules that class a harm mention: rule id (``HarmMention.rule``) -> what it
#: matches. The family is how the trigger was found in the lexicon (``verb``: a
#: transitive, phrasal or hostage-taking verb; ``intransitive``; ``noun``;
#: ``adjective``: "dead", or "wounded/injured/displaced" after "the"); the rule decides
#: the construction (a passive rule gives ``passive_agent`` or ``passive_agentless`` as a
#: by-phrase is found or not). Documented with an example each in docs/metrics.md
#: (harm framing rule ids).
RULES: dict[str, str] = {
    "verb.passive_be": "a participle after a form of be or get: were killed (by ...)",
    "verb.active_perfect": "a participle after have: has killed",
    "verb.active_relative": "a past form after who/which/that: an attack that killed",
    "verb.active_pronoun_subject": "a past form right after a subject pronoun, with or "
                                   "without an object: the civilians it slaughtered on "
                                   "Oct. 7",
    "verb.participle_no_subject": "a participle at the sentence start or after a colon, "
                                  "bracket or preposition: killed by the hundreds",
    "verb.participle_after_determiner": "a participle after a determiner: the slain "
                                        "journalist",
    "verb.coordinated_passive": "a participle coordinated with an earlier passive harm "
                                "verb: were killed and wounded",
    "verb.active_past_object": "a past form with an object: an airstrike killed five "
                               "people",
    "verb.intransitive_use": "a verb the lexicon allows without an object (starve), with "
                             "none: children starved, are starving",
    "verb.causative_left": "a participle governed by left/leaving: the strike left five "
                           "wounded",
    "verb.reduced_passive": "any other participle: the children killed in the strike",
    "verb.gerund_noun": "an -ing form after a determiner or before of: the killing of",
    "verb.gerund_no_object": "an -ing form with no object and no be: the shooting "
                             "continued",
    "verb.active_ing": "an -ing form with an object or after be: ..., killing five",
    "verb.noun_form": "a base or -s form that is also a harm noun, with no verb marker "
                      "before it: gunshot wounds",
    "verb.active_finite": "any other finite form: strikes kill 20 people",
    "intransitive.passive_be": "an intransitive phrase whose verb is a participle, after "
                               "be: were starved to death",
    "intransitive.verb": "an intransitive verb or phrase: died, lost their lives",
    "noun.harm_noun": "a harm noun: deaths, the death toll, casualties",
    "adjective.left_dead": "left/leaving ... dead: the strike left 20 dead",
    "adjective.left_dead_passive": "be left ... dead: five were left dead",
    "adjective.be_dead": "dead after be: are dead",
    "adjective.the_dead": "dead as a noun: the dead, 20 dead",
    "adjective.noun_use": "wounded/injured/displaced after the, as a noun: the wounded "
                          "were taken to hospital",
    "adjective.modifier": "wounded/injured/displaced after the, before a noun: the "
                          "wounded children",
}

#: How the agent of a mention was found: rule id (``HarmMention.agent_rule``, None when
#: there is no agent) -> what it matches.
AGENT_RULES: dict[str, str] = {
    "agent.subject": "the noun phrase before the verbal group: Israeli strikes killed",
    "agent.main_clause_subject": "the main clause's subject, for a participial clause: "
                                 "Gunmen attacked the village, killing five",
    "agent.clause_subject": "the subject of the subordinate or relative clause right "
                            "before a participial clause: Israel struck back after gunmen "
                            "stormed the town, killing 40",
    "agent.coordinated_verb": "the agent of an active harm verb coordinated with this one: "
                              "the strike killed seven and wounded 19",
    "agent.by_phrase": "the noun phrase after by: killed by Israeli fire",
    "agent.at_the_hands_of": "the noun phrase after at the hands of",
    "agent.possessor": "the possessor of an agentive noun: Israel's killing of",
    "agent.cause_verb_subject": "the subject of a cause verb before a harm noun: the "
                                "shelling caused heavy casualties",
}


def classify_sentence(s: _Sent) -> list[_Hit]:
    """The harm triggers of one sentence, each classed, in text order.

    Classed in order, so that a verb can look at the mentions before it ("were killed
    and wounded"); a construction left empty means the trigger is not a mention of
    harm ("shot down" an aircraft). Harm nouns naming only the cause of a death found
    before them are dropped (:func:`_absorb`).
    """
    hits = find_triggers(s)
    for h in hits:
        classify(s, h, hits)
    return _absorb(s, hits)


def _absorb(s: _Sent, hits: list[_Hit]) -> list[_Hit]:
    """One mention per harm event: drop a harm noun that only states the cause of a
    death already found ("died of their wounds", "succumbed to his injuries"), an
    adjectival participle inside another mention's victims ("killed 20 displaced
    people"), and a manner verb coordinated with the harm verb after it ("shot and
    killed")."""
    kept = [h for h in hits if not _manner_of_next(s, h, hits)]
    out = []
    for h in kept:
        if _inside_victims(s, h, kept) or _apposed_toll(s, h, kept):
            continue
        if h.construction == "nominal":
            k = h.i - 1
            while k >= 0 and s.w(k) in ("his", "her", "their", "its", "the"):
                k -= 1
            if s.w(k) in ("of", "from", "to") and any(
                o.kind == "intransitive" and o.j == k for o in hits
            ):
                continue
        out.append(h)
    return out


def _inside_victims(s: _Sent, h: _Hit, hits: list[_Hit]) -> bool:
    if h.kind not in ("verb", "adj") or h.j - h.i != 1 or not h.construction:
        return False
    if not (h.rule in ("adjective.modifier", "verb.participle_after_determiner",
                       "verb.participle_no_subject", "verb.reduced_passive")
            or h.harm_type in ("displacement", "injury", "hunger")):
        return False
    # only a modifier of the other mention's own victims: no "and", "or" or comma
    # between them ("killed and wounded troops", "650 wounded patients and 5,000
    # displaced people" are two harms)
    if any(o is not h and o.construction and o.victims and
           o.victims[0] <= h.i < o.victims[1] and o.i < h.i and
           not {"and", "or", ","} & set(s.low[o.j:h.i]) for o in hits):
        return True
    # the modifier of the victims before another mention: "Sixty displaced
    # Palestinians were killed", "Displaced families were killed"
    opens = h.i == 0 or s.num(s.w(h.i - 1)) or s.w(h.i - 1) in s.g["determiners"]
    return h.harm_type == "displacement" and opens and any(
        o is not h and o.construction and o.victims and o.i > h.i and
        o.victims[0] == h.j for o in hits)


def _apposed_toll(s: _Sent, h: _Hit, hits: list[_Hit]) -> bool:
    """A death toll or "dead" in apposition to another death mention restates it
    ("killed 1,200 people, the highest death toll in decades"; "the death toll, 1,200
    dead, rose"): one event, one mention."""
    if h.construction != "nominal" or h.harm_type not in ("casualty_count", "death"):
        return False
    k = h.i - 1
    while k >= 0 and h.i - k <= 4 and not s.is_punct(k) and (
            s.w(k) in s.g["determiners"] or s.num(s.w(k)) or (
                s.t[k].text.islower() and s.w(k) not in s.lex.verb_forms
                and s.w(k) not in s.g["clause_words"]
                and s.w(k) not in ("and", "or", "but", "while"))):
        k -= 1
    if s.w(k) != ",":
        return False
    return any(o is not h and o.construction and o.i < h.i and o.harm_type in (
        "killing", "death", "casualty_count") and (
            (o.victims and o.victims[1] == k) or o.j == k) for o in hits)


def _manner_of_next(s: _Sent, h: _Hit, hits: list[_Hit]) -> bool:
    # "shot and killed", "stabbed and wounded": the manner of the harm named next
    if h.kind != "verb" or s.low[h.i] not in s.g["coordinated_manner_verbs"] or \
            h.harm_type != "injury" or s.w(h.j) != "and":
        return False
    return any(o.i == h.j + 1 and o.kind == "verb" and o.construction and
               o.harm_type in ("killing", "death", "injury") for o in hits)


def classify(s: _Sent, h: _Hit, hits: list[_Hit]) -> None:
    """Set the construction, rule, agent and victims of ``h`` (``hits``: the sentence's
    triggers, those before ``h`` already classed)."""
    if h.kind == "verb":
        _classify_verb(s, h, hits)
    elif h.kind == "intransitive":
        _classify_intransitive(s, h)
    elif h.kind == "noun":
        _classify_noun(s, h)
    else:
        _classify_adj(s, h)


def _passive(s: _Sent, h: _Hit, rule: str) -> None:
    ag = by_agent(s, h.j)
    h.construction = "passive_agent" if ag else "passive_agentless"
    h.rule = rule
    h.agent, h.agent_rule = ag if ag else (None, None)
    if h.victims is None:
        h.victims = subject_before(s, h.i)


def _active(s: _Sent, h: _Hit, hits: list[_Hit], object_ok: bool, rule: str) -> None:
    entry = h.entry or {}
    if entry.get("intransitive_use") and not object_ok:
        h.construction = "intransitive"
        h.rule = "verb.intransitive_use"
        h.victims = subject_before(s, h.i)
        return
    h.construction = "active_agent"
    h.rule = rule
    shared = coordinated_active(s, h, hits) if object_ok else None
    if shared is not None:
        # "The strike killed seven and wounded 19": both verbs have its subject.
        h.agent = shared.agent
        h.agent_rule = "agent.coordinated_verb" if shared.agent else None
    else:
        h.agent, h.agent_rule = subject_agent(s, h.i)
    if h.victims is None and object_ok:
        h.victims = np_after(s, s.next_word(h.j))


def _classify_verb(s: _Sent, h: _Hit, hits: list[_Hit]) -> None:
    """Class a verb trigger by its forms and the words around it: a participle (which
    may also be a simple past), an -ing form, or a base, -s or simple past form."""
    g = s.g
    forms = set(h.forms)
    p = s.prev_word(h.i)
    pw = s.w(p)
    has_object = object_follows(s, h.j) or h.victims is not None
    blockers = h.entry.get("object_blockers") if h.entry else None
    pforms = set(h.entry.get("particle_forms", ("base", "s", "past", "pp", "ing"))) \
        if h.entry else set()
    if h.entry and forms & pforms and s.w(h.j) in h.entry.get("particle_blockers", ()):
        h.construction = ""  # "shot down" (an aircraft), "shot at" (no hit)
        return None
    if "pp" in forms:
        return _classify_participle(s, h, hits, forms, p, has_object, blockers)
    if "ing" in forms:
        return _classify_ing(s, h, hits, pw, has_object, blockers)
    # base, s or simple past
    if forms & {"base", "s"} and s.low[h.i] in s.lex.nouns:
        if pw not in g["verb_markers"]:
            return _classify_noun(s, h, "verb.noun_form")
    if blockers and has_object and _object_blocked(s, h.j, blockers):
        h.construction = ""
        return None
    return _active(s, h, hits, has_object, "verb.active_finite")


_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})


def _classify_participle(s: _Sent, h: _Hit, hits: list[_Hit], forms: set[str], p: int,
                         has_object: bool, blockers: Sequence[str] | None) -> None:
    """A verb trigger that may be a past participle (``p``: the word before it)."""
    g = s.g
    pw = s.w(p)
    if pw in g["be_forms"] and not (pw == "'s" and _possessive_s(s, p)):
        return _passive(s, h, "verb.passive_be")
    if pw in g["have_forms"]:
        return _active(s, h, hits, has_object, "verb.active_perfect")
    if "past" in forms and pw in ("who", "which", "that"):
        # a relative clause: "an attack that killed 1,400 people"
        return _active(s, h, hits, has_object, "verb.active_relative")
    if (p < 0 or pw in (":", "(", "of", "in", "on", "for", "from", "with", "among",
                        "to", "into", "about")) and "ing" not in forms:
        # no subject before it: an adjectival participle ("displaced families",
        # "Palestinians in Gaza: killed by the hundreds")
        return _passive(s, h, "verb.participle_no_subject")
    if pw in g["determiners"] and "ing" not in forms:
        if pw == "the" and s.low[h.i] in s.lex.nominal_adjectives:
            return _classify_adj(s, h)  # "the wounded were taken to hospital"
        return _passive(s, h, "verb.participle_after_determiner")
    if pw in ("and", "or"):
        # "were killed and wounded", "shot and killed a teenager"
        prev = next((o for o in hits if o.j == p and o.kind == "verb"), None)
        if prev is not None and prev.construction.startswith("passive") and \
                not has_object:
            return _passive(s, h, "verb.coordinated_passive")
    if "past" in forms and pw in _SUBJECT_PRONOUNS:
        # "the civilians it slaughtered on Oct. 7": a subject, so active; the pronoun
        # is the agent
        _active(s, h, hits, has_object, "verb.active_pronoun_subject")
        if h.construction == "active_agent":
            h.agent, h.agent_rule = (p, p + 1), "agent.subject"
        return None
    if "past" in forms and has_object:
        if blockers and _object_blocked(s, h.j, blockers):
            h.construction = ""
            return None
        return _active(s, h, hits, True, "verb.active_past_object")
    if h.entry.get("intransitive_use") and "past" in forms and pw not in \
            g["determiners"] and subject_before(s, h.i) is not None and \
            s.w(h.j) not in ("by",):
        # "children starved": intransitive use of starve
        h.construction = "intransitive"
        h.rule = "verb.intransitive_use"
        h.victims = subject_before(s, h.i)
        return None
    causer = _causative_left(s, h.i)
    if causer is not None:
        # "the strike left five dead and dozens wounded": the subject of
        # "left" did it
        h.construction = "active_agent"
        h.rule = "verb.causative_left"
        h.victims = (causer + 1, h.i) if causer + 1 < h.i else None
        h.agent, h.agent_rule = subject_agent(s, causer)
        return None
    return _passive(s, h, "verb.reduced_passive")


def _classify_ing(s: _Sent, h: _Hit, hits: list[_Hit], pw: str, has_object: bool,
                  blockers: Sequence[str] | None) -> None:
    """A verb trigger in its -ing form (``pw``: the word before it)."""
    g = s.g
    if pw in g["determiners"] or s.w(h.j) == "of":
        return _classify_noun(s, h, "verb.gerund_noun")
    if blockers and has_object and _object_blocked(s, h.j, blockers):
        h.construction = ""  # "shooting a video"
        return None
    if not has_object and pw not in g["be_forms"] and not h.entry.get(
            "intransitive_use"):
        # "the killing continued", "a mass shooting"
        return _classify_noun(s, h, "verb.gerund_no_object")
    return _active(s, h, hits, has_object, "verb.active_ing")


def _causative_left(s: _Sent, i: int) -> int | None:
    """Index of an active "left/leaving" governing the participle at ``i``."""
    for k in range(i - 1, max(-1, i - 8), -1):
        if s.is_punct(k):
            return None
        if s.w(k) in ("left", "leave", "leaves", "leaving"):
            kp = s.prev_word(k)
            return None if s.w(kp) in s.g["be_forms"] else k
    return None


def _possessive_s(s: _Sent, p: int) -> bool:
    # "Israel's killing": "'s" after a capitalised name is a possessive, not "is"
    return p > 0 and s.t[p - 1].text[:1].isupper() and s.w(p - 1) not in (
        "he", "she", "it", "that", "there", "who", "what")


def _object_blocked(s: _Sent, j: int, blockers: Sequence[str]) -> bool:
    span = np_after(s, s.next_word(j))
    if span is None:
        return False
    return any(w in blockers for w in s.low[span[0]:span[1]])


def _classify_intransitive(s: _Sent, h: _Hit) -> None:
    # "were starved to death": a passive of the transitive verb
    first = s.low[h.i]
    p = s.prev_word(h.i)
    if first in s.lex.verb_forms and s.w(p) in s.g["be_forms"] and \
            any(f == "pp" for _l, f, _e in s.lex.verb_forms[first]):
        return _passive(s, h, "intransitive.passive_be")
    h.construction = "intransitive"
    h.rule = "intransitive.verb"
    h.victims = subject_before(s, h.i)
    return None


def _classify_noun(s: _Sent, h: _Hit, rule: str = "noun.harm_noun") -> None:
    g = s.g
    h.construction = "nominal"
    h.rule = rule
    head = s.low[h.j - 1]
    # premodifiers: up to three words back, stopping at determiners and verbs
    k = h.i - 1
    a = h.i
    while k >= 0 and h.i - k <= 3:
        w = s.w(k)
        if s.is_punct(k) and w != "'s":
            break
        if w == "'s":
            # possessor: perpetrator for agentive nouns, victims for the rest
            poss = possessor(s, k)
            if poss is not None:
                if head in g["agentive_nouns"]:
                    h.agent, h.agent_rule = poss, "agent.possessor"
                else:
                    a = poss[0]
            break
        if w in g["cause_verbs"] or w in g["suffer_verbs"]:
            # "the shelling caused heavy casualties": the subject is the agent;
            # "Israel suffered heavy casualties": the subject holds the victims.
            subj = subject_before(s, k)
            if subj is not None:
                if w in g["cause_verbs"]:
                    h.agent, h.agent_rule = subj, "agent.cause_verb_subject"
                else:
                    a = subj[0]
            break
        if w in g["determiners"] or w in g["clause_words"] or w in g["be_forms"] or \
                w in g["have_forms"] or w in g["np_stop_prepositions"] or w == "of" or \
                w in g["non_object"] or (w.endswith("ed") and len(w) > 4):
            break
        a = k
        k -= 1
    pre = (a, h.i) if a < h.i else None
    post = None
    nxt = s.w(h.j)
    if nxt in ("of", "among"):
        post = np_after(s, h.j + 1)
    elif nxt == "in" and h.harm_type in g["locative_victim_types"]:
        post = np_after(s, h.j + 1)
    if post and head in g["agentive_nouns"]:
        # "the Hamas massacre of villagers": the premodifier did it, "of" names victims
        h.victims = post
    elif pre and post:
        h.victims = (pre[0], post[1])
    else:
        h.victims = pre or post
    if h.agent is None:
        # "killings by settlers", "deaths caused by strikes"
        k = h.j
        if s.w(k) in ("caused", "inflicted", "carried", "committed", "perpetrated",
                      "held", "taken", "kidnapped", "abducted", "seized"):
            k += 1 + (s.w(k + 1) == "out")
        if s.w(k) == "by":
            ag = by_agent(s, k)
            if ag:
                h.agent, h.agent_rule = ag
    return None


def _classify_adj(s: _Sent, h: _Hit) -> None:
    g = s.g
    w = s.low[h.i]
    p = s.prev_word(h.i)
    pw = s.w(p)
    nxt = s.w(h.j)
    if w == "dead":
        # "left 20 dead" / "leaving five dead": causative with the subject as agent
        for k in range(h.i - 1, max(-1, h.i - 6), -1):
            if s.w(k) in ("left", "leave", "leaves", "leaving"):
                kp = s.prev_word(k)
                if s.w(kp) in g["be_forms"]:
                    h.victims = subject_before(s, kp + 1)
                    h.construction = "passive_agentless"
                    h.rule = "adjective.left_dead_passive"
                    return
                h.victims = (k + 1, h.i) if k + 1 < h.i else None
                h.construction = "active_agent"
                h.rule = "adjective.left_dead"
                h.agent, h.agent_rule = subject_agent(s, k)
                return
            if s.is_punct(k):
                break
        if pw in g["be_forms"]:
            h.construction = "intransitive"  # "are dead", "was found dead"
            h.rule = "adjective.be_dead"
            h.victims = subject_before(s, h.i)
            return
        h.construction = "nominal"  # "the dead", "20 dead"
        h.rule = "adjective.the_dead"
        if s.num(pw) or pw in ("least", "more", "dozens", "hundreds"):
            h.victims = subject_before(s, h.i)
        return
    # wounded / injured / displaced / starving
    noun_use = pw in ("the",) and (nxt in g["be_forms"] or nxt in g["have_forms"] or
                                   nxt in g["non_object"] or s.is_punct(h.j) or
                                   h.j >= s.n or nxt in ("who", "and"))
    if noun_use:
        h.construction = "nominal"
        h.rule = "adjective.noun_use"
        return
    h.construction = "intransitive" if w == "starving" else "passive_agentless"
    h.rule = "adjective.modifier"
    h.victims = (h.j, np_after(s, h.j)[1]) if np_after(s, h.j) else None
