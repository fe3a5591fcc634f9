"""Text integrity: sentences a news reporter would not have written.

Scraped pages and machine-rewritten ("spun") copies carry sentences that are not
reporting: "I plan to.", "We encourage you to explore.", "Please discuss confidential
matters anonymously.", "They plan to discuss a plan to ensure security while ensuring
security." Each sentence is read with its quotations blanked out (quoted speech may say
anything) and checked by the rules below; each rule that fires is recorded with its id
and the words it matched, so a researcher can see why. The article gets a summary
(counts, share of sentences flagged, band clean / some / suspect).

Flags and their rules (word lists in ``mediakit/data/integrity.yaml`` and
``mediakit/data/stock_phrases.txt``; each documented in ``docs/metrics.md``):

``person``
    ``person.first_singular``, ``person.first_plural``, ``person.second``: first or
    second person outside quotations. Lowered (recorded, not flagged) when the
    article's genre is one that speaks in the first person (opinion, feature, ...).
``appeal``
    ``appeal.please`` ("Please ...", "Kindly ..."), ``appeal.imperative`` (a sentence
    that opens with a verb of the list in the base form).
``repetition``
    ``repetition.connective`` (a pair of content words on both sides of "while", "by",
    ...), ``repetition.window`` (the same content word twice within a few words).
``fragment``
    ``fragment.cut_off`` (ends on "to", "the", ...), ``fragment.no_verb`` (no verb),
    ``fragment.label`` (a caption or dateline left in the text).
``stock_phrase``
    ``stock_phrase``: a web or spinner phrase of the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from ..errors import CodebookError
from ..extract.quotes import quotations
from ..text import Document
from .registry import CorpusColumns, Family, Parameter, packaged

__all__ = ["FLAGS", "RULES", "Integrity", "SentenceFlags", "integrity", "load_integrity_rules",
           "quoted_mask", "text_without"]

#: Flag -> its rules (ids), in the order they are checked.
FLAGS: dict[str, tuple[str, ...]] = {
    "person": ("person.first_singular", "person.first_plural", "person.second"),
    "appeal": ("appeal.please", "appeal.imperative"),
    "repetition": ("repetition.connective", "repetition.window"),
    "fragment": ("fragment.cut_off", "fragment.no_verb", "fragment.label"),
    "stock_phrase": ("stock_phrase",),
}
#: Rule id -> flag.
RULES: dict[str, str] = {rule: flag for flag, rules in FLAGS.items() for rule in rules}
BANDS = ("clean", "some", "suspect")

_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|'(?:s|re|ve|d|ll)\b|[,;:\-\u2013\u2014]")
#: _TOKEN's matches that are not words: each a single mark (a word starts with a
#: letter or "'").
_MARKS = frozenset(",;:-\u2013\u2014")


@dataclass(frozen=True)
class IntegrityRules:
    """The word lists and settings of the rules (read from the data files)."""

    person: dict[str, frozenset[str]]
    first_person_genres: frozenset[str]
    openers: frozenset[str]
    imperative_verbs: frozenset[str]
    connectives: tuple[tuple[str, ...], ...]
    window: int
    determiners: frozenset[str]
    ignore: frozenset[str]
    cut_off_endings: frozenset[str]
    elliptical_to_verbs: frozenset[str]
    min_words: int
    verbs: frozenset[str]
    labels: tuple[re.Pattern, ...]
    suspect_share: float
    suspect_count: int
    phrases: tuple[re.Pattern, ...]
    function_words: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def person_words(self) -> frozenset[str]:
        """Every word of the person lists, and "i" (the tokens the person rules look
        at); worked out once (a cached property writes past the frozen fields)."""
        return frozenset({"i"}).union(*(self.person[kind] for kind in _PERSON_KINDS))

    @cached_property
    def matchers(self) -> tuple[_Matcher, _Matcher]:
        """Matchers of the labels and of the stock phrases."""
        return _matcher(self.labels), _matcher(self.phrases)

    @cached_property
    def not_content(self) -> frozenset[str]:
        """Words the repetition rules pass over: function words and ``ignore``."""
        return self.function_words | self.ignore

    @cached_property
    def connective_starts(self) -> frozenset[str]:
        """The first word of each connective."""
        return frozenset(conn[0] for conn in self.connectives)


def _words(path: str) -> frozenset[str]:
    raw = Path(path).read_text("utf-8")
    return frozenset(s for line in raw.splitlines() if (s := line.strip().lower())
                     and not s.startswith("#"))


def _phrases(path: str) -> tuple[re.Pattern, ...]:
    patterns = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                patterns.append(re.compile(line, re.IGNORECASE))
            except re.error as exc:
                raise CodebookError(path, f"bad stock-phrase pattern ({exc})", number) from None
    return tuple(patterns)


@lru_cache(maxsize=8)
def load_integrity_rules(rules_path: str | None = None, phrases_path: str | None = None
                         ) -> IntegrityRules:
    """Read the rules' word lists (once per process and pair of files).

    Parameters
    ----------
    rules_path : str or None
        An ``integrity.yaml``; None reads the packaged one.
    phrases_path : str or None
        A stock-phrase file (one regular expression a line); None reads the packaged one.

    Returns
    -------
    IntegrityRules

    Raises
    ------
    CodebookError
        A malformed file, naming it and the key at fault.
    """
    rules_path = rules_path or str(packaged("integrity.yaml")())
    phrases_path = phrases_path or str(packaged("stock_phrases.txt")())
    try:
        raw = yaml.safe_load(Path(rules_path).read_text("utf-8"))
        person, appeal = raw["person"], raw["appeal"]
        rep, frag, bands = raw["repetition"], raw["fragment"], raw["bands"]
        return IntegrityRules(
            person={k: frozenset(v) for k, v in person.items()},
            first_person_genres=frozenset(g.lower() for g in raw["first_person_genres"]),
            openers=frozenset(appeal["openers"]),
            imperative_verbs=frozenset(appeal["imperative_verbs"]),
            connectives=tuple(tuple(c.split()) for c in rep["connectives"]),
            window=int(rep["window"]), determiners=frozenset(rep["determiners"]),
            ignore=frozenset(rep["ignore"]),
            cut_off_endings=frozenset(frag["cut_off_endings"]),
            elliptical_to_verbs=frozenset(frag["elliptical_to_verbs"]),
            min_words=int(frag["min_words"]), verbs=frozenset(frag["verbs"]),
            labels=tuple(re.compile(p, re.IGNORECASE) for p in frag["labels"]),
            suspect_share=float(bands["suspect_share"]),
            suspect_count=int(bands["suspect_count"]),
            phrases=_phrases(phrases_path),
            function_words=_words(str(packaged("english_function_words.txt")())),
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error,
            yaml.YAMLError) as exc:
        raise CodebookError(rules_path, f"malformed integrity rules ({exc!r})") from None


# ------------------------------------------------------------------------- quotes


def quoted_mask(doc: Document) -> str:
    """``doc.text`` with every quotation (marks included) blanked to spaces: the
    document's quotation layer (:func:`mediakit.extract.quotes.quotations`), the same
    quotations the attribution extractor finds."""
    return quotations(doc).mask


# -------------------------------------------------------------------------- rules


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[:-len(suffix)]
    return w


_PERSON_KINDS = ("first_singular", "first_plural", "second")


class _Tokens:
    """One sentence's tokens, read once and shared by the rules.

    Attributes
    ----------
    tokens, lowers : list of str
        ``_TOKEN`` matches of the masked sentence, and each lower-cased.
    words, wlowers : list of str
        The words (tokens that are not marks), and each lower-cased.
    at : list of int
        Positions in ``tokens`` of the words (worked out when first asked for).
    """

    def __init__(self, masked: str) -> None:
        tokens = _TOKEN.findall(masked)
        # No token holds a space and lower-casing makes none: one call for them all.
        lowers = " ".join(tokens).lower().split(" ") if tokens else []
        self.tokens, self.lowers = tokens, lowers
        if _MARKS.isdisjoint(tokens):
            self.words, self.wlowers = tokens, lowers
        else:  # a mark lower-cased is itself; a word lower-cased is no mark
            self.words = [w for w in tokens if w not in _MARKS]
            self.wlowers = [w for w in lowers if w not in _MARKS]

    @cached_property
    def at(self) -> list[int]:
        return [p for p, t in enumerate(self.tokens) if t not in _MARKS]


def _person(t: _Tokens, rules: IntegrityRules) -> list[tuple[str, str]]:
    hits = []
    listed = rules.person_words
    tokens = t.tokens
    for i, low in enumerate(t.lowers):
        if low not in listed:
            continue
        tok = tokens[i]
        if tok == "I":
            # "World War I", "Louis I": a capitalised word before it, inside the sentence.
            if i > 0 and tokens[i - 1][:1].isupper() and i - 1 > 0:
                continue
            hits.append(("person.first_singular", tok))
            continue
        if tok in (low, low.capitalize()) and low != "i":  # "US": country
            for kind in _PERSON_KINDS:
                if low in rules.person[kind]:
                    hits.append((f"person.{kind}", tok))
    return hits


def _appeal(t: _Tokens, rules: IntegrityRules) -> list[tuple[str, str]]:
    if not t.words:
        return []
    first = t.wlowers[0]
    if first in rules.openers:
        return [("appeal.please", t.words[0])]
    second = t.wlowers[1] if len(t.words) > 1 else ""
    if first in rules.imperative_verbs and second not in rules.verbs:
        return [("appeal.imperative", t.words[0])]
    return []


#: Stems of lower-cased words met so far (emptied when it grows past ``_STEMS_MAX``).
_STEMS: dict[str, str] = {}
_STEMS_MAX = 65536


def _content(t: _Tokens, rules: IntegrityRules) -> list[tuple[int, str]]:
    """Positions and stems of the content words (longer than two letters, not
    function words or words of ``ignore``)."""
    skip, stems = rules.not_content, _STEMS
    if len(stems) > _STEMS_MAX:
        stems.clear()
    # _stem lower-cases its word first, so the lower-cased word has the same stem.
    return [(i, stems.get(low) or stems.setdefault(low, _stem(low)))
            for i, low in enumerate(t.wlowers) if len(low) > 2 and low not in skip]


def _connective(t: _Tokens, content: list[tuple[int, str]], rules: IntegrityRules
                ) -> list[tuple[str, str]]:
    """``repetition.connective``: the same pair of content words before a connective
    and right after its ``-ing`` word ("to ensure security while ensuring security")."""
    lowers = t.wlowers
    starts_at = [k for k, w in enumerate(lowers) if w in rules.connective_starts]
    # The rule needs an -ing word after a connective's first word.
    if not starts_at or not any(w.endswith("ing") for w in lowers[starts_at[0] + 1:]):
        return []
    present = set(lowers)
    connectives = [conn for conn in rules.connectives if conn[0] in present]
    pairs = [(i, j, (a, b)) for (i, a), (j, b) in zip(content, content[1:]) if j - i <= 2]
    starts: dict[str, list[int]] = {}
    for k, w in enumerate(lowers):
        starts.setdefault(w, []).append(k)
    for conn in connectives:
        n = len(conn)
        ks = [k for k in starts.get(conn[0], ()) if tuple(lowers[k:k + n]) == conn
              and k + n < len(lowers) and lowers[k + n].endswith("ing")]
        same = [pair for k in ks for i, _, pair in pairs if i == k + n
                if any(j < k and p == pair for _, j, p in pairs)]
        if same:
            return [("repetition.connective", f"{' '.join(conn)}: {' '.join(same[0])}")]
    return []


def _repetition(t: _Tokens, rules: IntegrityRules) -> list[tuple[str, str]]:
    """``repetition.connective`` and ``repetition.window`` over a sentence's tokens."""
    content = _content(t, rules)
    hits = _connective(t, content, rules)
    words, lowers, at = t.words, t.wlowers, t.at
    for i, j in _repeated_within(content, rules.window):
        if 0 < i and lowers[j - 1] in rules.determiners \
                and not words[i][:1].isupper() and not words[j][:1].isupper() \
                and lowers[i - 1] not in rules.determiners \
                and _COORDINATION.isdisjoint(t.lowers[at[i] + 1:at[j]]):
            hits.append(("repetition.window", f"{words[i]} ... {words[j]}"))
            return hits
    return hits


