"""Harm framing: how reports of killing, injury, displacement, hunger and
hostage-taking are told, and for whose victims.

Each mention of harm to people is found with a lexicon (``data/harm_lexicon.yaml``)
and its grammatical construction is classed by rules over the words around it:

``active_agent``
    an active verb with a doer: "an Israeli airstrike killed five people".
``passive_agent``
    a passive with a by-phrase: "three Palestinians were killed by Israeli fire".
``passive_agentless``
    a passive (full, reduced or adjectival) with no by-phrase: "22 people were
    killed in an airstrike", "the children killed in the strike".
``nominal``
    a noun that names the harm: "the death toll rose", "deaths", "casualties",
    "the dead". A noun with its perpetrator ("Israel's killing of", "killings by
    settlers") is still ``nominal``; its ``agent`` field is filled.
``intransitive``
    a verb or state whose only participant is the victim: "died", "perished",
    "lost their lives", "are dead", "children are starving".

The victims of each mention are assigned to a side with caller-supplied side terms
(see :func:`victim_side`). Emotive words (``data/emotive_terms.yaml``) are counted
per victim side, and the mean VADER compound of the sentences naming each side gives
the tone around it. There is no parser: the rules are written for English news prose
and are documented, with their limits, in ``docs/metrics.md``.

References
----------
Trew, T. (1979). Theory and ideology at work. In Fowler, Hodge, Kress & Trew,
    *Language and Control*. Routledge. (Agent deletion in news reports of violence.)
Henley, N. M., Miller, M. & Beazley, J. A. (1995). Syntax, semantics, and sexual
    violence: Agency and the passive voice. *Journal of Language and Social
    Psychology*, 14(1-2), 60-84.
Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
    *Journal of Communication*, 43(4), 51-58.
Jackson, H. (2024). casualty_mentions_nyt. GitHub: hollyjackson/casualty_mentions_nyt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..text import Document, normalize_quotes
from .registry import CorpusColumns, Family, Parameter, packaged

__all__ = [
    "AGENT_RULES",
    "CONSTRUCTIONS",
    "FramingResult",
    "HarmMention",
    "RULES",
    "emotive_counts_by_side",
    "find_harm_mentions",
    "framing_metrics",
    "harm_types",
    "load_emotive_terms",
    "load_harm_lexicon",
    "sentence_side",
    "tone_by_actor",
    "victim_side",
]

# libyaml's safe loader when present: ten times faster on first use.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CONSTRUCTIONS = ("active_agent", "passive_agent", "passive_agentless", "nominal", "intransitive")
# Constructions that name no perpetrator (a nominal counts only when it has no agent).
_AGENTLESS = frozenset({"passive_agentless", "intransitive"})
# Words that open a parenthetical between a subject and its verb ("The missile, fired
# from ..., killed"; "Hamas, which controls Gaza, breached"; "gunmen from Hamas, the
# faction that governs Gaza, had killed"; "a strike on a home, near the crossing, had").
_PARENTHETICAL_OPENERS = frozenset({
    "which", "who", "whose", "the", "a", "an", "its", "his", "her", "their",
    "near", "in", "on", "at", "from", "with", "after", "before", "during", "along",
})
BOTH = "both"
UNKNOWN = "unknown"
UNATTRIBUTED = "unattributed"

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


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, eq=False)
class _Lexicon:
    """The harm lexicon compiled for lookup."""

    # token -> tuple of (lemma, form, entry) for transitive verbs
    verb_forms: Mapping[str, tuple[tuple[str, str, Mapping[str, Any]], ...]]
    # first token -> list of (tokens, kind, type, form) multi-token patterns, longest first
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str, str, str], ...]]
    intransitive: Mapping[str, tuple[str, Mapping[str, Any]]]  # form -> (type, entry)
    nouns: Mapping[str, str]  # single-token noun -> type
    nominal_adjectives: Mapping[str, str]
    death_blockers: frozenset[str]
    hostage_verbs: Mapping[str, str]  # form -> form name
    hostage_complements: frozenset[str]
    hostage_gap: int
    hostage_type: str
    g: Mapping[str, frozenset[str]]  # grammar word classes
    quantity_after: Mapping[str, tuple[str, ...]]


_GRAMMAR_KEYS = (
    "be_forms", "have_forms", "verb_markers", "skippable", "determiners", "non_object",
    "time_nouns", "clause_words", "np_stop_prepositions", "by_blockers",
    "coordinated_manner_verbs", "lede_verbs", "agentive_nouns", "locative_victim_types",
    "perpetrator_nouns", "modals", "number_words", "quantity_adverbs",
    "irregular_participles", "ed_adjectives", "cause_verbs", "suffer_verbs", "speech_words",
    "elliptical_words",
)


def _compile(raw: Mapping[str, Any]) -> _Lexicon:
    verb_forms: dict[str, list] = {}
    for lemma, entry in raw.get("transitive_verbs", {}).items():
        for form in ("base", "s", "past", "pp", "ing"):
            tok = str(entry[form]).lower()
            verb_forms.setdefault(tok, []).append((lemma, form, entry))
    phrases: dict[str, list] = {}
    for p in raw.get("phrasal_verbs", []):
        toks = tuple(t.lower() for t in p["tokens"])
        phrases.setdefault(toks[0], []).append((toks, "verb", p["type"], p["form"]))
    for p in raw.get("intransitive_phrases", []):
        toks = tuple(t.lower() for t in p["tokens"])
        phrases.setdefault(toks[0], []).append((toks, "intransitive", p["type"], ""))
    nouns: dict[str, str] = {}
    for n in raw.get("nouns", []):
        toks = tuple(t.lower() for t in n["tokens"])
        if len(toks) == 1:
            nouns[toks[0]] = n["type"]
        else:
            phrases.setdefault(toks[0], []).append((toks, "noun", n["type"], ""))
    intrans: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for _lemma, entry in raw.get("intransitive_verbs", {}).items():
        for f in entry["forms"]:
            intrans[f.lower()] = (entry["type"], entry)
    hv = raw.get("hostage_light_verbs", {})
    hostage_verbs = {}
    for _lemma, forms in hv.get("verbs", {}).items():
        for fname, tok in forms.items():
            hostage_verbs[str(tok).lower()] = fname
    g = dict.fromkeys(_GRAMMAR_KEYS, frozenset())  # a custom lexicon may omit classes
    g.update({k: frozenset(str(w).lower() for w in v)
              for k, v in (raw.get("grammar") or {}).items() if isinstance(v, list)})
    qa = (raw.get("grammar") or {}).get("quantity_after_preposition", {})
    return _Lexicon(
        verb_forms={k: tuple(v) for k, v in verb_forms.items()},
        phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        intransitive=intrans,
        nouns=nouns,
        nominal_adjectives={k.lower(): v for k, v in raw.get("nominal_adjectives", {}).items()},
        death_blockers=frozenset(w.lower() for w in raw.get("death_noun_blockers", [])),
        hostage_verbs=hostage_verbs,
        hostage_complements=frozenset(w.lower() for w in hv.get("complements", [])),
        hostage_gap=int(hv.get("max_gap", 5)),
        hostage_type=str(hv.get("type", "hostage")),
        g=g,
        quantity_after={k: tuple(str(x).lower() for x in v) for k, v in qa.items()},
    )


@lru_cache(maxsize=8)
def _load_lexicon_cached(path: str | None) -> _Lexicon:
    if path is None:
        raw = resources.files("mediakit.data").joinpath("harm_lexicon.yaml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    return _compile(yaml.load(raw, Loader=_YAML_LOADER))


def load_harm_lexicon(path: str | Path | None = None) -> _Lexicon:
    """Load and compile the harm lexicon (cached per path).

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with the layout of ``mediakit/data/harm_lexicon.yaml``.
        Defaults to that packaged file.

    Returns
    -------
    _Lexicon
        The compiled lexicon, passed on as ``lexicon=`` to the other functions.
    """
    return _load_lexicon_cached(None if path is None else str(path))


@lru_cache(maxsize=8)
def _load_emotive_cached(path: str | None) -> Mapping[str, str]:
    if path is None:
        raw = resources.files("mediakit.data").joinpath("emotive_terms.yaml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    data = yaml.load(raw, Loader=_YAML_LOADER) or {}
    out: dict[str, str] = {}
    for lemma, forms in (data.get("terms") or {}).items():
        for f in forms:
            out[str(f).lower()] = str(lemma)
    return out


def load_emotive_terms(path: str | Path | None = None) -> Mapping[str, str]:
    """Load the emotive terms as a mapping from surface form to lemma (cached).

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with a ``terms: {lemma: [forms]}`` mapping. Defaults to
        ``mediakit/data/emotive_terms.yaml``.

    Returns
    -------
    Mapping[str, str]
        Lower-case surface form -> lemma.
    """
    return _load_emotive_cached(None if path is None else str(path))


def harm_types(lexicon: _Lexicon | str | Path | None = None) -> tuple[str, ...]:
    """The harm types a lexicon can report, sorted (for corpus tables).

    Parameters
    ----------
    lexicon : optional
        A compiled lexicon or its path; defaults to the packaged one.

    Returns
    -------
    tuple of str
        E.g. ``("casualty_count", "death", "displacement", "hostage", "hunger",
        "injury", "killing")``.
    """
    lex = _lex(lexicon)
    found = {str(e[2]["type"]) for v in lex.verb_forms.values() for e in v}
    found |= {p[2] for v in lex.phrases.values() for p in v}
    found |= {t for t, _e in lex.intransitive.values()}
    found |= set(lex.nouns.values()) | set(lex.nominal_adjectives.values())
    found.add(lex.hostage_type)
    return tuple(sorted(found))


def _lex(lexicon: _Lexicon | str | Path | None) -> _Lexicon:
    if isinstance(lexicon, _Lexicon):
        return lexicon
    return load_harm_lexicon(lexicon)


# ------------------------------------------------------------------ tokens, sides

# Numbers with inner dots or commas ("1,200", "1.7", "80-year-old"), words with inner
# hyphens or apostrophes, or any single non-space character ("killed.30" splits).
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:-[^\W_]+)*|[^\W_]+(?:[-'][^\W_]+)*|\S")


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int  # offset in the sentence
    end: int


def _tokenize(s: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(s):
        t = m.group(0)
        a, b = m.start(), m.end()
        low = t.lower()
        if len(t) > 2 and low.endswith("'s"):
            out.append(_Tok(t[:-2], low[:-2], a, b - 2))
            out.append(_Tok(t[-2:], "'s", b - 2, b))
        elif len(t) > 3 and low.endswith("n't"):
            out.append(_Tok(t[:-3], low[:-3], a, b - 3))
            out.append(_Tok(t[-3:], "n't", b - 3, b))
        else:
            out.append(_Tok(t, low, a, b))
    return out


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalnum()


def _is_number(low: str, number_words: frozenset[str] = frozenset()) -> bool:
    return bool(re.fullmatch(r"\d[\d,.]*", low)) or low in number_words


_PIECE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, eq=False)
class _SideIndex:
    """All side terms in one regular expression, with the sides of each term."""

    order: tuple[str, ...]
    pattern: re.Pattern | None
    ci: Mapping[str, tuple[str, ...]]  # lower-case term -> sides
    cs: Mapping[str, tuple[str, ...]]  # acronym as written -> sides
    first: frozenset[str]  # lower-case first word piece of every term
    scan_all: bool  # a term starts with a non-word character: scan every position

    def matches(self, text: str):
        """Yield (match, sides) for each side term in ``text``."""
        if self.pattern is None:
            return
        if self.scan_all:
            found = self.pattern.finditer(text)
        else:
            # try the big alternation only where a term's first word starts: a
            # regular expression with hundreds of alternatives is slow to slide
            found = self._at_candidates(text)
        for m in found:
            t = m.group(0)
            sides = self.cs.get(t, ()) + self.ci.get(t.lower(), ())
            if sides:
                yield m, sides

    def _at_candidates(self, text: str):
        last = 0
        for pm in _PIECE.finditer(text):
            if pm.start() < last or pm.group(0).lower() not in self.first:
                continue
            m = self.pattern.match(text, pm.start())
            if m:
                last = m.end()
                yield m


@lru_cache(maxsize=64)
def _side_index(items: tuple[tuple[str, tuple[str, ...]], ...]) -> _SideIndex:
    ci: dict[str, list[str]] = {}
    cs: dict[str, list[str]] = {}
    parts: dict[str, str] = {}
    first: set[str] = set()
    scan_all = False
    for side, terms in items:
        for raw in terms:
            a = normalize_quotes(raw.strip())
            if not a:
                continue
            piece = _PIECE.match(a)
            if piece:
                first.add(piece.group(0).lower())
            else:
                scan_all = True
            # Acronyms match case-sensitively ("WHO" is not "who", "UN" not "un");
            # other terms case-insensitively ("kibbutz", "Kibbutz").
            letters = [c for c in a if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                cs.setdefault(a, []).append(side)
                parts.setdefault(a, re.escape(a))
            else:
                ci.setdefault(a.lower(), []).append(side)
                parts.setdefault(a.lower(), "(?i:" + re.escape(a) + ")")
    pattern = None
    if parts:
        # longest first, so "Gaza City" wins over "Gaza"
        body = "|".join(parts[k] for k in sorted(parts, key=lambda k: (-len(k), k)))
        pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w])")
    return _SideIndex(
        order=tuple(side for side, _ in items),
        pattern=pattern,
        ci={k: tuple(dict.fromkeys(v)) for k, v in ci.items()},
        cs={k: tuple(dict.fromkeys(v)) for k, v in cs.items()},
        first=frozenset(first),
        scan_all=scan_all,
    )


def _freeze_sides(side_terms: Mapping[str, Sequence[str]] | None) -> tuple:
    if not side_terms:
        return ()
    return tuple((str(k), tuple(str(t) for t in v)) for k, v in side_terms.items())


def _compiled(side_terms: Mapping[str, Sequence[str]] | None) -> _SideIndex:
    return _side_index(_freeze_sides(side_terms))


def _sides_in(text: str, pats: _SideIndex) -> list[str]:
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
    pats: _SideIndex,
    perp_nouns: frozenset[str],
    anchor: int | None = None,
    distance: dict[str, int] | None = None,
    speech: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """Sides named in ``text``: (as possible victims, only as perpetrators). With an
    ``anchor`` offset, ``distance`` receives each plain side's nearest distance."""
    is_plain: set[str] = set()
    is_perp: set[str] = set()
    for m, sides in pats.matches(text):
        nxt = _NEXT_WORDS.match(text, m.end())
        after = [w.lower() for w in (nxt.group(1), nxt.group(2), nxt.group(3)) if w] \
            if nxt else []
        # a side's forces or officials as the source of a report ("the Israeli
        # military said") are neither perpetrator nor victim
        if after and after[0] in perp_nouns and len(after) > 1 and after[1] in speech:
            continue
        if len(after) > 2 and after[1] in perp_nouns and after[2] in speech:
            continue
        prv = _PREV_WORDS.search(text[max(0, m.start() - 40):m.start()])
        before = [w.lower() for w in (prv.group(2), prv.group(1)) if w] if prv else []
        if (after and after[0] in perp_nouns) or (len(after) > 1 and after[1] in perp_nouns
                                                  and after[0] not in ("and", "or")) or (
            before and (before[0] in ("by", "from") or (
                len(before) > 1 and before[0] in ("the",) and before[1] in ("by", "from"))
                or (before[0] == "of" and len(before) > 1 and before[1] in perp_nouns))):
            is_perp.update(sides)
            continue
        is_plain.update(sides)
        if anchor is not None and distance is not None:
            d = min(abs(m.start() - anchor), abs(m.end() - anchor))
            for side in sides:
                distance[side] = min(d, distance.get(side, d))
    plain = [side for side in pats.order if side in is_plain]
    perp = [side for side in pats.order if side in is_perp and side not in is_plain]
    return plain, perp


