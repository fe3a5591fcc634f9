"""Who speaks: attributions grouped into sources, with roles, sides and diversity.

:func:`analyze_sources` runs the attribution extractor
(:func:`mediakit.extract.attribution.extract_attributions`), classifies each speaker with the
codebook (:mod:`mediakit.codebook`), merges attributions by the same speaker into one
*source*, and measures how diverse the set of sources is (:mod:`mediakit.metrics.diversity`).

Merging speakers into sources
-----------------------------
* A named speaker is one source per canonical name, compared without titles
  ("Mr.", "Dr.", "Gen.") and case; a name equal to the last words of an earlier
  full name ("Gallant" after "Yoav Gallant", "Abu Ouda" after "Said Abu Ouda") joins
  the most recent such source, and a full name joins an earlier short form of it.
* An unnamed speaker ("two U.S. officials") joins an earlier unnamed source when
  its content words are the same ("a National Security Council spokesperson" and
  "a spokesperson for the National Security Council"), or when it opens with an
  anaphoric determiner (the, both, these, those) and its content words are all in
  the most recent earlier unnamed source that has them ("both officials" joins
  "two U.S. officials"; "the person" joins "a person familiar with the talks").
  A mention opening with "another" or "other" is always a new source. This is
  conservative: two unnamed mentions with different wording that do refer to the
  same person are counted twice.
* An attribution with no speaker at all (a quote nobody is given for) is kept in
  the attribution list with role and side ``unknown`` but belongs to no source.

Side from context
-----------------
When neither the codebook terms in the speaker's name and description nor the
codebook's default side for the role names a side, the side is taken from the
nearest nationality word, place or state name *before* the speaker's first mention,
in the same paragraph or the two before it ("Residents of Saltivka ... Natalia
Bondar said" -> ukraine). An article that names no codebook side at all (a local
council story) puts every source of known role on side ``other``. Both rules are
recorded in ``side_rule`` and can be switched off with ``context_sides=False``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..codebook import Codebook, load_codebook
from ..extract.lexicon import DEFAULT_COUNTED_CUE_TYPES, parse_counted_cue_types
from ..extract.not_quotations import not_quotations
from ..extract.page_lines import page_lines
from ..extract.quotes import open_quotations
from ..text import Document, normalize_quotes, word_tokens
from . import diversity as dv
from .registry import CorpusColumns, Family, Parameter, packaged
from .source_profile import (
    affiliation_side,
    merge_source_aliases,
    relative_side,
    type_source,
    with_article_titles,
)

__all__ = ["Source", "SourcesResult", "analyze_sources", "format_sources_table"]

NDIGITS = 4
_CONTEXT_PARAGRAPHS = 3  # paragraphs before the mention's own searched for a side
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|gen|lt|col|maj|capt|sgt|brig|cllr|rev|sen|rep|gov|"
    r"president|prime minister|minister|sheikh|sir|dame|lord|lady)\.?\s+)+",
    re.IGNORECASE,
)
_DETERMINERS = {
    "a", "an", "the", "both", "these", "those", "this", "that", "one", "two", "three",
    "four", "five", "six", "several", "some", "many", "few", "all", "each", "any",
}
_ANAPHORIC = {"the", "both", "these", "those", "this", "that", "such"}
_NEW = {"another", "other", "others"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
_STOP = {"of", "for", "at", "in", "on", "with", "and", "to", "from", "by", "who", "s"}


@dataclass(frozen=True)
class Source:
    """A distinct source: every attribution to one speaker."""

    id: int
    speaker: str
    named: bool
    role: str
    side: str
    role_rule: str | None
    side_rule: str | None
    description: str | None
    mentions: tuple[str, ...]
    attributions: tuple[int, ...]
    n_direct: int
    n_partial: int
    n_indirect: int
    quoted_words: int
    first_paragraph: int
    paragraphs: tuple[int, ...]
    source_type: str | None = None
    source_type_rule: str | None = None

    @property
    def n_attributions(self) -> int:
        return len(self.attributions)

    def to_dict(self) -> dict:
        # Every field is a plain value or a tuple of them: a shallow copy is enough
        # (dataclasses.asdict deep-copies, which costs more than building the record).
        d = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        d["mentions"] = list(self.mentions)
        d["attributions"] = list(self.attributions)
        # The record numbers paragraphs from 1 (the Source keeps the 0-based indexes).
        d["first_paragraph"] = self.first_paragraph + 1
        d["paragraphs"] = [p + 1 for p in self.paragraphs]
        d["n_attributions"] = self.n_attributions
        return d


@dataclass(frozen=True)
class SourcesResult:
    """Attributions (with role and side), distinct sources and diversity measures.

    ``attributions[i]`` belongs to ``speakers[source_ids[i]]`` (``None``: no speaker).
    """

    attributions: tuple
    source_ids: tuple[int | None, ...]
    speakers: tuple[Source, ...]
    diversity: dict
    codebook: str
    open_quotations: tuple = ()
    page_lines: tuple = ()
    not_quotations: tuple = ()

    def to_dict(self) -> dict:
        """The JSON ``sources`` object: ``attributions``, ``speakers``, ``diversity``."""
        atts = []
        for a, sid in zip(self.attributions, self.source_ids):
            atts.append(
                {
                    "speaker": a.speaker if sid is None else self.speakers[sid].speaker,
                    "speaker_mention": a.speaker_mention,
                    "speaker_description": a.speaker_description,
                    "role": a.role,
                    "side": a.side,
                    "named": a.named,
                    "kind": a.kind,
                    "cue": a.cue,
                    "cue_type": a.cue_type,
                    "cue_lemma": a.cue_lemma,
                    "cue_head": getattr(a, "cue_head", None),
                    "rule": a.rule,
                    "text": a.text,
                    "start": a.start,
                    "end": a.end,
                    "sentence": a.sentence,
                    "paragraph": a.paragraph + 1,  # numbered from 1
                    "speaker_start": a.speaker_start,
                    "speaker_end": a.speaker_end,
                    "source": sid,
                    "source_type": None if sid is None else self.speakers[sid].source_type,
                    "quoted_words": quoted_words(a),
                    **_statement_keys(a),
                }
            )
        return {
            "attributions": atts,
            "speakers": [s.to_dict() for s in self.speakers],
            "diversity": self.diversity,
            # The record numbers paragraphs from 1.
            "open_quotations": [{**q, "paragraph": q["paragraph"] + 1}
                                for q in self.open_quotations],
            "page_lines": [{**x, "paragraph": x["paragraph"] + 1} for x in self.page_lines],
            "not_quotations": [dict(x) for x in self.not_quotations],
        }


def _statement_keys(a) -> dict:
    """An attribution's statement keys (:mod:`mediakit.extract.attribution.statements`):
    its quoted fragments, statement id and whether it continues an earlier piece."""
    return {"quotes": [list(q) for q in getattr(a, "quotes", ())],
            "quote_group": getattr(a, "quote_group", None),
            "continuation": getattr(a, "continuation", False)}


_QUOTED = re.compile(r'"([^"]*)"')


def quoted_words(attribution) -> int:
    """Words inside quotation marks.

    A direct quote counts all its words (its text is the quotation). A partial quote
    (a mixed statement) counts the words of its quoted fragments (``quotes``, offsets
    into the text: "has expressed “deep concern” about ..." counts 2); for a record made
    by another extractor, without ``quotes``, the words between quotation marks in its
    text, or all its words when the text carries no marks (the quoted fragment alone).
    Indirect speech counts 0.
    """
    if attribution.kind == "direct":
        return len(word_tokens(attribution.text))
    quotes = getattr(attribution, "quotes", ())
    if attribution.kind == "partial" and quotes:
        base = attribution.start
        return sum(len(word_tokens(attribution.text[s - base : e - base])) for s, e in quotes)
    if attribution.kind == "partial":
        inner = _QUOTED.findall(normalize_quotes(attribution.text))
        if inner:
            return sum(len(word_tokens(q)) for q in inner)
        return len(word_tokens(attribution.text))
    return 0


# ----------------------------------------------------------------------- merging


def _name_key(name: str) -> str:
    name = normalize_quotes(name).strip()
    name = _TITLES.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" ,.;:").lower()


def _content_words(mention: str) -> tuple[str | None, frozenset[str]]:
    """First word (lower case) and the content words of an unnamed mention."""
    words = [w.lower() for w in word_tokens(normalize_quotes(mention))]
    first = words[0] if words else None
    content = set()
    for w in words:
        if w in _DETERMINERS or w in _ANAPHORIC or w in _NEW or w in _STOP or w.isdigit():
            continue
        # crude singular: officials -> official, spokespeople stays
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        content.add(w)
    return first, frozenset(content)


class _Grouper:
    """Assign attributions to sources in reading order (see the module docstring).

    Sources are indexed by their name key, by the last word of their name and by each
    content word of an unnamed mention, so an attribution is compared only with the
    sources it could belong to: linear in the article, not quadratic.
    """

    def __init__(self):
        self.keys: list[dict] = []  # per source: named, key, words, display
        self._by_key: dict[str, list[int]] = {}  # named sources by current key
        self._by_last: dict[str, list[int]] = {}  # named sources by the key's last word
        self._by_words: dict[frozenset, int] = {}  # first unnamed source of these words
        self._by_word: dict[str, list[int]] = {}  # unnamed sources holding a word

    def _add(self, source: dict) -> int:
        i = len(self.keys)
        self.keys.append(source)
        if source["named"]:
            self._by_key.setdefault(source["key"], []).append(i)
            parts = source["key"].split()
            if parts:
                self._by_last.setdefault(parts[-1], []).append(i)
        else:
            self._by_words.setdefault(source["words"], i)
            for w in source["words"]:
                self._by_word.setdefault(w, []).append(i)
        return i

    def _named(self, display: str) -> int:
        key = _name_key(display)
        parts = key.split()
        same = self._by_key.get(key)
        if same:
            return same[0]
        # A shorter form of an earlier name ("Abu Ouda" after "Said Abu Ouda"), or the
        # full form of an earlier short one: the most recent such source. Either shares
        # the last word.
        for i in reversed(self._by_last.get(parts[-1], ()) if parts else ()):
            s = self.keys[i]
            old = s["key"].split()
            if len(parts) < len(old) and old[-len(parts):] == parts:
                return i
            if len(old) < len(parts) and parts[-len(old):] == old:
                self._by_key[s["key"]].remove(i)  # the full name arrives later
                self._by_key.setdefault(key, []).append(i)
                self._by_key[key].sort()
                s["key"], s["display"] = key, display
                return i
        return self._add({"named": True, "key": key, "display": display})

    def assign(self, a) -> int | None:
        display = a.speaker or a.speaker_mention
        if not display or not display.strip() or display.strip().lower() in _PRONOUNS:
            return None  # no speaker, or a pronoun the extractor could not resolve
        if a.named:
            return self._named(display)
        first, words = _content_words(display)
        if first not in _NEW and words:
            if words in self._by_words:
                return self._by_words[words]
            if first in _ANAPHORIC:
                # A source whose words include these holds any one of them.
                for i in reversed(self._by_word.get(min(words), ())):
                    if words <= self.keys[i]["words"]:
                        return i
        return self._add({"named": False, "key": display.lower(), "words": words,
                          "display": display})


# -------------------------------------------------------------------- main entry


def analyze_sources(
    doc: Document,
    codebook: Codebook | str | Path | None = None,
    attributions=None,
    context_sides: bool = True,
    verbs_path: str | Path | None = None,
    counted_cue_types: str = DEFAULT_COUNTED_CUE_TYPES,
) -> SourcesResult:
    """Find who speaks in a document and how diverse the voices are.

    Parameters
    ----------
    doc : Document
        A segmented article (:func:`mediakit.text.segment`).
    codebook : Codebook or path, optional
        The codebook for roles and sides; the packaged default when None.
    attributions : sequence of Attribution, optional
        Attributions already extracted (for tests or another extractor); by default
        :func:`mediakit.extract.attribution.extract_attributions` is run on ``doc``.
    context_sides : bool
        Take a source's side from the text around its first mention when its name
        and description name none (see the module docstring).
    verbs_path : str or Path, optional
        A reporting-verb list instead of the packaged ``reporting_verbs.txt``.
    counted_cue_types : str
        Which attributions count, by ``cue_type``: types separated by commas, or ``all``
        (every attribution PolNeAR would annotate, beliefs and negated cues included).
        The default counts speech, stances and "according to"; a record made by another
        extractor (no ``cue_type``) always counts.

    Returns
    -------
    SourcesResult
        Attributions with ``role`` and ``side`` set, the distinct sources, and the
        diversity measures; deterministic, floats rounded to 4 places.

    References
    ----------
    Sigal, L. V. (1973). *Reporters and Officials*. Lexington, MA: D. C. Heath.
    """
    cb = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    if attributions is None:
        from ..extract.attribution.extractor import extract_with_marks

        attributions, marks = extract_with_marks(doc, verbs_path=verbs_path)
    else:
        marks = {"open_quotations": open_quotations(doc), "not_quotations": not_quotations(doc),
                 "page_lines": page_lines(doc)}
    counted = parse_counted_cue_types(counted_cue_types)
    # An attribution on a caption, promo, subhead or pull quote is not counted.
    atts = sorted((a for a in attributions
                   if (getattr(a, "cue_type", None) is None or a.cue_type in counted)
                   and getattr(a, "page_line", None) is None),
                  key=lambda a: (a.start, a.end))

    grouper = _Grouper()
    source_ids, keys = merge_source_aliases(doc, cb, atts, [grouper.assign(a) for a in atts],
                                            grouper.keys)
    members: dict[int, list[int]] = {}
    for i, sid in enumerate(source_ids):
        if sid is not None:
            members.setdefault(sid, []).append(i)
    side_index: list = []  # the document's side terms, found on first need
    speakers: list[Source] = []
    for sid in range(len(keys)):  # in order of first appearance: a relative's person first
        speakers.append(_classify_source(doc, cb, sid, keys[sid], members[sid], atts,
                                         context_sides, side_index, speakers))
    return dataclasses.replace(
        finish_sources(atts, source_ids, speakers, cb),
        open_quotations=tuple(marks["open_quotations"]),
        page_lines=_page_line_records(doc, marks["page_lines"], attributions),
        not_quotations=tuple(marks["not_quotations"]))


def _classify_source(doc: Document, cb: Codebook, sid: int, key: dict, idx: list[int],
                     atts: list, context_sides: bool, side_index: list,
                     earlier: list[Source]) -> Source:
    """One source: its attributions ``idx`` classified by the codebook, with its side
    taken, when nothing else names one, from its organisation, from the person it is a
    relative of (``earlier``: the sources before it) or from the text around its first
    mention."""
    group = [atts[i] for i in idx]
    display = key["display"]
    descriptions = _unique(a.speaker_description for a in group)
    mentions = _unique(a.speaker_mention for a in group)
    context = "; ".join(_unique([*descriptions, *mentions]))
    c = with_article_titles(doc, cb, cb.explain(display, context or None), display,
                            key["named"], context)
    side, side_rule = c.side, c.side_rule
    # An anonymity formula ("a person familiar with the talks") is deliberately
    # left without a side; anyone else takes it from context when nothing names one.
    deliberate = c.role == "unknown" and c.role_rule is not None
    if side == "unknown" and context_sides and not deliberate:
        if not side_index:
            side_index.append(_side_index(doc, cb))
        first = min(
            (a.speaker_start if a.speaker_start is not None else a.start) for a in group
        )
        if key["named"]:
            # the first time the name appears, which may precede every attribution
            at = doc.normalized.find(normalize_quotes(display))
            if at >= 0:
                first = min(first, at)
        side, side_rule = (affiliation_side(doc, cb, c.role, c.role_rule, first)
                           or relative_side(doc, cb, descriptions, first, earlier, atts)
                           or _context_side(doc, side_index[0], first, c.role))
    source_type, source_type_rule = type_source(doc, cb, display, key["named"], atts, idx,
                                                c.role_rule)
    return Source(
        id=sid, speaker=display, role=c.role, side=side, role_rule=c.role_rule,
        side_rule=side_rule, description=descriptions[0] if descriptions else None,
        mentions=tuple(mentions), attributions=tuple(idx), **source_counts(group),
        source_type=source_type, source_type_rule=source_type_rule,
    )


def source_counts(group) -> dict:
    """What a source's attributions add up to: the :class:`Source` fields ``named``,
    ``n_direct``, ``n_partial``, ``n_indirect``, ``quoted_words``, ``first_paragraph``
    and ``paragraphs`` (shared with the coders' corrections, which regroup them)."""
    paras = sorted({a.paragraph for a in group})
    kinds = Counter(a.kind for a in group)
    return {
        "named": any(a.named for a in group),
        "n_direct": kinds.get("direct", 0),
        "n_partial": kinds.get("partial", 0),
        "n_indirect": kinds.get("indirect", 0),
        "quoted_words": sum(quoted_words(a) for a in group),
        "first_paragraph": paras[0],
        "paragraphs": tuple(paras),
    }


def finish_sources(atts, source_ids, speakers: list[Source], cb: Codebook) -> SourcesResult:
    """Give each attribution its source's role and side (``unknown`` without a source)
    and measure the diversity of the sources."""
    final = []
    for a, sid in zip(atts, source_ids):
        s = speakers[sid] if sid is not None else None
        final.append(dataclasses.replace(a, role=s.role if s else "unknown",
                                         side=s.side if s else "unknown"))
    div = source_diversity(final, source_ids, speakers, cb.official_roles)
    return SourcesResult(tuple(final), tuple(source_ids), tuple(speakers), div, cb.path)


def _page_line_records(doc: Document, lines: dict[int, str], attributions
                       ) -> tuple[dict, ...]:
    """The page lines of the document (:func:`mediakit.extract.page_lines.page_lines`):
    ``paragraph``, ``kind``, ``start``/``end`` (offsets of the paragraph) and
    ``attributions`` (how many attributions there were left uncounted)."""
    starts = [p.start for p in doc.paragraphs]
    per_line: Counter[int] = Counter()
    for a in attributions:
        if getattr(a, "page_line", None):
            # The content's paragraph if it is a page line, else the cue's.
            i = bisect.bisect_right(starts, a.start) - 1
            per_line[i if i in lines else a.paragraph] += 1
    return tuple({"paragraph": i, "kind": kind, "start": doc.paragraphs[i].start,
                  "end": doc.paragraphs[i].end, "attributions": per_line.get(i, 0)}
                 for i, kind in sorted(lines.items()))


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v and v.strip():
            seen.setdefault(v.strip(), None)
    return list(seen)


def _side_index(doc: Document, cb: Codebook):
    hits = cb.place_hits(doc)
    # Every place term is also a side term, so a place found settles "any side named";
    # only a text without places needs the (longer) side scan.
    return [h.start for h in hits], hits, bool(hits) or bool(cb.side_hits(doc))


def _context_side(doc: Document, side_hits, offset: int, role: str) -> tuple[str, str | None]:
    starts, hits, any_side = side_hits
    if not any_side:
        if role != "unknown":
            return "other", "article: no codebook side named"
        return "unknown", None
    sent = doc.sentence_at(offset)
    para = sent.paragraph if sent is not None else None
    if para is None:
        for p in doc.paragraphs:
            if p.start <= offset <= p.end:
                para = p.index
    if para is None:
        return "unknown", None
    lo = doc.paragraphs[max(0, para - _CONTEXT_PARAGRAPHS)].start
    k = bisect.bisect_left(starts, offset) - 1
    if k >= 0 and hits[k].start >= lo:
        h = hits[k]
        return h.side, f"context: {h.term}"
    # The setting: the first place named in the opening paragraph (the dateline).
    first = doc.paragraphs[0] if doc.paragraphs else None
    if hits and first is not None and hits[0].start < first.end and hits[0].start < offset:
        return hits[0].side, f"setting: {hits[0].term}"
    return "unknown", None


# -------------------------------------------------------------------- diversity


def _counts(keys, weights=None) -> dict:
    """Counts (or summed weights) per key, largest first, ties by name."""
    c: Counter = Counter()
    for i, k in enumerate(keys):
        c[k] += 1 if weights is None else weights[i]
    return {k: c[k] for k in sorted(c, key=lambda k: (-c[k], k))}


def _r(x):
    return None if x is None else round(x, NDIGITS)


def _distribution(src_keys, att_keys, word_weights) -> dict:
    by_sources = _counts(src_keys)
    by_atts = _counts(att_keys)
    by_words = {k: v for k, v in _counts(att_keys, word_weights).items() if v}
    known = {k: v for k, v in by_sources.items() if k != "unknown"}
    return {
        "counts": {"sources": by_sources, "attributions": by_atts, "quoted_words": by_words},
        "shares": {
            "sources": dv.shares(by_sources, NDIGITS),
            "attributions": dv.shares(by_atts, NDIGITS),
            "quoted_words": dv.shares(by_words, NDIGITS),
        },
        # Diversity over the sources whose category is known: "unknown" is missing
        # information, not a kind of voice.
        "k": dv.richness(known),
        "shannon": _r(dv.shannon(known)),
        "evenness": _r(dv.evenness(known)),
        "simpson": _r(dv.simpson(known)),
    }


def source_diversity(atts, source_ids, speakers, official_roles) -> dict:
    """Diversity measures of one article's sources (see ``docs/metrics.md``)."""
    words = [quoted_words(a) for a in atts]
    n_att = len(atts)
    n_src = len(speakers)
    n_named = sum(1 for s in speakers if s.named)
    role_counts = _counts(s.role for s in speakers)
    off = dv.official_ratio(role_counts, official_roles)
    off_att = dv.official_ratio(_counts(a.role for a in atts), official_roles)
    return {
        "n_sources": n_src,
        "n_attributions": n_att,
        "n_unattributed": sum(1 for s in source_ids if s is None),
        # Of those, the ones with a speaker mention left unresolved ("he", "the senator"
        # with no compatible full mention before it).
        "n_unresolved": sum(1 for a, s in zip(atts, source_ids, strict=True)
                            if s is None and a.speaker_mention is not None),
        "n_quoted_words": sum(words),
        "n_named_sources": n_named,
        "unnamed_share": _r((n_src - n_named) / n_src) if n_src else None,
        "direct_share": _r(sum(1 for a in atts if a.kind == "direct") / n_att) if n_att else None,
        "quote_kinds": _counts(a.kind for a in atts),
        "official": {
            "official_roles": list(official_roles),
            "sources": {"official": off["official"], "non_official": off["non_official"],
                        "ratio": _r(off["ratio"]), "share": _r(off["share"])},
            "attributions": {"official": off_att["official"],
                             "non_official": off_att["non_official"],
                             "ratio": _r(off_att["ratio"]), "share": _r(off_att["share"])},
        },
        "roles": _distribution([s.role for s in speakers], [a.role for a in atts], words),
        "sides": _distribution([s.side for s in speakers], [a.side for a in atts], words),
    }


# ------------------------------------------------------------------------- table


def _fmt(x) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.2f}"
    return str(x)


