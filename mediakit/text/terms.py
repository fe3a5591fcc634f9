"""Codebook terms found in a text: one matcher, one rule for plurals and regular expressions.

A term matches as a whole word; a term ending in a letter also matches with a plural -s or
-es ("Ethiopian" matches "Ethiopians"); an all-capital term ("US", "WHO", "IDF") only in
capitals, other terms in any case; a term starting with ``re:`` is a regular expression
(whole words too). At each word the longest matching term wins and the scan resumes after
it. :class:`_Matcher` holds the terms of one codebook tier; :class:`SideTermMatcher` the
side terms with the sides they name. :mod:`mediakit.codebook` builds them from the
codebook file; every family that reads codebook terms in a text uses these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

from .normalize import normalize_quotes

__all__ = ["Match", "SideTermMatcher", "side_term_matcher"]


@dataclass(frozen=True)
class Match:
    """One codebook term found in a speaker's text."""

    tier: str  # strong_titles | people | organisations | bodies | titles | states | sides
    term: str
    start: int
    end: int
    role: str | None
    side: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Rule:
    term: str
    pattern: str
    role: str | None
    side: str | None


def _acronym(term: str) -> bool:
    """Whether a term is in capitals throughout, two letters or more ("US", "WHO", "IDF")."""
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _term_pattern(term: str) -> str:
    """Regex for one term: whole words, optional plural, capitals kept for acronyms."""
    if term.startswith("re:"):
        return f"(?<!\\w)(?:{term[3:]})(?!\\w)"
    body = re.escape(term).replace(r"\ ", r"\s+")
    if _acronym(term):
        # "US", "WHO", "IDF": only in capitals, or they would match "us", "who".
        return f"(?<!\\w)(?-i:{body})(?![\\w])"
    plural = "(?:s|es)?" if term[-1].isalpha() else ""
    return f"(?<!\\w){body}{plural}(?!\\w)"


_WORD = re.compile(r"\w+")


