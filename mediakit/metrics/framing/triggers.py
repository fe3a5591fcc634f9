"""Harm triggers: the harm lexicon (loading, compiling) and finding its words.

The lexicon (``mediakit/data/harm_lexicon.yaml``) lists the words and phrases that
name harm to people (transitive, phrasal, intransitive and hostage-taking verbs, harm
nouns, nominal adjectives) and the grammar word classes the rules read.
:func:`find_triggers` finds them in one tokenised sentence; :func:`_might_have_harm`
skips, with one regular expression, the sentences that hold none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ...errors import CodebookError

if TYPE_CHECKING:
    from .tokens import _Sent

# libyaml's safe loader when present: ten times faster on first use.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    "elliptical_words", "actor_nouns", "cause_nouns", "action_verbs", "locative_prepositions",
    "not_actor_after", "conflict_nouns", "sports_injury_before", "sports_injury_after",
    "casualty_blockers", "hostile_actor_nouns", "own_force_nouns",
    "engagement_nouns", "clause_openers", "cause_clause_openers", "boundary_nouns",
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
        return _compile(yaml.load(raw, Loader=_YAML_LOADER))
    try:
        raw = Path(path).read_text("utf-8")
    except OSError as exc:
        raise CodebookError(path, f"cannot read the harm lexicon: {exc.strerror}") from None
    _check_lexicon(raw, path)
    return _compile(yaml.load(raw, Loader=_YAML_LOADER))


_FORMS = ("base", "s", "past", "pp", "ing")
_SECTIONS = ("transitive_verbs", "phrasal_verbs", "hostage_light_verbs", "intransitive_verbs",
             "intransitive_phrases", "nouns", "death_noun_blockers", "nominal_adjectives",
             "grammar")


def _check_lexicon(text: str, path: str) -> None:
    """Refuse a harm lexicon with a bad entry, naming the file, the line and the problem."""
    try:
        root = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CodebookError(path, f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                            row=None if mark is None else mark.line + 1) from None

    def bad(node, problem: str) -> CodebookError:
        return CodebookError(path, problem, row=node.start_mark.line + 1)

    def pairs(node, what: str) -> list:
        if not isinstance(node, yaml.MappingNode):
            raise bad(node, f"{what} must be a mapping")
        return [(k.value, k, v) for k, v in node.value]

    def words(node, what: str) -> None:
        if not isinstance(node, yaml.SequenceNode) or not all(
                isinstance(x, yaml.ScalarNode) and x.value.strip() for x in node.value):
            raise bad(node, f"{what} must be a list of words")
        for x in node.value:
            if x.tag.endswith(":bool") and not x.style:
                # YAML reads on, no, yes, off as true/false: a word lost
                raise bad(x, f"{what}: {x.value!r} is read as a YAML boolean; "
                             "write it in quotes")

    if root is None:
        raise CodebookError(path, "the harm lexicon is empty")
    for name, knode, vnode in pairs(root, "the harm lexicon"):
        if name not in _SECTIONS:
            raise bad(knode, f"unknown section {name!r}")
        if name == "transitive_verbs":
            for lemma, lk, entry in pairs(vnode, name):
                fields = {f for f, _k, _v in pairs(entry, f"verb {lemma!r}")}
                missing = [f for f in ("type", *_FORMS) if f not in fields]
                if missing:
                    raise bad(lk, f"verb {lemma!r} has no {missing[0]!r}")
        elif name in ("phrasal_verbs", "intransitive_phrases", "nouns"):
            if not isinstance(vnode, yaml.SequenceNode):
                raise bad(vnode, f"{name} must be a list")
            for item in vnode.value:
                fields = {f: v for f, _k, v in pairs(item, f"an entry of {name}")}
                for need in ("type", "tokens") + (("form",) if name == "phrasal_verbs" else ()):
                    if need not in fields:
                        raise bad(item, f"an entry of {name} has no {need!r}")
                words(fields["tokens"], f"the tokens of an entry of {name}")
                if name == "phrasal_verbs" and fields["form"].value not in _FORMS:
                    raise bad(fields["form"], f"unknown verb form {fields['form'].value!r}")
        elif name == "intransitive_verbs":
            for lemma, lk, entry in pairs(vnode, name):
                fields = {f: v for f, _k, v in pairs(entry, f"verb {lemma!r}")}
                if "type" not in fields or "forms" not in fields:
                    raise bad(lk, f"intransitive verb {lemma!r} needs type and forms")
                words(fields["forms"], f"the forms of {lemma!r}")
        elif name == "grammar":
            for cls, _ck, cnode in pairs(vnode, name):
                if cls != "quantity_after_preposition":
                    words(cnode, f"grammar class {cls!r}")


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

    Raises
    ------
    CodebookError
        When the file cannot be read, is not valid YAML, or has a bad entry (an unknown
        section, a verb without one of its forms, an entry without tokens or type, a
        grammar class that is not a list of words); the message names file and line.
    """
    return _load_lexicon_cached(None if path is None else str(path))


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


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _prefilter(lex: _Lexicon) -> frozenset[str] | None:
    """The first word (lower case, letters and digits) of every trigger token, or None
    when a trigger starts with no such word (then every sentence is read)."""
    words = set(lex.verb_forms) | set(lex.intransitive) | set(lex.nouns) | set(
        lex.nominal_adjectives) | set(lex.phrases) | set(lex.hostage_complements)
    firsts = set()
    for w in words:
        run = _WORD_RUN.match(w)
        if run is None:
            return None
        firsts.add(run.group().lower())
    return frozenset(firsts)


