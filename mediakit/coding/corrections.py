"""Corrected metrics: the families recomputed with the coders' codes.

A thin layer over the analysis: the families run as :class:`~mediakit.run.analyzer.Analyzer`
runs them, and right after ``sources`` and ``framing`` the coders' codes replace the
machine's, so civilian voice reads the corrected sources. What a correction does:

* ``not an attribution`` (``not a harm mention``): the row is dropped.
* A role or side on any attribution of a source applies to the source, as the codebook's
  own classification does; when the corrections of one source disagree, the most
  frequent code wins (ties: the earliest in the text).
* A speaker moves the attribution to the source of that name (compared without case),
  or to a new source classified by the codebook unless the coder gave its role and side.
* A kind, construction, harm type or victim side replaces the machine's.
* ``missed one here``: a new attribution or harm mention where the marked words are
  found in the article (an added attribution counts as an unnamed source unless it
  joins a named one). An added harm mention needs its construction and harm type.

Emotive counts follow the corrected mentions; the tone by actor does not depend on
them and is left as it is.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..text import normalize_quotes
from .reading import MISSED, CodedRow, CodedSheet, CodingError, read_codesheet
from .sheets import SHEETS, code_lists, mark_span, row_id

__all__ = ["Corrections", "apply_corrections", "corrected_families", "corrector",
           "load_corrections"]

CORRECTED_FAMILIES = ("sources", "civilian_voice", "framing")


@dataclass(frozen=True)
class Corrections:
    """A coded sheet used to correct the metrics of the articles it covers."""

    sheet: CodedSheet
    rejections: dict  # sheet name -> verdicts that reject a row

    @property
    def article_ids(self) -> frozenset[str]:
        return frozenset(self.sheet.articles)

    def rows(self, article_id: str, sheet: str) -> list[CodedRow]:
        """The rows of one article in one sheet."""
        return [r for r in self.sheet.rows.get(sheet, ()) if r.article_id == article_id]


def load_corrections(path: str | Path, codes: Mapping[str, Sequence[str]] | None = None
                     ) -> Corrections:
    """Read a coded sheet for correcting (see :func:`~mediakit.coding.reading.read_codesheet`)."""
    codes = code_lists() if codes is None else codes
    sheet = read_codesheet(path, codes)
    rejections = {name: {v for v in codes[f"verdict_{name}"] if v != MISSED} for name in SHEETS}
    return Corrections(sheet, rejections)


def corrected_families(article, analyzer, corrections: Corrections) -> tuple[dict, dict]:
    """The sources, civilian voice and framing of an article, with the coders' codes.

    Parameters
    ----------
    article : Article
        An article of the coded sheet, as read now.
    analyzer : Analyzer
        The analysis the sheet was made with.
    corrections : Corrections

    Returns
    -------
    tuple
        ``{family: output}`` for ``sources``, ``civilian_voice`` and ``framing``, and the
        provenance entry: the sheet's ``path`` and ``sha256``, and the row ids
        ``corrected``, ``rejected`` and ``added``.

    Raises
    ------
    CodingError
        When the article's text no longer matches the SHA-256 the sheet was made from,
        or a row id or marked span matches nothing in the article.
    """
    from ..codebook import load_codebook
    from ..metrics.registry import FamilyInput, families
    from ..text import segment

    sheet = corrections.sheet
    expected = sheet.articles.get(article.id)
    if expected is None:
        raise CodingError(sheet.path, f"article {article.id!r} is not in the sheet",
                          sheet="articles")
    if expected != article.sha256:
        raise CodingError(sheet.path, f"article {article.id!r} was coded with SHA-256 "
                          f"{expected[:12]}... but reads {article.sha256[:12]}... now: its "
                          "text changed since the sheet was written", sheet="articles")
    params = analyzer.get_params()
    codebook = load_codebook(params["codebook"])
    doc = segment(article.measured_text)
    log = {"corrected": [], "rejected": [], "added": []}
    fixes = {
        "sources": lambda out: _correct_sources(out, doc, codebook, article, corrections, log),
        "framing": lambda out: _correct_framing(out, doc, params, article, corrections, log),
    }
    results: dict = {}
    for fam in families():
        out = fam.compute(FamilyInput(doc, params, results, codebook))
        results[fam.name] = fixes[fam.name](out) if fam.name in fixes else out
    provenance = {"path": sheet.path, "sha256": sheet.sha256,
                  **{k: sorted(v) for k, v in log.items()}}
    return {name: results[name].to_dict() for name in CORRECTED_FAMILIES}, provenance


def _rows_by_id(corrections: Corrections, article, doc, sheet: str, spans: Sequence
                ) -> tuple[dict, list[CodedRow]]:
    """The sheet's rows of one article by row id, and the rows the coder added.

    Each row must be one mediakit finds now, at the same words: a sheet made by another
    version of the extractor (whose row ids may point at other statements) is refused.
    """
    spec = SHEETS[sheet]
    rows = corrections.rows(article.id, sheet)
    now = {row_id(article.sha256, spec, i): mark_span(doc, start, end)[0]
           for i, (start, end) in enumerate(spans)}
    for r in rows:
        if r.added:
            continue
        if r.unit not in now:
            raise CodingError(corrections.sheet.path, f"row id {r.unit!r} matches no "
                              f"{spec.kind} mediakit finds in article {article.id!r} now",
                              sheet=sheet, row=r.line, column="row_id")
        if " ".join(r.text.split()) != now[r.unit]:
            raise CodingError(corrections.sheet.path, f"row id {r.unit!r} marks other words "
                              "than mediakit finds now (a sheet made by another version?): "
                              f"now {now[r.unit]!r}", sheet=sheet, row=r.line, column="text")
    return {r.unit: r for r in rows if not r.added}, [r for r in rows if r.added]


def _locate(doc, row: CodedRow, path: str, sheet: str) -> tuple[int, int]:
    span = row.span
    at = doc.normalized.find(normalize_quotes(span)) if span else -1
    if at < 0:
        raise CodingError(path, "the words marked between [[ and ]] are not in the article",
                          sheet=sheet, row=row.line, column="text")
    return at, at + len(span)


def _vote(values: list[tuple[int, str]]) -> str | None:
    """The most frequent code; ties go to the earliest (values are (offset, code))."""
    if not values:
        return None
    counts = Counter(v for _, v in values)
    first = {}
    for offset, v in sorted(values):
        first.setdefault(v, offset)
    return max(counts, key=lambda v: (counts[v], -first[v]))


def _added_attribution(doc, row: CodedRow, path: str):
    from ..extract.attribution import Attribution

    start, end = _locate(doc, row, path, "attributions")
    sentence = doc.sentence_at(start)
    speaker = row.coder.get("speaker")
    return Attribution(speaker=speaker, speaker_mention=speaker, speaker_description=None,
                       named=False, kind=row.coder.get("kind", "indirect"), cue=None,
                       text=doc.text[start:end], start=start, end=end,
                       sentence=sentence.index if sentence else 0,
                       paragraph=sentence.paragraph if sentence else 0,
                       speaker_start=None, speaker_end=None, rule="coder.added")


def _correct_sources(result, doc, codebook, article, corrections: Corrections, log: dict):
    """A SourcesResult with the coders' codes (see the module docstring)."""
    by_id, added = _rows_by_id(corrections, article, doc, "attributions",
                               [(a.start, a.end) for a in result.attributions])
    reject = corrections.rejections["attributions"]
    names = {s.speaker.casefold(): s.id for s in result.speakers}
    items = []  # (attribution, group key, the coder's codes)
    for i, (a, sid) in enumerate(zip(result.attributions, result.source_ids)):
        unit = row_id(article.sha256, SHEETS["attributions"], i)
        r = by_id.get(unit)
        if r is not None and r.verdict in reject:
            log["rejected"].append(unit)
            continue
        coded = dict(r.coder) if r is not None else {}
        if coded:
            log["corrected"].append(unit)
        key = sid
        if "speaker" in coded:
            key = names.get(coded["speaker"].casefold(), ("new", coded["speaker"].casefold()))
            a = dataclasses.replace(a, speaker=coded["speaker"])
        items.append((dataclasses.replace(a, kind=coded.get("kind", a.kind)), key, coded))
    for r in added:
        a = _added_attribution(doc, r, corrections.sheet.path)
        log["added"].append(r.unit)
        speaker = r.coder.get("speaker")
        key = None if not speaker else names.get(speaker.casefold(), ("new", speaker.casefold()))
        items.append((a, key, dict(r.coder)))
    items.sort(key=lambda item: (item[0].start, item[0].end))
    return _rebuild_sources(result, items, codebook, corrections.sheet.path)