def victim_side(
    victims: str | None,
    sentence: str,
    agent: str | None,
    side_terms: Mapping[str, Sequence[str]] | None,
    lexicon: _Lexicon | str | Path | None = None,
    anchor: int | None = None,
    _pats: _SideIndex | None = None,
) -> str:
    """Decide whose victims a harm mention describes.

    Rule, in order:

    1. side terms in the victims phrase decide: the one side named there, or
       ``"both"`` if two or more sides are;
    2. otherwise the perpetrator sides are collected: the sides named in the
       agent phrase and side terms in perpetrator contexts anywhere in the
       sentence ("Israeli airstrikes", "Hamas gunmen", "an attack by Hamas": see
       ``perpetrator_nouns`` in the lexicon). Among the other sides named in the
       sentence (outside the agent phrase), those that are not perpetrators win:
       one gives that side; with two or more, the one named nearest to ``anchor``
       (the trigger's offset) when it is given, else ``"both"``;
    3. otherwise, if the sentence names sides only as perpetrators and also as
       places or people, the one such side (or ``"both"``);
    4. otherwise, when ``side_terms`` has exactly two sides and only one of them
       was named, as perpetrator, the victims are the other side (the dyadic
       reading of "killed in Israeli airstrikes", "Hamas killed 1,200 people");
    5. otherwise ``"unknown"``.

    Parameters
    ----------
    victims : str or None
        The victims phrase of the mention.
    sentence : str
        The sentence holding the mention.
    agent : str or None
        The agent phrase, removed from the sentence before step 2.
    side_terms : Mapping[str, Sequence[str]]
        Side name -> words naming it ("Israeli", "Gazans" ...), matched as whole
        words, case-insensitively except acronyms ("WHO" is not "who").
    lexicon : optional
        Harm lexicon (for its perpetrator nouns).
    anchor : int, optional
        Offset of the trigger in ``sentence``, to break ties by proximity.

    Returns
    -------
    str
        A side name, ``"both"`` or ``"unknown"``.
    """
    if not side_terms:
        return UNKNOWN
    pats = _pats if _pats is not None else _compiled(side_terms)
    g = _lex(lexicon).g
    perp_nouns = g["perpetrator_nouns"]
    speech = g["speech_words"]
    if victims:
        # the victims phrase is the victims: no perpetrator filtering here
        # ("Twelve Israeli soldiers have been killed")
        found = _sides_in(victims, pats)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return BOTH
    perps: set[str] = set()
    named: set[str] = set()
    rest = sentence
    if agent:
        a_plain, a_perp = _side_mentions(agent, pats, perp_nouns, speech=speech)
        if a_perp:
            # "an Israeli strike on Gaza": the strike's side did it, Gaza is a place
            perps |= set(a_perp)
            named |= set(a_plain) - set(a_perp)
        else:
            perps |= set(a_plain)  # "Hamas gunmen", "Israel" as the doer
        rest = rest.replace(agent, " " * len(agent))  # same length: offsets hold
    dist: dict[str, int] = {}
    r_plain, r_perp = _side_mentions(rest, pats, perp_nouns, anchor, dist, speech)
    named |= set(r_plain)
    perps |= set(r_perp)
    order = [str(k) for k in side_terms]
    others = [x for x in order if x in named and x not in perps]
    if len(others) == 1:
        return others[0]
    if len(others) > 1:
        near = [x for x in others if x in dist]
        if anchor is not None and near:
            return min(near, key=lambda x: (dist[x], order.index(x)))
        return BOTH
    cands = [x for x in order if x in named]
    if len(cands) == 1:
        return cands[0]
    if len(cands) > 1:
        return BOTH
    if len(order) == 2 and len(perps) == 1:
        return order[1] if order[0] in perps else order[0]
    return UNKNOWN


