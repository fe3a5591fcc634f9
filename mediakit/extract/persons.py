"""The named people of a document: their mentions, canonical names, descriptions, genders.

:class:`_Registry` reads every capitalised run outside quotations once, registers the
people it names (a full name the first time, matched by surname or given name after),
collects their pre-modifying titles and appositions, and records each sentence's first
subject, which speaker resolution uses as an antecedent for pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import (
    _DETERMINERS,
    _LEADERS,
    _PARTICLES,
    _PREPOSITIONS,
    _PRONOUN_GENDER,
    _TELL_LIKE,
    _first_names,
    _lex,
    _lexicon,
)
from .noun_phrases import _NP, _apposition, _classify_capitalised, _gender_of_name, _gender_of_words
from .tokens import _is_cap, _strip_poss

if TYPE_CHECKING:  # the registry reads a context the attribution passes build
    from .attribution.context import _Ctx


@dataclass
class _Person:
    canonical: str
    tokens: tuple[str, ...]
    gender: str | None
    first_pos: int
    descriptions: list[str] = field(default_factory=list)


class _PersonTable(dict):
    """A dict of people that keeps the registry's surname/given-name index up to date."""

    def __init__(self, registry: _Registry):
        super().__init__()
        self._registry = registry

    def __setitem__(self, key: str, person: _Person) -> None:
        super().__setitem__(key, person)
        index = self._registry._index
        index.setdefault(person.tokens[-1], []).append(person)
        index.setdefault("^" + person.tokens[0], []).append(person)