def _rebuild_sources(result, items, codebook, path: str):
    from ..metrics.sources import Source, finish_sources, source_counts

    order: dict = {}
    for i, (_, key, _) in enumerate(items):
        if key is not None:
            order.setdefault(key, []).append(i)
    speakers, source_of = [], {}
    for new_id, (key, idx) in enumerate(order.items()):
        base = result.speakers[key] if isinstance(key, int) else None
        group = [items[i][0] for i in idx]
        display = base.speaker if base else group[0].speaker
        c = None if base else codebook.explain(display, None)
        role = _vote([(items[i][0].start, items[i][2]["role"]) for i in idx
                      if "role" in items[i][2]])
        side = _vote([(items[i][0].start, items[i][2]["side"]) for i in idx
                      if "side" in items[i][2]])
        speakers.append(Source(
            id=new_id, speaker=display,
            role=role or (base.role if base else c.role),
            side=side or (base.side if base else c.side),
            role_rule=f"coder: {Path(path).name}" if role else (base.role_rule if base
                                                                 else c.role_rule),
            side_rule=f"coder: {Path(path).name}" if side else (base.side_rule if base
                                                                else c.side_rule),
            description=base.description if base else None,
            mentions=tuple(dict.fromkeys([*(base.mentions if base else ()),
                                          *(a.speaker_mention for a in group
                                            if a.speaker_mention)])),
            attributions=tuple(idx), **source_counts(group),
            source_type=base.source_type if base else None,
            source_type_rule=base.source_type_rule if base else None))
        for i in idx:
            source_of[i] = new_id
    atts = [a for a, _, _ in items]
    return finish_sources(atts, [source_of.get(i) for i in range(len(items))], speakers,
                          codebook)