def _repeated_within(content: list[tuple[int, str]], window: int) -> list[tuple[int, int]]:
    """Word positions ``(i, j)``, ``i < j <= i + window``, of two uses of one stem, in
    order of ``i`` then ``j`` (stems are grouped first, so only repeated ones are paired)."""
    at: dict[str, list[int]] = {}
    for i, stem in content:
        at.setdefault(stem, []).append(i)
    if len(at) == len(content):  # no stem twice
        return []
    pairs = [(i, j) for positions in at.values() if len(positions) > 1
             for x, i in enumerate(positions) for j in positions[x + 1:] if j - i <= window]
    return sorted(pairs)


#: Tokens between two uses of a word that make the repetition ordinary: coordination
#: ("officials and an official"), a list, a heading, a compound ("state-of-the-state").
_COORDINATION = frozenset({",", ";", ":", "-", "\u2013", "\u2014", "and", "or", "nor"})
#: What the regular expression ``[\s.!?]+$`` takes off the end: whitespace and these marks.
_END_MARKS = ".!?"


def _without_end(text: str) -> str:
    r"""``text`` without its last run of whitespace and ``.!?`` (as ``[\s.!?]+$`` finds it;
    ``\s`` and ``str.isspace`` agree), found from the end."""
    k = len(text)
    while k and (text[k - 1] in _END_MARKS or text[k - 1].isspace()):
        k -= 1
    return text[:k]