def format_sources_table(result: SourcesResult, width: int = 100) -> str:
    """A readable table of who speaks, for ``mediakit sources PATH``.

    Parameters
    ----------
    result : SourcesResult
    width : int
        Maximum line length; long names are cut.

    Returns
    -------
    str
        One row per source (role, side, named, attributions, direct quotes, quoted
        words, first paragraph), then the diversity summary.
    """
    head = ("#", "speaker", "role", "side", "named", "attr", "direct", "words", "para")
    rows = [
        (str(s.id), s.speaker, s.role, s.side, "yes" if s.named else "no",
         str(s.n_attributions), str(s.n_direct), str(s.quoted_words), str(s.first_paragraph + 1))
        for s in result.speakers
    ]
    fixed = [len(h) for h in head]
    for r in rows:
        fixed = [max(w, len(c)) for w, c in zip(fixed, r)]
    room = width - sum(fixed) + fixed[1] - 2 * (len(head) - 1)
    fixed[1] = max(12, min(fixed[1], room))

    def line(cells):
        out = []
        for w, c in zip(fixed, cells):
            c = c if len(c) <= w else c[: w - 1] + "…"
            out.append(c.ljust(w))
        return "  ".join(out).rstrip()

    lines = [line(head), line(["-" * w for w in fixed])]
    lines += [line(r) for r in rows]
    d = result.diversity
    lines.append("")
    lines.append(
        f"{d['n_sources']} sources, {d['n_attributions']} attributions "
        f"({d['n_unattributed']} without a speaker), {d['n_quoted_words']} quoted words"
    )
    lines.append(
        f"unnamed sources: {_fmt(d['unnamed_share'])}   direct quotes: {_fmt(d['direct_share'])}"
        f"   official share: {_fmt(d['official']['sources']['share'])}"
        f"   official/non-official: {_fmt(d['official']['sources']['ratio'])}"
    )
    for name in ("roles", "sides"):
        dist = d[name]
        items = [f"{k} {v}" for k, v in dist["counts"]["sources"].items()] or ["-"]
        # wrap between items, never inside "category count"
        line = f"{name}:"
        for i, item in enumerate(items):
            piece = f" {item}" + ("," if i < len(items) - 1 else "")
            if len(line) + len(piece) > width:
                lines.append(line)
                line = "   "
            line += piece
        lines.append(line)
        lines.append(
            f"    Shannon {_fmt(dist['shannon'])}, evenness {_fmt(dist['evenness'])}, "
            f"Simpson {_fmt(dist['simpson'])}"
        )
    return "\n".join(lines)


