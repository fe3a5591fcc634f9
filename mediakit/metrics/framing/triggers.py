"""The harm lexicon: loading and compiling it, and the quick test for harm words.

The lexicon (``mediakit/data/harm_lexicon.yaml``) lists the words and phrases that
name harm to people (transitive, phrasal, intransitive and hostage-taking verbs, harm
nouns, nominal adjectives) and the grammar word classes the rules read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

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


@lru_cache(maxsize=8)
def _prefilter(lex: _Lexicon) -> re.Pattern:
    words = set(lex.verb_forms) | set(lex.intransitive) | set(lex.nouns) | set(
        lex.nominal_adjectives) | set(lex.phrases) | set(lex.hostage_complements)
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)


def _might_have_harm(s: str, lex: _Lexicon) -> bool:
    return _prefilter(lex).search(s) is not None