# ------------------------------------------------------------------ mentions


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
            "victims": self.victims,
            "victim_side": self.victim_side,
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


def _document(doc: Document | str) -> Document:
    if isinstance(doc, str):
        from ..text import segment

        doc = segment(doc)
    return doc


def find_harm_mentions(
    doc: Document,
    lexicon: _Lexicon | str | Path | None = None,
    side_terms: Mapping[str, Sequence[str]] | None = None,
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
        Side name -> words naming it, for :func:`victim_side`. Without it every
        victim side is ``"unknown"``.

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
    out: list[HarmMention] = []
    doc = _document(doc)
    for idx, s in enumerate(doc.sentences):
        s_start, s_text = s.start, s.text
        norm = doc.normalized[s.start:s.end]
        if not _might_have_harm(norm, lex):
            continue
        sent = _Sent(norm, lex)
        last_side: str | None = None
        for h in sent.find():
            if not h.construction:
                continue
            trig_a, trig_b = sent.t[h.i].start, sent.t[h.j - 1].end
            agent = sent.span_text(*h.agent) if h.agent else None
            victims = sent.span_text(*h.victims) if h.victims else None
            agent_raw = s_text[sent.t[h.agent[0]].start:sent.t[h.agent[1] - 1].end] \
                if h.agent else None
            victims_raw = s_text[sent.t[h.victims[0]].start:sent.t[h.victims[1] - 1].end] \
                if h.victims else None
            side = victim_side(victims, norm, agent, side_terms, lex, anchor=trig_a,
                               _pats=pats)
            if victims and last_side not in (None, UNKNOWN) and _elliptical(victims, lex):
                # "Two Israeli soldiers were killed and four were wounded"
                side = last_side
            last_side = side
            out.append(
                HarmMention(
                    sentence=idx,
                    start=s_start + trig_a,
                    end=s_start + trig_b,
                    trigger=s_text[trig_a:trig_b],
                    harm_type=h.harm_type,
                    construction=h.construction,
                    agent=agent_raw,
                    victims=victims_raw,
                    victim_side=side,
                    rule=h.rule,
                    agent_rule=h.agent_rule if h.agent else None,
                )
            )
    return out


def _elliptical(victims: str, lex: _Lexicon) -> bool:
    """A victims phrase of numbers and quantifiers only ("four", "dozens more")."""
    words = [w.lower() for w in _WORDS.findall(victims)]
    nums, ell = lex.g["number_words"], lex.g["elliptical_words"]
    return bool(words) and all(_is_number(w, nums) or w in ell for w in words)


@lru_cache(maxsize=8)
def _prefilter(lex: _Lexicon) -> re.Pattern:
    words = set(lex.verb_forms) | set(lex.intransitive) | set(lex.nouns) | set(
        lex.nominal_adjectives) | set(lex.phrases) | set(lex.hostage_complements)
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)