class _Registry:
    """Named people in a document, their descriptions, genders and mentions."""

    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.persons = _PersonTable(self)
        self._index: dict[str, list[_Person]] = {}
        self.subjects: list[tuple[int, str, str, str | None]] = []  # pos, kind, name, gender
        self._build()

    def _build(self) -> None:
        for a, b in self.ctx.sent_tok:
            self._read_sentence(a, b)

    def _read_sentence(self, a: int, b: int) -> None:
        """Register the people named in the sentence of tokens ``a``..``b`` (outside
        quotations), and record its first subject (a person or an institution)."""
        ctx = self.ctx
        tk = ctx.tk
        lw = tk.lower
        starters = _sentence_starters()
        k = a
        first_subject = True
        people: list[tuple[int, str]] = []
        while k < b:
            if not _is_cap(tk.words[k]) or ctx.in_quote[k] >= 0:
                k += 1
                continue
            j = k
            while j < b and (
                _is_cap(tk.words[j])
                or ((lw[j] in _PARTICLES or lw[j] == "of") and j + 1 < b
                    and _is_cap(tk.words[j + 1]))
            ):
                j += 1
                if lw[j - 1].endswith("'s"):
                    break
            i = k
            while i < j and (lw[i] in starters or lw[i] in _DETERMINERS or lw[i] in _LEADERS
                             or lw[i] in _PREPOSITIONS):
                i += 1
            k = max(j, k + 1)
            if i >= j:
                continue
            # "In Tel Aviv, Noa Cohen read ...": a run right after a preposition is its
            # object, not the sentence's subject ("On Monday Smith said" keeps Smith; "the
            # case of Ms. Hawkins" and "listening to Comey's statement" keep their topic)
            subject_here = first_subject and not (
                i > a and lw[i - 1] in _lex("object_prepositions") and not lw[j - 1].endswith("'s"))
            np_ = _classify_capitalised(tk, i, j)
            if np_.kind == "person":
                canonical = self._register_person(np_, i, j, a, b)
                if canonical is None:
                    continue
                people.append((j, canonical))
                if subject_here:
                    self.subjects.append((tk.starts[i], "person", canonical,
                                          self.persons[canonical].gender))
                    first_subject = False
            elif np_.kind == "institution" and subject_here:
                self.subjects.append((tk.starts[i], "institution", np_.name or np_.mention,
                                      None))
                first_subject = False
        self._gender_from_pronouns(people, b)

    def _register_person(self, np_: _NP, i: int, j: int, a: int, b: int) -> str | None:
        """The canonical name of the person named at tokens ``i``..``j`` of the sentence
        ``a``..``b`` (registered now if the name is full and reads as a person's), with the
        titles and the apposition the text gives them there; None if it names no one."""
        ctx = self.ctx
        tk = ctx.tk
        ns = np_.extra["name_start"]
        name_tokens = [_strip_poss(w) for w in tk.words[ns:j]]
        if not name_tokens or not name_tokens[-1]:
            return None
        hon = np_.extra["honorific"]
        # "said X" (inverted tag), not "told X" (the addressee).
        after_cue = (i - 1) >= a and (i - 1) in ctx.cue_at and (
            ctx.cue_at[i - 1].lemma not in _TELL_LIKE | {"ask", "urge", "call"}
        )
        before_cue = j in ctx.cue_at or (j < b and tk.words[j] == ",")
        known = (
            name_tokens[0].lower() in _first_names()
            or hon is not None
            or ns > i
            or after_cue
            or before_cue
        )
        full = len(name_tokens) >= 2 or hon is not None or ns > i
        canonical = self.lookup(name_tokens, tk.starts[i])
        if canonical is None and known and full and len(name_tokens) >= 2:
            canonical = " ".join(name_tokens)
            self.persons[canonical] = _Person(
                canonical, tuple(w.lower() for w in name_tokens),
                _gender_of_name(name_tokens, hon), tk.starts[i],
            )
        if canonical is None:
            return None
        person = self.persons[canonical]
        if person.gender is None:
            person.gender = _gender_of_name(name_tokens, hon)
        # Pre-modifier titles: "Israeli Defense Minister", "Hamas spokesman".
        pre = self._premodifier(i, ns, a, _lex("titles"))
        if pre:
            person.descriptions.append(pre)
        if j < b and tk.words[j] == ",":
            d = _apposition(tk, j, b, ctx.cue_at)
            if d:
                person.descriptions.append(d[0])
                if person.gender is None:
                    person.gender = _gender_of_words(d[0].split())
        return canonical

    def _gender_from_pronouns(self, people: list[tuple[int, str]], b: int) -> None:
        """One person in the sentence: a later "his"/"her" there (up to token ``b``) gives
        the gender."""
        if len({c for _, c in people}) != 1:
            return
        lw = self.ctx.tk.lower
        j, canonical = people[0]
        person = self.persons[canonical]
        if person.gender is None:
            seen = {_PRONOUN_GENDER[lw[x]] for x in range(j, b)
                    if lw[x] in _PRONOUN_GENDER and self.ctx.in_quote[x] < 0}
            if len(seen) == 1:
                person.gender = seen.pop()

    def _premodifier(self, i: int, ns: int, a: int, titles: frozenset[str]) -> str | None:
        tk = self.ctx.tk
        lw = tk.lower
        h = i
        hon = _lexicon()["honorifics"]
        while h > a and i - h < 6 and (
            _strip_poss(lw[h - 1]) in titles
            or (lw[h - 1].endswith("'s") and _is_cap(tk.words[h - 1]))
            or (lw[h - 1] in {"of", "for"} and h - 1 > a and _strip_poss(lw[h - 2]) in titles)
        ):
            h -= 1
        words = [w for w in tk.words[h:ns] if w.lower() not in hon]  # type: ignore[operator]
        return " ".join(words) or None

    def lookup(self, name_tokens: list[str], pos: int) -> str | None:
        """Find the registered person a (partial) name refers to."""
        key = tuple(w.lower() for w in name_tokens)
        if not key:
            return None
        joined = " ".join(name_tokens)
        if joined in self.persons:
            return joined
        best = None
        # Only people sharing the last word (a surname) or, for one word, the first word
        # (a given name) can match: an index keeps this independent of the cast's size.
        pool = self._index.get(key[-1], [])
        if len(key) == 1:
            pool = pool + self._index.get("^" + key[0], [])
        for p in pool:
            n = len(key)
            if len(p.tokens) > n and (p.tokens[-n:] == key or (n == 1 and p.tokens[0] == key[0])):
                score = (p.first_pos <= pos, p.first_pos if p.first_pos <= pos else -p.first_pos,
                         p.tokens[-n:] == key)
                if best is None or score > best[0]:
                    best = (score, p.canonical)
        return best[1] if best else None

    def description(self, canonical: str) -> str | None:
        p = self.persons.get(canonical)
        if p is None or not p.descriptions:
            return None
        return _join_descriptions(p.descriptions)


def _join_descriptions(parts: list[str]) -> str | None:
    """Join description pieces, dropping repeats and pieces another one contains."""
    flat: list[str] = []
    for d in parts:
        flat.extend(x.strip() for x in d.split("; ") if x.strip())
    keep: list[str] = []
    for d in flat:
        if any(d in k for k in keep):
            continue
        keep = [k for k in keep if k not in d]
        keep.append(d)
    return "; ".join(keep) or None


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    from ..text.segmentation import _sentence_starters as starters

    return frozenset(w.lower() for w in starters())