def _fragment(sentence: str, masked: str, t: _Tokens, rules: IntegrityRules
              ) -> list[tuple[str, str]]:
    stripped = sentence.strip()
    if rules.matchers[0].first(stripped) is not None:
        return [("fragment.label", stripped)]
    hits = []
    words = t.words
    last = words[-1] if words else ""
    # stripped.rstrip(".!?") is re.sub(r"[.!?]+\s*$", "", stripped): stripped ends
    # on no whitespace.
    if last and masked.rstrip().endswith((".", "!", "?")) \
            and _without_end(masked).endswith(last) \
            and stripped.rstrip(_END_MARKS).endswith(last) \
            and last == last.lower() and (
                last in rules.cut_off_endings
                or (last == "to" and len(words) > 1
                    and t.wlowers[-2] in rules.elliptical_to_verbs)):
        hits.append(("fragment.cut_off", last if last != "to" else f"{words[-2]} to"))
    if len(words) >= rules.min_words and not _has_verb(t.wlowers, rules):
        hits.append(("fragment.no_verb", ""))
    return hits


#: Words after which the next word is taken for a verb ("we encourage", "to explore").
_BEFORE_VERB = frozenset("i we you they he she it to please kindly not".split())


def _has_verb(lowers: list[str], rules: IntegrityRules) -> bool:
    """Whether some word (``lowers``, lower-cased) is taken for a verb: one of the
    list, one after a word of ``_BEFORE_VERB``, or one with a verb's ending."""
    return (not rules.verbs.isdisjoint(lowers) or not _BEFORE_VERB.isdisjoint(lowers[:-1])
            or any((len(w) > 4 and w.endswith(("ed", "es")))
                   or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))
                   for w in lowers))