def _correct_framing(result, doc, params, article, corrections: Corrections, log: dict):
    """A FramingResult with the coders' constructions, harm types and victim sides."""
    from ..metrics.framing import HarmMention, summarise_mentions

    by_id, added = _rows_by_id(corrections, article, doc, "harm_mentions",
                               [(m.start, m.end) for m in result.mentions])
    reject = corrections.rejections["harm_mentions"]
    fields = ("construction", "harm_type", "victim_side")
    mentions = []
    for i, m in enumerate(result.mentions):
        unit = row_id(article.sha256, SHEETS["harm_mentions"], i)
        r = by_id.get(unit)
        if r is not None and r.verdict in reject:
            log["rejected"].append(unit)
            continue
        coded = {k: v for k, v in (r.coder if r else {}).items() if k in fields}
        if coded:
            log["corrected"].append(unit)
            m = dataclasses.replace(m, **coded)
        mentions.append(m)
    for r in added:
        missing = [f"coder_{f}" for f in ("construction", "harm_type") if f not in r.coder]
        if missing:
            raise CodingError(corrections.sheet.path, "an added harm mention needs "
                              + " and ".join(missing), sheet="harm_mentions", row=r.line,
                              column=missing[0])
        start, end = _locate(doc, r, corrections.sheet.path, "harm_mentions")
        sentence = doc.sentence_at(start)
        mentions.append(HarmMention(
            sentence=sentence.index if sentence else 0, start=start, end=end,
            trigger=doc.text[start:end], harm_type=r.coder["harm_type"],
            construction=r.coder["construction"], agent=None, victims=None,
            victim_side=r.coder.get("victim_side", "unknown"), rule="coder.added"))
        log["added"].append(r.unit)
    mentions.sort(key=lambda m: (m.start, m.end))
    return summarise_mentions(doc, mentions, result.tone_by_actor, params["emotive_terms"],
                              params.get("weapon_counts_as_named", False))


def apply_corrections(record: dict, article, analyzer, corrections: Corrections) -> dict:
    """Add the corrected families to a record, when its article is in the sheet.

    ``record["corrected"]`` gets the corrected ``sources``, ``civilian_voice`` and
    ``framing``, and ``record["provenance"]["corrections"]`` the sheet's path and SHA-256
    and the row ids corrected, rejected and added (see :func:`corrected_families`).
    A record whose article is not in the sheet is returned unchanged.
    """
    if article.id in corrections.article_ids:
        families, provenance = corrected_families(article, analyzer, corrections)
        record["corrected"] = families
        record["provenance"]["corrections"] = provenance
    return record


def corrector(path: str | Path, analyzer, items: Sequence):
    """Read a sheet for the articles ``items`` and return ``f(article, record)``.

    Raises
    ------
    CodingError
        When no article of ``items`` is in the sheet (a sheet of another corpus).
    """
    from ..io.articles import LoadFailure

    params = analyzer.get_params()
    corrections = load_corrections(path, code_lists(params["codebook"], params["harm_lexicon"]))
    ids = {a.id for a in items if not isinstance(a, LoadFailure)}
    if not ids & corrections.article_ids:
        raise CodingError(path, f"none of its {len(corrections.article_ids)} article ids is "
                          "among the inputs: a sheet of another corpus?", sheet="articles")
    return lambda article, record: apply_corrections(record, article, analyzer, corrections)