def _might_have_harm(s: str, lex: _Lexicon) -> bool:
    """Whether the sentence holds a word that starts a trigger: a quick test that never
    says no where :func:`find_triggers` would find something (a set lookup per word
    rather than one long alternation tried at every character)."""
    firsts = _prefilter(lex)
    return firsts is None or not firsts.isdisjoint(_WORD_RUN.findall(s.lower()))


@dataclass
class _Hit:
    """A trigger found in a sentence (token span), filled in as it is classed."""

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


def find_triggers(s: _Sent) -> list[_Hit]:
    """The harm triggers of one sentence, in text order, not yet classed.

    Three passes, each over the tokens the earlier ones left: multi-token patterns
    (longest first), hostage-taking ("took ... hostage"), then single tokens.
    """
    used = [False] * s.n
    hits = _phrase_hits(s, used) + _hostage_hits(s, used) + _word_hits(s, used)
    hits.sort(key=lambda h: h.i)
    return [h for h in hits if not _not_conflict_harm(s, h)]


def _not_conflict_harm(s: _Sent, h: _Hit) -> bool:
    """A sports injury ("a hamstring injury", "injured in training") or business
    casualty ("the latest casualty of the downturn"): word lists in the lexicon's
    grammar section."""
    g = s.g
    if h.harm_type == "injury":
        before = set(s.low[max(0, h.i - 2):h.i])
        if before & g["sports_injury_before"]:
            return True
        # "injured in training", "hurt during the match": a preposition, then the word
        after = s.low[h.j:h.j + 4]
        return any(w in g["sports_injury_after"] and after[:k] and
                   after[k - 1] in ("in", "during", "at", "before", "after", "the", "a")
                   for k, w in enumerate(after))
    if s.low[h.i] in ("casualty", "casualties"):
        if s.low[max(0, h.i - 2):h.i] == ["property", "and"]:
            return True
        return bool(set(s.low[h.j:h.j + 4]) & g["casualty_blockers"])
    return False


def _phrase_hits(s: _Sent, used: list[bool]) -> list[_Hit]:
    """Multi-token patterns, longest first; marks their tokens in ``used``."""
    lex = s.lex
    hits: list[_Hit] = []
    for i in range(s.n):
        if used[i]:
            continue
        for toks, kind, htype, form in lex.phrases.get(s.low[i], ()):
            L = len(toks)
            if tuple(s.low[i:i + L]) == toks and not any(used[i:i + L]):
                forms = (form,) if form else ()
                if form == "pp":
                    forms = ("pp", "past")
                hits.append(_Hit(i, i + L, kind, htype, forms))
                for k in range(i, i + L):
                    used[k] = True
                break
    return hits


def _hostage_hits(s: _Sent, used: list[bool]) -> list[_Hit]:
    """Hostage-taking: a light verb a few words before "hostage" ("took 240 people
    hostage"); the words between are the victims. Marks both tokens in ``used``."""
    lex = s.lex
    hits: list[_Hit] = []
    for c in range(s.n):
        if used[c] or s.low[c] not in lex.hostage_complements:
            continue
        for k in range(c - 1, max(-1, c - 1 - lex.hostage_gap), -1):
            if used[k] or s.is_punct(k):
                break
            fname = lex.hostage_verbs.get(s.low[k])
            if fname:
                forms = (fname,)
                if s.low[k] in ("took", "held", "seized"):
                    forms = ("past", "pp")
                end = c + 1 if c == k + 1 else k + 1
                h = _Hit(k, end, "verb", lex.hostage_type, forms)
                if c > k + 1:
                    h.victims = (k + 1, c)
                hits.append(h)
                used[k] = True
                used[c] = True
                break
    return hits


def _word_hits(s: _Sent, used: list[bool]) -> list[_Hit]:
    """Single-token triggers: verbs, intransitives, nouns, nominal adjectives."""
    lex = s.lex
    hits: list[_Hit] = []
    for i in range(s.n):
        if used[i]:
            continue
        w = s.low[i]
        if w in lex.verb_forms:
            cands = lex.verb_forms[w]
            forms = tuple(f for _l, f, _e in cands)
            hits.append(_Hit(i, i + 1, "verb", cands[0][2]["type"], forms, cands[0][2]))
        elif w in lex.intransitive:
            htype, entry = lex.intransitive[w]
            if not _intransitive_ok(s, i, entry):
                continue
            hits.append(_Hit(i, i + 1, "intransitive", htype, (), entry))
        elif w in lex.nouns:
            if w in ("death",) and s.w(i + 1) in lex.death_blockers:
                continue
            hits.append(_Hit(i, i + 1, "noun", lex.nouns[w]))
        elif w in lex.nominal_adjectives:
            hits.append(_Hit(i, i + 1, "adj", lex.nominal_adjectives[w]))
        else:
            continue
        used[i] = True
    return hits


def _intransitive_ok(s: _Sent, i: int, entry: Mapping[str, Any]) -> bool:
    nxt = entry.get("require_next")
    if nxt and s.w(i + 1) not in nxt:
        return False
    within = entry.get("require_within")
    if within:
        words = set(s.low[i + 1:i + 1 + int(within)])
        return bool(words & set(entry.get("require_any", ())))
    return True