@lru_cache(maxsize=16)
def _any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One pattern that matches where any of ``patterns`` does: a quick test before the
    patterns are tried one by one (None when they cannot be joined, e.g. back-references)."""
    if not patterns or any(re.search(r"\\[1-9]|\(\?P=", p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)
    except re.error:
        return None


#: Pattern sources that match ASCII text, ignoring case, exactly where they match it
#: lower-cased: lower-case ASCII letters, digits, spaces, apostrophes, groups,
#: alternatives, ``?`` and ``\b`` only.
_CASE_BLIND = re.compile(r"(?:[a-z0-9 '()|?]|\\b)*")


@lru_cache(maxsize=16)
def _any_of_lowered(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """:func:`_any_of` without ``IGNORECASE``, for ASCII text lower-cased, when every
    pattern is of ``_CASE_BLIND`` (else None).

    Ignoring case, a lower-case ASCII letter matches an ASCII character exactly when
    that character lower-cased is the letter; digits, spaces and apostrophes match
    only themselves; lower-casing ASCII keeps the length and which characters are word
    characters (``\b``). So on ASCII text the two match at the same places, and the
    case-sensitive search, free of case folding, is about twice as quick.
    """
    if _any_of(patterns) is None or not all(_CASE_BLIND.fullmatch(p.pattern)
                                            for p in patterns):
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


class _Matcher:
    """Patterns tried in list order after a quick test with them joined
    (:func:`_any_of`, or :func:`_any_of_lowered` on ASCII text)."""

    def __init__(self, patterns: tuple[re.Pattern, ...]) -> None:
        self.patterns = patterns
        self.joined, self.lowered = _any_of(patterns), _any_of_lowered(patterns)

    def first(self, text: str) -> re.Match | None:
        """The match of the first pattern, in list order, that matches ``text``."""
        if self.lowered is not None and text.isascii():
            if self.lowered.search(text.lower()) is None:
                return None
        elif self.joined is not None and self.joined.search(text) is None:
            return None
        for pattern in self.patterns:
            m = pattern.search(text)
            if m:
                return m
        return None


@lru_cache(maxsize=16)
def _matcher(patterns: tuple[re.Pattern, ...]) -> _Matcher:
    return _Matcher(patterns)


def _stock(masked: str, rules: IntegrityRules) -> list[tuple[str, str]]:
    m = rules.matchers[1].first(masked)
    return [("stock_phrase", m.group(0))] if m else []


def _sentence_hits(sentence: str, masked: str, rules: IntegrityRules
                   ) -> list[tuple[str, str]]:
    """Every rule that fires on one sentence (``masked``: its quotations blanked)."""
    if not masked.strip():
        return []  # all quotation
    t = _Tokens(masked)
    return (_person(t, rules) + _appeal(t, rules) + _repetition(t, rules)
            + _fragment(sentence, masked, t, rules) + _stock(masked, rules))


# ------------------------------------------------------------------------- result


@dataclass(frozen=True)
class SentenceFlags:
    """A sentence with the rules that fired on it.

    Attributes
    ----------
    index, paragraph, start, end : int
        The sentence's place in the document.
    text : str
    flags : tuple of str
        The flags it carries (a sentence is flagged when this is not empty).
    rules : tuple of dict
        Each rule that fired: ``{"rule", "flag", "match"}``.
    lowered : tuple of str
        Rules that fired but do not count in this genre (person rules in an opinion
        piece).
    """

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    flags: tuple[str, ...]
    rules: tuple[dict, ...]
    lowered: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"index": self.index, "paragraph": self.paragraph + 1, "start": self.start,
                "end": self.end, "text": self.text, "flags": list(self.flags),
                "rules": [dict(r) for r in self.rules], "lowered": list(self.lowered)}


@dataclass(frozen=True)
class Integrity:
    """The integrity flags of one article.

    Attributes
    ----------
    n_sentences, n_flagged : int
    flagged_share : float or None
        ``n_flagged / n_sentences`` (None for no sentences).
    band : str
        ``clean`` (none flagged), ``some``, ``suspect`` (see the data file's ``bands``).
    genre : str
        The genre the rules assumed, and ``genre_source`` where it came from
        (``parameter``, ``front matter`` or ``default``).
    counts : dict
        Flagged sentences per flag (every flag, zeros included).
    rule_counts : dict
        Sentences on which each rule fired (every rule).
    n_lowered : int
        Sentences that only lowered rules fired on (not flagged).
    sentences : tuple of SentenceFlags
        The flagged sentences and those with lowered rules, in order.
    excluded_from_metrics : bool
        Whether the other families were computed without the flagged sentences.
    """

    n_sentences: int
    n_flagged: int
    flagged_share: float | None
    band: str
    genre: str
    genre_source: str
    counts: dict
    rule_counts: dict
    n_lowered: int
    sentences: tuple[SentenceFlags, ...]
    excluded_from_metrics: bool = False

    @property
    def flagged_indices(self) -> tuple[int, ...]:
        """Indices of the flagged sentences."""
        return tuple(s.index for s in self.sentences if s.flags)

    def to_dict(self) -> dict:
        return {"n_sentences": self.n_sentences, "n_flagged": self.n_flagged,
                "flagged_share": self.flagged_share, "band": self.band, "genre": self.genre,
                "genre_source": self.genre_source, "counts": dict(self.counts),
                "rule_counts": dict(self.rule_counts), "n_lowered": self.n_lowered,
                "sentences": [s.to_dict() for s in self.sentences],
                "excluded_from_metrics": self.excluded_from_metrics}


def _band(n_flagged: int, share: float, rules: IntegrityRules) -> str:
    if n_flagged == 0:
        return "clean"
    if share >= rules.suspect_share or n_flagged >= rules.suspect_count:
        return "suspect"
    return "some"


def integrity(doc: Document, *, genre: str | None = None, genre_source: str | None = None,
              rules_path: str | None = None, phrases_path: str | None = None) -> Integrity:
    """Flag the sentences of a document that a news reporter would not have written.

    Parameters
    ----------
    doc : Document
        The segmented article.
    genre : str or None
        The article's genre; None is ``news``. In a genre of the data file's
        ``first_person_genres`` the person rules are lowered (recorded, not flagged).
    genre_source : str or None
        Where the genre came from, recorded as given (default: ``parameter`` when a
        genre is given, else ``default``).
    rules_path, phrases_path : str or None
        Word lists to use instead of the packaged ``integrity.yaml`` and
        ``stock_phrases.txt``.

    Returns
    -------
    Integrity
    """
    rules = load_integrity_rules(rules_path, phrases_path)
    source = genre_source or ("default" if genre is None else "parameter")
    genre = (genre or "news").strip().lower()
    lowered_flags = {"person"} if genre in rules.first_person_genres else set()
    masked = quoted_mask(doc)
    out, counts, rule_counts = [], dict.fromkeys(FLAGS, 0), dict.fromkeys(RULES, 0)
    for s in doc.sentences:
        hits = _sentence_hits(s.text, masked[s.start:s.end], rules)
        if not hits:
            continue
        seen = list(dict.fromkeys(rule for rule, _ in hits))
        for rule in seen:
            rule_counts[rule] += 1
        flags = tuple(dict.fromkeys(RULES[r] for r in seen if RULES[r] not in lowered_flags))
        lowered = tuple(r for r in seen if RULES[r] in lowered_flags)
        for flag in flags:
            counts[flag] += 1
        if seen:
            first = {}
            for rule, match in hits:
                first.setdefault(rule, match)
            out.append(SentenceFlags(
                s.index, s.paragraph, s.start, s.end, s.text, flags,
                tuple({"rule": r, "flag": RULES[r], "match": m} for r, m in first.items()),
                lowered))
    n = len(doc.sentences)
    n_flagged = sum(1 for s in out if s.flags)
    share = round(n_flagged / n, 4) if n else None
    return Integrity(
        n_sentences=n, n_flagged=n_flagged, flagged_share=share,
        band=_band(n_flagged, share or 0.0, rules), genre=genre, genre_source=source,
        counts=counts, rule_counts=rule_counts,
        n_lowered=sum(1 for s in out if s.lowered and not s.flags), sentences=tuple(out))


def text_without(doc: Document, indices) -> str:
    """The document's text without the sentences of ``indices``, paragraphs kept (a
    paragraph left empty is dropped); for ``exclude_flagged``."""
    drop = set(indices)
    paragraphs = []
    for para in doc.paragraphs:
        kept = [s.text for s in doc.sentences_in(para.index) if s.index not in drop]
        if kept:
            paragraphs.append(" ".join(kept))
    return "\n\n".join(paragraphs)


def _compute(inp) -> Integrity:
    given = inp.params.get("genre")
    meta = inp.meta
    if given is None and meta.get("genre") not in (None, ""):
        given, source = str(meta["genre"]), "front matter"
    else:
        source = None
    return integrity(inp.doc, genre=given, genre_source=source,
                     rules_path=inp.params["integrity_rules"],
                     phrases_path=inp.params["stock_phrases"])


FAMILY = Family(
    name="integrity",
    compute=_compute,
    requires=("sentences", "paragraphs"),
    parameters=(
        Parameter("integrity_rules", str, None, "word lists of the text-integrity rules "
                  "(default: the packaged integrity.yaml)", optional=True, check="file",
                  metavar="YAML", data_file=packaged("integrity.yaml")),
        Parameter("stock_phrases", str, None, "stock web phrases, one regular expression a "
                  "line (default: the packaged one)", optional=True, check="file",
                  metavar="FILE", data_file=packaged("stock_phrases.txt")),
        Parameter("exclude_flagged", bool, False, "compute the other families without the "
                  "sentences the integrity rules flag (recorded; off by default)"),
        Parameter("genre", str, None, "the article's genre (news, opinion, feature, ...): "
                  "first-person genres lower the person flag (default: the front matter's "
                  "genre, else news)", optional=True, metavar="GENRE"),
    ),
    outputs=("n_sentences", "n_flagged", "flagged_share", "band", "genre", "genre_source",
             "counts", "rule_counts", "n_lowered", "sentences", "excluded_from_metrics"),
    corpus=CorpusColumns(transparent=(("counts",),),
                         dropped=(("rule_counts",), ("sentences",))),
    doc_anchor="text-integrity",
)
