"""Who a source is, from the whole article: aliases, titles, source type, affiliation side.

Helpers of :func:`mediakit.metrics.sources.analyze_sources`, kept apart so that the
rules read in one place:

* :func:`merge_source_aliases`: sources that are one under several names
  (:func:`mediakit.extract.aliases.merge_aliases`).
* :func:`with_article_titles`: a named source the codebook cannot place from its own
  mentions is classified from the title it carries elsewhere in the article
  ("Republican presidential candidate Donald Trump ... Trump said").
* :func:`type_source`: the source type (:func:`mediakit.extract.source_types.source_type`).
* :func:`affiliation_side`: a body without a side of its own ("the army", "a military
  spokesman") takes the side of the organisation of the same role the article names,
  before any place near the speaker is considered.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..codebook import Classification, Codebook
from ..extract.aliases import merge_aliases
from ..extract.lexicon import _PRONOUN_GENDER
from ..extract.source_types import source_type
from ..text import Document, normalize_quotes

__all__ = ["affiliation_side", "merge_source_aliases", "type_source", "with_article_titles"]

_MAX_TITLE_WORDS = 6
_TOKEN = re.compile(r"[\w.'’-]+|[^\w\s]")


def _context(atts, idx) -> tuple[list[str], list[str]]:
    descriptions = list(dict.fromkeys(a.speaker_description.strip() for a in (atts[i] for i in idx)
                                      if a.speaker_description and a.speaker_description.strip()))
    mentions = list(dict.fromkeys(a.speaker_mention.strip() for a in (atts[i] for i in idx)
                                  if a.speaker_mention and a.speaker_mention.strip()))
    return descriptions, mentions


def type_source(doc: Document, cb: Codebook, display: str, named: bool, atts, idx,
                role_rule: str | None) -> tuple[str, str]:
    """The source type of one source and its rule.

    Parameters
    ----------
    doc : Document
    cb : Codebook
    display : str
        The source's reported name.
    named : bool
    atts : sequence of Attribution
        The counted attributions; ``idx`` are the source's.
    idx : sequence of int
    role_rule : str or None
        The rule that gave the source's role.

    Returns
    -------
    tuple of str
        ``(source_type, source_type_rule)`` of
        :func:`mediakit.extract.source_types.source_type`; the rest of the sentence
        after the first mention is searched for an anonymity formula ("..., who spoke on
        condition of anonymity").
    """
    descriptions, mentions = _context(atts, idx)
    first = atts[idx[0]]
    tail = None
    sent = doc.sentence_at(first.speaker_start if first.speaker_start is not None else first.start)
    if sent is not None:
        at = first.speaker_end if first.speaker_end is not None else first.end
        tail = doc.normalized[max(at, sent.start):sent.end]
    return source_type(cb, display, named, mentions, "; ".join(descriptions) or None, tail,
                       role_rule)


def merge_source_aliases(doc: Document, cb: Codebook, atts, source_ids, keys
                         ) -> tuple[list, list[dict]]:
    """Source ids after merging aliases, and per source its ``display`` and ``named``.

    Parameters
    ----------
    doc : Document
    cb : Codebook
    atts : sequence of Attribution
        The counted attributions, in order.
    source_ids : sequence of int or None
        The grouper's source of each attribution.
    keys : sequence of dict
        The grouper's sources (``display``, ``named``).

    Returns
    -------
    tuple
        New source ids (numbered by first appearance) and the per-source dicts.
    """
    members: dict[int, list[int]] = {}
    for i, sid in enumerate(source_ids):
        if sid is not None:
            members.setdefault(sid, []).append(i)
    n = len(keys)
    names = [_whole_name(doc, cb, atts[members[s][0]], keys[s]["display"]) for s in range(n)]
    named = [keys[s]["named"] for s in range(n)]
    roles, types, paras, descs = [], [], [], []
    for s in range(n):
        descriptions, mentions = _context(atts, members[s])
        c = cb.explain(names[s], "; ".join([*descriptions, *mentions]) or None)
        roles.append(c.role)
        types.append(source_type(cb, names[s], named[s], mentions,
                                 "; ".join(descriptions) or None, None, c.role_rule)[0])
        paras.append(max(atts[i].paragraph for i in members[s]))
        descs.append("; ".join(descriptions))
    target, reported = merge_aliases(names, named, types, roles, paras, cb, descs)
    renumber: dict[int, int] = {}
    out: list[dict] = []
    for s in range(n):
        t = target[s]
        if t not in renumber:
            renumber[t] = len(out)
            out.append({"display": reported.get(t, names[t]), "named": named[t]})
        elif named[s]:
            out[renumber[t]]["named"] = True
    return [None if sid is None else renumber[target[sid]] for sid in source_ids], out


_OF_HEAD = re.compile(r"((?:[A-Z][\w'’&-]*\s+){0,3}([A-Z][\w'’-]*)\s+of\s+(?:the\s+)?)$")


def _whole_name(doc: Document, cb: Codebook, att, display: str) -> str:
    """An institution's name kept whole: "Board of Licensed Pharmacists" where the
    mention is only "Licensed Pharmacists" (the words before it are an organisation's
    head noun and "of", ``source_types.organisation``)."""
    if att.speaker_start is None or not display[:1].isupper():
        return display
    text = doc.normalized
    span = normalize_quotes(text[att.speaker_start:att.speaker_end])
    name = normalize_quotes(display)
    if span.endswith(name) and len(span) > len(name):
        before = span[:-len(name)]  # the mention holds more than the name
    elif span.startswith(name):
        before = text[max(0, att.speaker_start - 80):att.speaker_start]
    else:
        return display
    m = _OF_HEAD.search(before)
    org = cb.sections.source_types.get("organisation")
    if m is None or org is None or not org.find(m.group(2)):
        return display
    return re.sub(r"^(?:The|the)\s+", "", m.group(1)) + display


_MAX_OCCURRENCES = 20  # occurrences of a name searched for titles
_APPOSITION = re.compile(r",\s+((?:a|an|the|his|her|their|its|[A-Z][\w.'’-]*['’]s?)\s"
                         r"[^,.;:()\n\"]{2,80}?)(?=[,.;:)]|\s+(?:said|says|told)\b)")


def _capitalised_words(doc: Document) -> dict[str, list[int]]:
    """Lower-case capitalised word -> its offsets in the article (a shared layer, so
    that finding a name is linear in the text, not in text times sources)."""
    def build(d: Document) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for m in re.finditer(r"\b[A-Z][\w'’-]*", d.normalized):
            out.setdefault(m.group().lower(), []).append(m.start())
        return out
    return doc.layer(("source_profile.capitalised",), build)


def _occurrences(doc: Document, name: str) -> list[int]:
    """Start offsets of ``name`` in the article (at most :data:`_MAX_OCCURRENCES`)."""
    text = doc.normalized
    last = name.split()[-1]
    out = []
    for at in _capitalised_words(doc).get(last.lower(), ()):
        start = at + len(last) - len(name)
        if start >= 0 and text.startswith(name, start):
            out.append(start)
            if len(out) >= _MAX_OCCURRENCES:
                break
    return out


def _title_run(cb: Codebook, before: list[str]) -> list[str]:
    """The title words at the end of ``before``, read backwards."""
    words = cb.sections.title_words
    kept: list[str] = []
    for k in range(len(before) - 1, -1, -1):
        tok = before[k]
        if len(kept) >= _MAX_TITLE_WORDS or not re.match(r"\w", tok):
            break
        # a word of a title: capitalised, a title word, or inside a codebook term
        # with the word before it ("campaign manager")
        pair = " ".join(before[max(0, k - 1):k + 1])
        if not (tok[:1].isupper() or tok.lower() in words or cb.find_terms(tok)
                or cb.find_terms(pair)):
            break
        kept.insert(0, tok)
    return kept


def _titles_before(doc: Document, cb: Codebook, name: str) -> list[str]:
    """The titles written with ``name`` elsewhere in the article: before it ("House
    Speaker Paul Ryan"; "His chief strategist, Tad Devine") or in apposition after it
    ("Jeff Weaver, Sanders' campaign manager,")."""
    text = doc.normalized
    name = normalize_quotes(name).strip()
    if len(name.split()) < 2:
        return []
    out = []
    for at in _occurrences(doc, name):
        line_start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1)
        before = _TOKEN.findall(text[max(line_start, at - 160):at])
        kept = _title_run(cb, before)
        if kept:
            out.append(" ".join(kept))
        elif before and before[-1] == ",":
            # "His chief strategist, Tad Devine": only when the words hold a codebook term
            run = " ".join(_title_run(cb, before[:-1]))
            if run and cb.find_terms(run):
                out.append(run)
        m = _APPOSITION.match(text, at + len(name), at + len(name) + 120)
        if m:
            out.append(m.group(1))
    return list(dict.fromkeys(out))


def with_article_titles(doc: Document, cb: Codebook, c: Classification, display: str,
                        named: bool, context: str) -> Classification:
    """A named source's classification, completed from the titles of the article.

    Parameters
    ----------
    doc : Document
    cb : Codebook
    c : Classification
        The classification from the source's own mentions and descriptions.
    display : str
        The source's name.
    named : bool
    context : str
        The source's descriptions and mentions, joined.

    Returns
    -------
    Classification
        ``c`` unless the source is named, of role ``unknown`` by no rule, and a title
        written with its name elsewhere ("Republican presidential candidate Donald
        Trump", "Her cousin, Avner Levi") classifies it; the rules are then prefixed
        ``"article: "``.
    """
    if c.role != "unknown" or c.role_rule is not None or not named:
        return c
    titles = _titles_before(doc, cb, display)
    if not titles:
        return c
    c2 = cb.explain(display, "; ".join([*titles, context]) if context else "; ".join(titles))
    if c2.role == "unknown":
        return c
    return Classification(c2.role, c2.side, f"article: {c2.role_rule}",
                          None if c2.side_rule is None else f"article: {c2.side_rule}")


def affiliation_side(doc: Document, cb: Codebook, role: str, role_rule: str | None,
                     offset: int) -> tuple[str, str] | None:
    """The side of a generic body from its affiliation in the article.

    Parameters
    ----------
    doc : Document
    cb : Codebook
    role : str
        The source's role.
    role_rule : str or None
        The rule that gave it: a ``bodies`` rule ("the army", "the ministry"), or a
        ``titles`` rule of role ``military`` or ``armed_group`` ("a military spokesman").
    offset : int
        Where the source is first mentioned.

    Returns
    -------
    tuple of str or None
        ``(side, "affiliation: <organisation>")`` of the nearest organisation of the
        same role with a side named before ``offset`` ("the Israeli military"), or None.
    """
    if role_rule is None or not (role_rule.startswith("bodies:") or (
            role_rule.startswith("titles:") and role in ("military", "armed_group"))):
        return None
    by_role = doc.layer(("source_profile.organisations", cb.path, id(cb)), lambda d: _by_role(
        h for h in cb.tier_hits("organisations", d.normalized) if h.side))
    starts, hits = by_role.get(role, ((), ()))
    k = bisect.bisect_left(starts, offset) - 1
    if k >= 0:
        return hits[k].side, f"affiliation: {hits[k].term}"
    return None


_POSSESSIVE_START = re.compile(r"(?:her|his|their)\s", re.IGNORECASE)
# "Her cousin, " right before a name: the words after the last sentence or clause break
_RELATIVE_BEFORE = re.compile(
    r"(?:^|[.;:!?][\"')\]]*\s+|,\s+)((?:her|his|their)\s[^,.;:]{1,30}),\s*$", re.IGNORECASE)


def relative_side(doc: Document, cb: Codebook, descriptions: Sequence[str], offset: int,
                  earlier: Sequence, atts: Sequence) -> tuple[str, str] | None:
    """The side of a relative of a person quoted before ("Her cousin, Avner Levi").

    Parameters
    ----------
    doc : Document
    cb : Codebook
    descriptions : sequence of str
        The source's descriptions.
    offset : int
        Where the source is first mentioned.
    earlier : sequence of Source
        The sources before it (in order of first appearance).
    atts : sequence of Attribution
        The counted attributions, which ``Source.attributions`` index.

    Returns
    -------
    tuple of str or None
        ``(side, "relative: <name>")``: when a description, or the words right before
        the first mention, open with his, her or their and a family term of the
        codebook's ``civilian_cues.family`` ("her cousin, Avner Levi", "his wife"), the
        side of the named person quoted last before it (a woman for "her", a man for
        "his", by the pronouns among their mentions; either when none), if that side is
        decided; else None.
    """
    family = dict(cb.sections.civilian_cues).get("family")
    if family is None:
        return None
    lead = _RELATIVE_BEFORE.search(doc.normalized[max(0, offset - 40):offset])
    texts = [*descriptions, *([lead.group(1)] if lead else [])]
    kin = next((d for d in texts if _POSSESSIVE_START.match(d) and any(
        m.start == 0 for m in family.find(normalize_quotes(d)))), None)
    if kin is None:
        return None
    gender = _PRONOUN_GENDER.get(kin.split()[0].lower())  # his: m, her: f, their: none
    before = [(atts[i].start, s) for s in earlier
              if s.named and s.source_type == "named_person"
              and (gender is None or _source_gender(s) in (None, gender))
              for i in s.attributions if atts[i].start < offset]
    if not before:
        return None
    person = max(before, key=lambda x: x[0])[1]
    if person.side in ("unknown", "other"):
        return None
    return person.side, f"relative: {person.speaker}"


def _source_gender(source) -> str | None:
    """A source's gender from the pronouns among its mentions ("She"), else None."""
    found = {_PRONOUN_GENDER[m.lower()] for m in source.mentions if m.lower() in _PRONOUN_GENDER}
    return found.pop() if len(found) == 1 else None


def _by_role(hits) -> dict[str, tuple[list[int], list]]:
    out: dict[str, tuple[list[int], list]] = {}
    for h in hits:
        starts, items = out.setdefault(h.role, ([], []))
        starts.append(h.start)
        items.append(h)
    return out
