"""Classing a harm mention's construction: rules over the tokens around its trigger.

:class:`_Sent` finds the triggers of one sentence with the lexicon, classes each as
active, passive, nominal or intransitive (:data:`RULES`) and finds its agent
(:data:`AGENT_RULES`) and victims phrases.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .tokens import _is_number, _is_word, _tokenize
from .triggers import _Lexicon

CONSTRUCTIONS = ("active_agent", "passive_agent", "passive_agentless", "nominal", "intransitive")
# Words that open a parenthetical between a subject and its verb ("The missile, fired
# from ..., killed"; "Hamas, which controls Gaza, breached"; "gunmen from Hamas, the
# faction that governs Gaza, had killed"; "a strike on a home, near the crossing, had").
_PARENTHETICAL_OPENERS = frozenset({
    "which", "who", "whose", "the", "a", "an", "its", "his", "her", "their",
    "near", "in", "on", "at", "from", "with", "after", "before", "during", "along",
})

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
    "agent.coordinated_verb": "the agent of an active harm verb coordinated with this one: "
                              "the strike killed seven and wounded 19",
    "agent.by_phrase": "the noun phrase after by: killed by Israeli fire",
    "agent.at_the_hands_of": "the noun phrase after at the hands of",
    "agent.possessor": "the possessor of an agentive noun: Israel's killing of",
    "agent.cause_verb_subject": "the subject of a cause verb before a harm noun: the "
                                "shelling caused heavy casualties",
}


@dataclass
class _Hit:
    i: int  # first token
    j: int  # one past last token
    kind: str  # verb | intransitive | noun | adj
    harm_type: str
    forms: tuple[str, ...] = ()  # verb forms the trigger token may have
    entry: Mapping[str, Any] = field(default_factory=dict)
    construction: str = ""
    agent: tuple[int, int] | None = None
    victims: tuple[int, int] | None = None
    rule: str = ""  # a key of RULES, set with the construction
    agent_rule: str | None = None  # a key of AGENT_RULES, set with the agent


class _Sent:
    """Rules over one tokenised sentence."""

    def __init__(self, text: str, lex: _Lexicon) -> None:
        self.text = text
        self.t = _tokenize(text)
        self.low = [x.low for x in self.t]
        self.n = len(self.t)
        self.lex = lex
        self.g = lex.g
        self.hits: list[_Hit] = []  # set by find()

    # -- helpers ------------------------------------------------------------

    def num(self, low: str) -> bool:
        return _is_number(low, self.g["number_words"])

    def w(self, k: int) -> str:
        return self.low[k] if 0 <= k < self.n else ""

    def _skippable(self, k: int) -> bool:
        w = self.w(k)
        if w in self.g["skippable"]:
            return True
        # -ly adverbs, but not the quantity adverbs that start an object
        return w.endswith("ly") and len(w) > 4 and w not in self.g["quantity_adverbs"]

    def prev_word(self, i: int) -> int:
        k = i - 1
        while k >= 0 and self._skippable(k):
            k -= 1
        return k

    def next_word(self, j: int) -> int:
        k = j
        while k < self.n and self._skippable(k):
            k += 1
        return k

    def is_punct(self, k: int) -> bool:
        return 0 <= k < self.n and not _is_word(self.t[k])

    def span_text(self, a: int, b: int) -> str | None:
        if a >= b:
            return None
        return self.text[self.t[a].start:self.t[b - 1].end]

    def object_follows(self, j: int) -> bool:
        """Does a noun phrase (an object) start at token ``j``?"""
        k = self.next_word(j)
        if k >= self.n or self.is_punct(k):
            return False
        w = self.w(k)
        if w in ("and", "or") and (self._transitive_form(k + 1) or (
                self.w(k + 1).endswith("ed") and len(self.w(k + 1)) > 4)):
            # "killed and wounded dozens", "killed and captured soldiers"
            return self.object_follows(k + 2)
        qa = self.lex.quantity_after.get(w)
        if qa is not None:
            nxt = self.w(k + 1)
            if "#num" in qa:
                return self.num(nxt) or nxt in ("a", "an")
            if "#notime" in qa:
                return nxt not in self.g["time_nouns"]
            return nxt in qa
        if w in self.g["non_object"]:
            return False
        return True

    def _participle(self, k: int) -> bool:
        w = self.w(k)
        return w in self.lex.verb_forms or w in self.g["irregular_participles"] or (
            w.endswith("ed") and len(w) > 4)

    def _transitive_form(self, k: int) -> bool:
        return self.w(k) in self.lex.verb_forms

    # -- agents and victims ---------------------------------------------------

    def subject_before(self, i: int) -> tuple[int, int] | None:
        """Noun phrase before token ``i`` (the start of the verbal group)."""
        g = self.g
        k = i - 1
        # skip auxiliaries, modals and adverbs of the verbal group
        while k >= 0 and (
            self._skippable(k) or self.w(k) in g["be_forms"] or self.w(k) in g["have_forms"]
            or self.w(k) in g["modals"]
        ):
            k -= 1
        # "shot and killed": skip the coordinated manner verb
        if self.w(k) in ("and", "or") and self.w(k - 1) in g["coordinated_manner_verbs"]:
            k -= 2
        if self.w(k) == "," and not self.w(i).endswith("ing"):
            # "The missile, fired from across the river, killed seven": the subject of a
            # finite verb stands before a parenthetical set off by commas. (", killing
            # five" is a participial clause instead: see lede_subject.)
            opening = self._parenthetical_start(k)
            if opening is not None:
                return self.subject_before(opening)
        end = k + 1
        start = end
        used_relative = False
        while k >= 0 and end - k <= 12:
            w = self.w(k)
            if w in ("who", "which", "that") and not used_relative:
                # "those who died", "gunmen who killed": take the antecedent instead
                used_relative = True
                if start == end:
                    end = k
                    start = k
                    k -= 1
                    continue
                break
            if w == "'s":
                start = k
                k -= 1
                continue
            if self.is_punct(k):
                if w == "," and start < end and all(self.num(x) for x in self.low[start:end]):
                    # ", 19," an age in apposition: skip it
                    end = k
                    start = k
                    k -= 1
                    continue
                if w in ("'",) or (w == "-" and 0 < k):
                    start = k
                    k -= 1
                    continue
                break
            if w in g["clause_words"] or w in g["be_forms"] or w in g["have_forms"]:
                break
            if w in self.lex.verb_forms or w in self.lex.intransitive:
                break  # "were killed and four were wounded": stop at the other verb
            start = k
            k -= 1
        while start < end and self.w(start) in ("and", "or", "but", "then"):
            start += 1
        if start >= end:
            return None
        return (start, end)

    def _parenthetical_start(self, close: int) -> int | None:
        """The comma opening a parenthetical that ends with the comma at ``close``.

        None unless the stretch between is short (at most 20 tokens), holds no other
        punctuation but hyphens, apostrophes and the full stops of abbreviations ("9
        a.m."; the rules see one sentence at a time), starts as a parenthetical does (a
        relative pronoun, a participle, a determiner or a preposition: "which hit",
        "fired from", "the group that", "near the border"), and a word stands before the
        opening comma.
        """
        for k in range(close - 1, max(close - 21, 0), -1):
            w = self.w(k)
            if w == ",":
                first = self.w(k + 1)
                opens = (first in _PARENTHETICAL_OPENERS
                         or (first.endswith(("ed", "en")) and len(first) > 3))
                ok = k > 0 and not self.is_punct(k - 1) and k + 1 < close and opens
                return k if ok else None
            if self.is_punct(k) and w not in ("-", "'", "."):
                return None
        return None

    def np_after(self, j: int, allow: tuple[str, ...] = ("of",)) -> tuple[int, int] | None:
        """Noun phrase starting at token ``j``."""
        g = self.g
        k = j
        while k < self.n and k - j < 10:
            w = self.w(k)
            if self.is_punct(k) and w != "'s":
                break
            if w in allow:
                k += 1
                continue
            if k > j and w.endswith("ed") and len(w) > 4 and "-" not in w and \
                    w not in g["ed_adjectives"]:
                break  # a verb: "the killings by settlers continued"
            if k > j and (w in g["np_stop_prepositions"] or w in g["clause_words"]
                          or w in g["be_forms"] or w in g["have_forms"] or w in ("and", "or")
                          and k + 1 < self.n and self._transitive_form(k + 1)):
                # "at least": keep going
                if w == "at" and self.w(k + 1) in ("least", "most"):
                    k += 2
                    continue
                break
            k += 1
        if k <= j:
            return None
        return (j, k)

    def by_agent(self, j: int) -> tuple[tuple[int, int], str] | None:
        """A by-phrase (or "at the hands of") after token ``j``, within the clause, and
        its agent rule."""
        g = self.g
        k = j
        while k < self.n and k - j <= 10:
            w = self.w(k)
            if (w in ("and", "or") and self._participle(k + 1)) or (
                    w == "," and self.w(k + 1) in self.lex.verb_forms):
                # coordinated participles share the by-phrase: "killed or taken
                # hostage by Hamas", "displaced, injured or killed by airstrikes"
                k += 2
                continue
            if self.is_punct(k):
                return None
            if w in g["clause_words"] and w != "as":
                return None
            if w == "by":
                if self.w(k + 1) in g["by_blockers"] or self.w(k + 2) in g["by_blockers"] and \
                        self.w(k + 1) == "the":
                    return None
                span = self.np_after(k + 1, allow=("of", "from", "'s"))
                return (span, "agent.by_phrase") if span else None
            if w == "hands" and self.w(k - 1) == "the" and self.w(k - 2) == "at" and \
                    self.w(k + 1) == "of":
                span = self.np_after(k + 2, allow=("of", "'s"))
                return (span, "agent.at_the_hands_of") if span else None
            # another participle ("a strike carried out by") owns a later by-phrase
            if k > j and (w.endswith("ed") or w in g["irregular_participles"]) and \
                    w not in self.lex.verb_forms and w not in g["skippable"]:
                return None
            k += 1
        return None

    def subject_agent(self, i: int) -> tuple[tuple[int, int] | None, str | None]:
        """The doer of an active verb at token ``i`` and its agent rule: the subject
        before it, or else the main clause's subject."""
        span = self.subject_before(i)
        if span is not None:
            return span, "agent.subject"
        span = self.lede_subject(i)
        return span, ("agent.main_clause_subject" if span else None)

    def lede_subject(self, i: int) -> tuple[int, int] | None:
        """Subject of the main clause, for a participial clause (", killing five")."""
        g = self.g
        for k in range(0, min(i, 12)):
            w = self.w(k)
            if self.is_punct(k) or w in g["clause_words"]:
                return None
            if k > 0 and (w in g["lede_verbs"] or (w.endswith("ed") and len(w) > 4)
                          or w in g["have_forms"] or w in g["be_forms"]):
                return (0, k)
        return None

    # -- matching -------------------------------------------------------------

    def find(self) -> list[_Hit]:
        lex = self.lex
        used = [False] * self.n
        hits: list[_Hit] = []
        # 1. multi-token patterns, longest first
        for i in range(self.n):
            if used[i]:
                continue
            for toks, kind, htype, form in lex.phrases.get(self.low[i], ()):
                L = len(toks)
                if tuple(self.low[i:i + L]) == toks and not any(used[i:i + L]):
                    forms = (form,) if form else ()
                    if form == "pp":
                        forms = ("pp", "past")
                    hits.append(_Hit(i, i + L, kind, htype, forms))
                    for k in range(i, i + L):
                        used[k] = True
                    break
        # 2. hostage-taking: light verb ... hostage
        for c in range(self.n):
            if used[c] or self.low[c] not in lex.hostage_complements:
                continue
            for k in range(c - 1, max(-1, c - 1 - lex.hostage_gap), -1):
                if used[k] or self.is_punct(k):
                    break
                fname = lex.hostage_verbs.get(self.low[k])
                if fname:
                    forms = (fname,)
                    if self.low[k] in ("took", "held", "seized"):
                        forms = ("past", "pp")
                    end = c + 1 if c == k + 1 else k + 1
                    h = _Hit(k, end, "verb", lex.hostage_type, forms)
                    if c > k + 1:
                        h.victims = (k + 1, c)
                    hits.append(h)
                    used[k] = True
                    used[c] = True
                    break
        # 3. single tokens
        for i in range(self.n):
            if used[i]:
                continue
            w = self.low[i]
            if w in lex.verb_forms:
                cands = lex.verb_forms[w]
                forms = tuple(f for _l, f, _e in cands)
                hits.append(_Hit(i, i + 1, "verb", cands[0][2]["type"], forms, cands[0][2]))
            elif w in lex.intransitive:
                htype, entry = lex.intransitive[w]
                if not self._intransitive_ok(i, entry):
                    continue
                hits.append(_Hit(i, i + 1, "intransitive", htype, (), entry))
            elif w in lex.nouns:
                if w in ("death",) and self.w(i + 1) in lex.death_blockers:
                    continue
                hits.append(_Hit(i, i + 1, "noun", lex.nouns[w]))
            elif w in lex.nominal_adjectives:
                hits.append(_Hit(i, i + 1, "adj", lex.nominal_adjectives[w]))
            else:
                continue
            used[i] = True
        hits.sort(key=lambda h: h.i)
        self.hits = hits  # classified in order: a verb can look at those before it
        for h in hits:
            self.classify(h, hits)
        return self._absorb(hits)

    def _intransitive_ok(self, i: int, entry: Mapping[str, Any]) -> bool:
        nxt = entry.get("require_next")
        if nxt and self.w(i + 1) not in nxt:
            return False
        within = entry.get("require_within")
        if within:
            words = set(self.low[i + 1:i + 1 + int(within)])
            return bool(words & set(entry.get("require_any", ())))
        return True

    def _absorb(self, hits: list[_Hit]) -> list[_Hit]:
        """Drop a harm noun that only states the cause of a death already found
        ("died of their wounds", "succumbed to his injuries")."""
        out = []
        for h in hits:
            if h.construction == "nominal":
                k = h.i - 1
                while k >= 0 and self.w(k) in ("his", "her", "their", "its", "the"):
                    k -= 1
                if self.w(k) in ("of", "from", "to") and any(
                    o.kind == "intransitive" and o.j == k for o in hits
                ):
                    continue
            out.append(h)
        return out

    # -- classification -------------------------------------------------------

    def classify(self, h: _Hit, hits: list[_Hit]) -> None:
        if h.kind == "verb":
            self._classify_verb(h, hits)
        elif h.kind == "intransitive":
            self._classify_intransitive(h)
        elif h.kind == "noun":
            self._classify_noun(h)
        else:
            self._classify_adj(h)

    def _passive(self, h: _Hit, rule: str) -> None:
        ag = self.by_agent(h.j)
        h.construction = "passive_agent" if ag else "passive_agentless"
        h.rule = rule
        h.agent, h.agent_rule = ag if ag else (None, None)
        if h.victims is None:
            h.victims = self.subject_before(h.i)

    def _active(self, h: _Hit, object_ok: bool, rule: str) -> None:
        entry = h.entry or {}
        if entry.get("intransitive_use") and not object_ok:
            h.construction = "intransitive"
            h.rule = "verb.intransitive_use"
            h.victims = self.subject_before(h.i)
            return
        h.construction = "active_agent"
        h.rule = rule
        shared = self._coordinated_active(h) if object_ok else None
        if shared is not None:
            # "The strike killed seven and wounded 19": both verbs have its subject.
            h.agent = shared.agent
            h.agent_rule = "agent.coordinated_verb" if shared.agent else None
        else:
            h.agent, h.agent_rule = self.subject_agent(h.i)
        if h.victims is None and object_ok:
            h.victims = self.np_after(self.next_word(h.j))

    def _coordinated_active(self, h: _Hit) -> _Hit | None:
        """The active harm verb that ``h`` is coordinated with ("killed seven people
        and wounded 19"), if only its object stands between them and "and"/"or"."""
        g = self.g
        conj = self.prev_word(h.i)
        if self.w(conj) not in ("and", "or"):
            return None
        prev = next((o for o in reversed(self.hits) if o.i < h.i and o.kind == "verb"
                     and o.construction == "active_agent"), None)
        if prev is None or conj - prev.j > 10:
            return None
        for k in range(prev.j, conj):
            w = self.w(k)
            if (self.is_punct(k) and w != ",") or w in g["clause_words"] \
                    or w in g["be_forms"] or w in g["have_forms"] \
                    or w in self.lex.verb_forms:
                return None
        return prev

    def _classify_verb(self, h: _Hit, hits: list[_Hit]) -> None:
        g = self.g
        forms = set(h.forms)
        p = self.prev_word(h.i)
        pw = self.w(p)
        has_object = self.object_follows(h.j) or h.victims is not None
        blockers = h.entry.get("object_blockers") if h.entry else None
        pforms = set(h.entry.get("particle_forms", ("base", "s", "past", "pp", "ing"))) \
            if h.entry else set()
        if h.entry and forms & pforms and self.w(h.j) in h.entry.get("particle_blockers", ()):
            h.construction = ""  # "shot down" (an aircraft), "shot at" (no hit)
            return None
        if "pp" in forms:
            if pw in g["be_forms"] and not (pw == "'s" and self._possessive_s(p)):
                return self._passive(h, "verb.passive_be")
            if pw in g["have_forms"]:
                return self._active(h, has_object, "verb.active_perfect")
            if "past" in forms and pw in ("who", "which", "that"):
                # a relative clause: "an attack that killed 1,400 people"
                return self._active(h, has_object, "verb.active_relative")
            if (p < 0 or pw in (":", "(", "of", "in", "on", "for", "from", "with", "among",
                                "to", "into", "about")) and "ing" not in forms:
                # no subject before it: an adjectival participle ("displaced families",
                # "Palestinians in Gaza: killed by the hundreds")
                return self._passive(h, "verb.participle_no_subject")
            if pw in g["determiners"] and "ing" not in forms:
                if pw == "the" and self.low[h.i] in self.lex.nominal_adjectives:
                    return self._classify_adj(h)  # "the wounded were taken to hospital"
                return self._passive(h, "verb.participle_after_determiner")
            if pw in ("and", "or"):
                # "were killed and wounded", "shot and killed a teenager"
                prev = next((o for o in hits if o.j == p and o.kind == "verb"), None)
                if prev is not None and prev.construction.startswith("passive") and \
                        not has_object:
                    return self._passive(h, "verb.coordinated_passive")
            if "past" in forms and has_object:
                if blockers and self._object_blocked(h.j, blockers):
                    h.construction = ""
                    return None
                return self._active(h, True, "verb.active_past_object")
            if h.entry.get("intransitive_use") and "past" in forms and pw not in \
                    g["determiners"] and self.subject_before(h.i) is not None and \
                    self.w(h.j) not in ("by",):
                # "children starved": intransitive use of starve
                h.construction = "intransitive"
                h.rule = "verb.intransitive_use"
                h.victims = self.subject_before(h.i)
                return None
            causer = self._causative_left(h.i)
            if causer is not None:
                # "the strike left five dead and dozens wounded": the subject of
                # "left" did it
                h.construction = "active_agent"
                h.rule = "verb.causative_left"
                h.victims = (causer + 1, h.i) if causer + 1 < h.i else None
                h.agent, h.agent_rule = self.subject_agent(causer)
                return None
            return self._passive(h, "verb.reduced_passive")
        if "ing" in forms:
            if pw in g["determiners"] or self.w(h.j) == "of":
                return self._classify_noun(h, "verb.gerund_noun")
            if blockers and has_object and self._object_blocked(h.j, blockers):
                h.construction = ""  # "shooting a video"
                return None
            if not has_object and pw not in g["be_forms"] and not h.entry.get(
                    "intransitive_use"):
                # "the killing continued", "a mass shooting"
                return self._classify_noun(h, "verb.gerund_no_object")
            return self._active(h, has_object, "verb.active_ing")
        # base, s or simple past
        if forms & {"base", "s"} and self.low[h.i] in self.lex.nouns:
            if pw not in g["verb_markers"]:
                return self._classify_noun(h, "verb.noun_form")
        if blockers and has_object and self._object_blocked(h.j, blockers):
            h.construction = ""
            return None
        return self._active(h, has_object, "verb.active_finite")

    def _causative_left(self, i: int) -> int | None:
        """Index of an active "left/leaving" governing the participle at ``i``."""
        for k in range(i - 1, max(-1, i - 8), -1):
            if self.is_punct(k):
                return None
            if self.w(k) in ("left", "leave", "leaves", "leaving"):
                kp = self.prev_word(k)
                return None if self.w(kp) in self.g["be_forms"] else k
        return None

    def _possessive_s(self, p: int) -> bool:
        # "Israel's killing": "'s" after a capitalised name is a possessive, not "is"
        return p > 0 and self.t[p - 1].text[:1].isupper() and self.w(p - 1) not in (
            "he", "she", "it", "that", "there", "who", "what")

    def _object_blocked(self, j: int, blockers: Sequence[str]) -> bool:
        span = self.np_after(self.next_word(j))
        if span is None:
            return False
        return any(w in blockers for w in self.low[span[0]:span[1]])

    def _classify_intransitive(self, h: _Hit) -> None:
        # "were starved to death": a passive of the transitive verb
        first = self.low[h.i]
        p = self.prev_word(h.i)
        if first in self.lex.verb_forms and self.w(p) in self.g["be_forms"] and \
                any(f == "pp" for _l, f, _e in self.lex.verb_forms[first]):
            return self._passive(h, "intransitive.passive_be")
        h.construction = "intransitive"
        h.rule = "intransitive.verb"
        h.victims = self.subject_before(h.i)
        return None

    def _classify_noun(self, h: _Hit, rule: str = "noun.harm_noun") -> None:
        g = self.g
        h.construction = "nominal"
        h.rule = rule
        head = self.low[h.j - 1]
        # premodifiers: up to three words back, stopping at determiners and verbs
        k = h.i - 1
        a = h.i
        while k >= 0 and h.i - k <= 3:
            w = self.w(k)
            if self.is_punct(k) and w != "'s":
                break
            if w == "'s":
                # possessor: perpetrator for agentive nouns, victims for the rest
                poss = self._possessor(k)
                if poss is not None:
                    if head in g["agentive_nouns"]:
                        h.agent, h.agent_rule = poss, "agent.possessor"
                    else:
                        a = poss[0]
                break
            if w in g["cause_verbs"] or w in g["suffer_verbs"]:
                # "the shelling caused heavy casualties": the subject is the agent;
                # "Israel suffered heavy casualties": the subject holds the victims.
                subj = self.subject_before(k)
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
        nxt = self.w(h.j)
        if nxt in ("of", "among"):
            post = self.np_after(h.j + 1)
        elif nxt == "in" and h.harm_type in g["locative_victim_types"]:
            post = self.np_after(h.j + 1)
        if pre and post:
            h.victims = (pre[0], post[1])
        else:
            h.victims = pre or post
        if h.agent is None:
            # "killings by settlers", "deaths caused by strikes"
            k = h.j
            if self.w(k) in ("caused", "inflicted", "carried", "committed", "perpetrated",
                             "held", "taken", "kidnapped", "abducted", "seized"):
                k += 1 + (self.w(k + 1) == "out")
            if self.w(k) == "by":
                ag = self.by_agent(k)
                if ag:
                    h.agent, h.agent_rule = ag
        return None

    def _possessor(self, k: int) -> tuple[int, int] | None:
        """Noun phrase before the possessive "'s" at token ``k``."""
        b = k
        a = k - 1
        while a - 1 >= 0 and self.t[a - 1].text[:1].isupper() and not self.is_punct(a - 1) \
                and self.w(a - 1) not in self.g["determiners"] and k - a < 4:
            a -= 1
        if a < 0 or self.is_punct(a):
            return None
        return (a, b)

    def _classify_adj(self, h: _Hit) -> None:
        g = self.g
        w = self.low[h.i]
        p = self.prev_word(h.i)
        pw = self.w(p)
        nxt = self.w(h.j)
        if w == "dead":
            # "left 20 dead" / "leaving five dead": causative with the subject as agent
            for k in range(h.i - 1, max(-1, h.i - 6), -1):
                if self.w(k) in ("left", "leave", "leaves", "leaving"):
                    kp = self.prev_word(k)
                    if self.w(kp) in g["be_forms"]:
                        h.victims = self.subject_before(kp + 1)
                        h.construction = "passive_agentless"
                        h.rule = "adjective.left_dead_passive"
                        return
                    h.victims = (k + 1, h.i) if k + 1 < h.i else None
                    h.construction = "active_agent"
                    h.rule = "adjective.left_dead"
                    h.agent, h.agent_rule = self.subject_agent(k)
                    return
                if self.is_punct(k):
                    break
            if pw in g["be_forms"]:
                h.construction = "intransitive"  # "are dead", "was found dead"
                h.rule = "adjective.be_dead"
                h.victims = self.subject_before(h.i)
                return
            h.construction = "nominal"  # "the dead", "20 dead"
            h.rule = "adjective.the_dead"
            if self.num(pw) or pw in ("least", "more", "dozens", "hundreds"):
                h.victims = self.subject_before(h.i)
            return
        # wounded / injured / displaced / starving
        noun_use = pw in ("the",) and (nxt in g["be_forms"] or nxt in g["have_forms"] or
                                       nxt in g["non_object"] or self.is_punct(h.j) or
                                       h.j >= self.n or nxt in ("who", "and"))
        if noun_use:
            h.construction = "nominal"
            h.rule = "adjective.noun_use"
            return
        h.construction = "intransitive" if w == "starving" else "passive_agentless"
        h.rule = "adjective.modifier"
        h.victims = (h.j, self.np_after(h.j)[1]) if self.np_after(h.j) else None