def _might_have_harm(s: str, lex: _Lexicon) -> bool:
    return _prefilter(lex).search(s) is not None


# ------------------------------------------------------------------ emotive, tone


def _round(x: float) -> float:
    return round(float(x), 4)


def sentence_side(mentions: Sequence[HarmMention]) -> str:
    """The victim side of a sentence's mentions: their one side, ``both`` when they name
    different sides, ``unknown`` when none names a side."""
    sides = {m.victim_side for m in mentions} - {UNKNOWN}
    if BOTH in sides or len(sides) > 1:
        return BOTH
    if len(sides) == 1:
        return next(iter(sides))
    return UNKNOWN


_WORDS = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def emotive_counts_by_side(
    doc: Document,
    mentions: Sequence[HarmMention],
    emotive_terms: Mapping[str, str] | str | Path | None = None,
) -> dict:
    """Count emotive terms per side whose victims they describe.

    Each emotive word in a sentence is credited to the victim side of the harm
    mentions in that sentence: the one side they name, ``"both"`` if they name
    several, ``"unknown"`` if none is named; a sentence with no harm mention
    credits ``"unattributed"``.

    Parameters
    ----------
    doc : Document
        The segmented text.
    mentions : Sequence[HarmMention]
        Harm mentions of ``doc`` (:func:`find_harm_mentions`).
    emotive_terms : Mapping[str, str], str or Path, optional
        Surface form -> lemma, or the path of a YAML term file. Defaults to
        ``mediakit/data/emotive_terms.yaml``.

    Returns
    -------
    dict
        ``{"total": n, "by_side": {side: {"total": n, "terms": {lemma: n}}}}``,
        sides and terms in sorted order.

    References
    ----------
    Johnson, A. & Ali, O. (2024). The Intercept, 9 January 2024; Jackson (2024).
    """
    terms = emotive_terms if isinstance(emotive_terms, Mapping) else load_emotive_terms(
        emotive_terms)
    by_sentence: dict[int, list[HarmMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    counts: dict[str, dict[str, int]] = {}
    total = 0
    for idx, s in enumerate(doc.sentences):
        lemmas = [terms[w] for w in (x.lower() for x in
                                     _WORDS.findall(doc.normalized[s.start:s.end]))
                  if w in terms]
        if not lemmas:
            continue
        ms = by_sentence.get(idx)
        side = sentence_side(ms) if ms else UNATTRIBUTED
        bucket = counts.setdefault(side, {})
        for lem in lemmas:
            bucket[lem] = bucket.get(lem, 0) + 1
            total += 1
    return {
        "total": total,
        "by_side": {
            side: {"total": sum(c.values()), "terms": dict(sorted(c.items()))}
            for side, c in sorted(counts.items())
        },
    }


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


# ------------------------------------------------------------------ article metrics


def _counts(mentions: Sequence[HarmMention]) -> dict[str, int]:
    c = dict.fromkeys(CONSTRUCTIONS, 0)
    for m in mentions:
        c[m.construction] += 1
    return c


def _shares(counts: Mapping[str, int]) -> dict[str, float | None]:
    n = sum(counts.values())
    return {k: (_round(v / n) if n else None) for k, v in counts.items()}


def is_agentless(m: HarmMention) -> bool:
    """True when a mention names no perpetrator: a passive without by-phrase, an
    intransitive, or a nominal without possessor or by-phrase agent."""
    return m.construction in _AGENTLESS or (m.construction == "nominal" and m.agent is None)


def _agentless_share(mentions: Sequence[HarmMention]) -> float | None:
    if not mentions:
        return None
    return _round(sum(is_agentless(m) for m in mentions) / len(mentions))


@dataclass(frozen=True)
class FramingResult:
    """Harm framing of one article.

    Attributes
    ----------
    mentions : tuple of HarmMention
    counts : dict
        Construction -> number of mentions (all five keys).
    shares : dict
        Construction -> share of mentions (None when there are none).
    agentless_share : float or None
        Share of mentions naming no perpetrator (see :func:`is_agentless`).
    by_side : dict
        Victim side -> ``{"mentions", "counts", "shares", "agentless_share"}``.
    harm_types : dict
        Harm type -> number of mentions.
    emotive : dict
        See :func:`emotive_counts_by_side`.
    tone_by_actor : dict
        See :func:`tone_by_actor`.
    """

    mentions: tuple[HarmMention, ...]
    counts: dict
    shares: dict
    agentless_share: float | None
    by_side: dict
    harm_types: dict
    emotive: dict
    tone_by_actor: dict

    def to_dict(self) -> dict:
        return {
            "n_mentions": len(self.mentions),
            "counts": dict(self.counts),
            "shares": dict(self.shares),
            "agentless_share": self.agentless_share,
            "by_side": self.by_side,
            "harm_types": dict(self.harm_types),
            "emotive": self.emotive,
            "tone_by_actor": self.tone_by_actor,
            "mentions": [m.to_dict() for m in self.mentions],
        }


def framing_metrics(
    doc: Document,
    sentence_compounds: Sequence[float] | None,
    side_terms: Mapping[str, Sequence[str]] | None,
    lexicon: _Lexicon | str | Path | None = None,
    emotive_terms: Mapping[str, str] | str | Path | None = None,
) -> FramingResult:
    """Harm framing measures of one article.

    Parameters
    ----------
    doc : Document
        The segmented article body.
    sentence_compounds : Sequence[float] or None
        VADER compounds aligned with ``doc.sentences`` (from the sentiment module);
        None leaves ``tone_by_actor`` empty.
    side_terms : Mapping[str, Sequence[str]] or None
        Side name -> words naming it (from the codebook).
    lexicon : optional
        Harm lexicon or its path (see :func:`find_harm_mentions`).
    emotive_terms : optional
        Emotive terms or their path (see :func:`emotive_counts_by_side`).

    Returns
    -------
    FramingResult
        Deterministic; ``to_dict()`` is JSON-serialisable with floats rounded to
        four places.
    """
    mentions = tuple(find_harm_mentions(doc, lexicon=lexicon, side_terms=side_terms))
    counts = _counts(mentions)
    groups: dict[str, list[HarmMention]] = {}
    for m in mentions:
        groups.setdefault(m.victim_side, []).append(m)
    by_side = {}
    for side in sorted(groups):
        ms = groups[side]
        c = _counts(ms)
        by_side[side] = {
            "mentions": len(ms),
            "counts": c,
            "shares": _shares(c),
            "agentless_share": _agentless_share(ms),
        }
    types: dict[str, int] = {}
    for m in mentions:
        types[m.harm_type] = types.get(m.harm_type, 0) + 1
    tone = tone_by_actor(doc, sentence_compounds, side_terms) if sentence_compounds is not None \
        else {}
    return FramingResult(
        mentions=mentions,
        counts=counts,
        shares=_shares(counts),
        agentless_share=_agentless_share(mentions),
        by_side=by_side,
        harm_types=dict(sorted(types.items())),
        emotive=emotive_counts_by_side(doc, mentions, emotive_terms),
        tone_by_actor=tone,
    )


def _framing_categories(codebook, params) -> dict:
    return {"victim_sides": (*codebook.sides, BOTH),
            # Emotive words in sentences with no harm mention are "unattributed".
            "emotive_sides": (*codebook.sides, BOTH, UNATTRIBUTED),
            "harm_types": harm_types(params["harm_lexicon"])}


FAMILY = Family(
    name="framing",
    compute=lambda inp: framing_metrics(
        inp.doc, [s.compound for s in inp.results["sentiment"].sentences],
        inp.codebook.side_terms, lexicon=inp.params["harm_lexicon"],
        emotive_terms=inp.params["emotive_terms"]),
    requires=("sentences", "codebook", "sentiment"),
    parameters=(
        Parameter("harm_lexicon", str, None, "harm lexicon YAML (default: the packaged one)",
                  optional=True, check="file", metavar="YAML",
                  data_file=packaged("harm_lexicon.yaml")),
        Parameter("emotive_terms", str, None, "emotive-term YAML (default: the packaged one)",
                  optional=True, check="file", metavar="YAML",
                  data_file=packaged("emotive_terms.yaml")),
    ),
    outputs=("n_mentions", "counts", "shares", "agentless_share", "by_side", "harm_types",
             "emotive", "tone_by_actor", "mentions"),
    corpus=CorpusColumns(
        dropped=(("emotive", "by_side", "*", "terms"),),
        categories={("by_side",): "victim_sides", ("harm_types",): "harm_types",
                    ("emotive", "by_side"): "emotive_sides", ("tone_by_actor",): "sides"},
        category_lists=_framing_categories,
    ),
    doc_anchor="framing",
)