class _Matcher:
    """All terms of one tier, indexed by their first word.

    Only the rules whose first word is the word at a position are tried there (regular
    expression terms are tried everywhere), so a long article is scanned in time linear
    in its length rather than in length times the number of terms.
    """

    def __init__(self, tier: str, rules: list[_Rule]):
        self.tier = tier
        self.rules = rules
        # compiled on first use: most terms never meet their first word in a text
        self.compiled: list[re.Pattern | None] = [None] * len(rules)
        self.by_first: dict[str, list[int]] = {}
        self.always: list[int] = []
        self._recent: dict[str, list[Match]] = {}
        for i, r in enumerate(rules):
            if r.term.startswith("re:"):
                self.always.append(i)
                continue
            words = _WORD.findall(r.term.lower())
            if not words:
                self.always.append(i)
                continue
            keys = {words[0]}
            if len(words) == 1:  # the plural -s/-es sits on the first (only) word
                keys |= {words[0] + "s", words[0] + "es"}
            for k in keys:
                self.by_first.setdefault(k, []).append(i)

    def _regex(self, i: int) -> re.Pattern:
        regex = self.compiled[i]
        if regex is None:
            regex = self.compiled[i] = re.compile(self.rules[i].pattern, re.IGNORECASE)
        return regex

    def _always_hits(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Start -> [(end, rule index)] of the terms tried at every word.

        Each such term's regex searches the text once per place it matches instead of
        being tried at every word: the same matches (a search from ``p`` returns what a
        match at the first position it succeeds from would), in C rather than a Python
        loop over words.
        """
        hits: dict[int, list[tuple[int, int]]] = {}
        for i in self.always:
            regex = self._regex(i)
            mm = regex.search(text)
            while mm:
                hits.setdefault(mm.start(), []).append((mm.end(), i))
                mm = regex.search(text, mm.start() + 1)
        return hits

    def find(self, text: str) -> list[Match]:
        """All matches, leftmost first; at one position the longest term wins."""
        hit = self._recent.get(text)
        if hit is None:
            # The rules ask about the same phrase several times in a row (a speaker's
            # type, role and side): remember the last texts, not every text seen.
            if len(self._recent) > 64:
                self._recent.clear()
            hit = self._recent[text] = self._find(text)
        return list(hit)

    def _find(self, text: str) -> list[Match]:
        out = []
        pos = 0
        always = self._always_hits(text) if self.always else {}
        for w in _WORD.finditer(text):
            start = w.start()
            if start < pos:
                continue
            cands = self.by_first.get(w.group().lower())
            anywhere = always.get(start)
            if not cands and not anywhere:
                continue
            best_end, best_rule = -1, None
            for i in cands or ():
                mm = self._regex(i).match(text, start)
                if mm and mm.end() > best_end:
                    best_end, best_rule = mm.end(), self.rules[i]
            for end, i in anywhere or ():  # in rule order, as they were tried
                if end > best_end:
                    best_end, best_rule = end, self.rules[i]
            if best_rule is not None:
                out.append(Match(self.tier, best_rule.term, start, best_end, best_rule.role,
                                 best_rule.side))
                pos = best_end
        return out


class SideTermMatcher:
    """Side terms (side -> terms) matched by the codebook's one rule, :func:`_term_pattern`.

    Whole words; an optional plural -s/-es on a term ending in a letter ("Ethiopian"
    matches "Ethiopians"); all-capital terms ("US", "WHO", "IDF") only in capitals;
    other terms in any case; ``re:`` terms are regular expressions. The leftmost, then
    longest, match wins. A term listed under several sides gives all of them.

    Parameters
    ----------
    side_terms : Mapping[str, Sequence[str]]
        Side name -> terms, in the order sides are reported.
    """

    def __init__(self, side_terms: Mapping[str, Sequence[str]]):
        self.order: tuple[str, ...] = tuple(str(k) for k in side_terms)
        rules: list[_Rule] = []
        sides_of: dict[str, list[str]] = {}
        for side, terms in side_terms.items():
            for raw in terms:
                term = normalize_quotes(str(raw).strip())
                if not term:
                    continue
                key = _term_key(term)
                if key not in sides_of:
                    sides_of[key] = []
                    rules.append(_Rule(term, _term_pattern(term), None, None))
                if str(side) not in sides_of[key]:
                    sides_of[key].append(str(side))
        self._sides = {k: tuple(v) for k, v in sides_of.items()}
        self._matcher = _Matcher("sides", rules)

    def first_words(self) -> frozenset[str] | None:
        """The lower-cased first word of every term ("oct" of "Oct. 7"), with the plurals
        of one-word terms: a text holding none of them has no match. None when a term
        (a regular expression) may start anywhere."""
        return None if self._matcher.always else frozenset(self._matcher.by_first)

    def matches(self, text: str) -> list[tuple[Match, tuple[str, ...]]]:
        """Each side term in ``text`` (quotes already normalised), leftmost first, with
        the sides it names."""
        return [(m, self._sides[_term_key(m.term)]) for m in self._matcher.find(text)]


def _term_key(term: str) -> str:
    return term if term.startswith("re:") or _acronym(term) else term.lower()


@lru_cache(maxsize=64)
def _side_term_matcher(items: tuple[tuple[str, tuple[str, ...]], ...]) -> SideTermMatcher:
    return SideTermMatcher(dict(items))


def side_term_matcher(side_terms: Mapping[str, Sequence[str]] | None) -> SideTermMatcher:
    """The (cached) :class:`SideTermMatcher` of a side-term mapping.

    Parameters
    ----------
    side_terms : Mapping[str, Sequence[str]] or None
        Side name -> terms (a codebook's ``side_terms`` or a plain mapping); None or
        empty gives a matcher that finds nothing.

    Returns
    -------
    SideTermMatcher
    """
    items = tuple((str(k), tuple(str(t) for t in v)) for k, v in (side_terms or {}).items())
    return _side_term_matcher(items)