FAMILY = Family(
    name="sources",
    compute=lambda inp: analyze_sources(inp.doc, codebook=inp.codebook,
                                        verbs_path=inp.params["reporting_verbs"],
                                        counted_cue_types=inp.params["counted_cue_types"]),
    requires=("sentences", "paragraphs", "codebook"),
    parameters=(
        Parameter("reporting_verbs", str, None, "reporting-verb list of the attribution "
                  "extractor (default: the packaged one)", optional=True, check="file",
                  metavar="FILE", data_file=packaged("reporting_verbs.txt")),
        Parameter("counted_cue_types", str, DEFAULT_COUNTED_CUE_TYPES,
                  "which attributions count as statements, by cue type: types separated by "
                  "commas (speech, belief, intention, evidence, stance, nominal, "
                  "according_to, negated) or all", check="cue_types", metavar="TYPES"),
    ),
    outputs=("attributions", "speakers", "diversity", "open_quotations", "page_lines",
             "not_quotations"),
    corpus=CorpusColumns(
        transparent=(("diversity",),),
        dropped=(("diversity", "official", "official_roles"),),
        categories={
            ("diversity", "quote_kinds"): "quote_kinds",
            ("diversity", "roles", "counts", "*"): "roles",
            ("diversity", "roles", "shares", "*"): "roles",
            ("diversity", "sides", "counts", "*"): "sides",
            ("diversity", "sides", "shares", "*"): "sides",
        },
        category_lists=lambda codebook, params: {"quote_kinds": ("direct", "partial", "indirect"),
                                         "roles": tuple(codebook.roles),
                                         "sides": tuple(codebook.sides)},
    ),
    doc_anchor="who-speaks-roles-sides-and-source-diversity",
)
