"""Civilian voice: how much ordinary people speak in an article, and as whom.

Built on :mod:`mediakit.metrics.sources`: a *civilian source* is a source whose codebook role
is ``civilian``. :func:`civilian_voice` measures the civilians' share of the voices,
where the first civilian is heard, which sides' civilians speak, and how each civilian
is humanised (:func:`extract_humanisation`: name, age, occupation, place, family).

References
----------
Wolfsfeld, G. (1997). *Media and Political Conflict: News from the Middle East*.
Cambridge University Press. (Which actors get access to conflict news.)
Philo, G., & Berry, M. (2004). *Bad News from Israel*. London: Pluto Press.
Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
*Journal of Communication*, 43(4), 51-58.
Höijer, B. (2004). The discourse of global compassion. *Media, Culture & Society*,
26(4), 513-531. (Compassion depends on sufferers shown as particular persons.)
Chouliaraki, L. (2006). *The Spectatorship of Suffering*. London: Sage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import data_lines, read_data_file
from ..errors import CodebookError
from ..extract.quotes import quotations
from ..text import Document, normalize_quotes, segment
from .registry import CorpusColumns, Family, Parameter, packaged

__all__ = [
    "CivilianVoice",
    "HUMANISATION_FIELDS",
    "civilian_voice",
    "extract_humanisation",
    "load_word_list",
]

HUMANISATION_FIELDS = ("name", "age", "occupation", "place", "family")
NDIGITS = 4
CIVILIAN = "civilian"

# ----------------------------------------------------------------------- word lists


def _read_list(name: str, path: str | Path | None) -> tuple[str, ...]:
    raw, _ = read_data_file(name, path, error=CodebookError)
    return tuple(dict.fromkeys(normalize_quotes(w.lower()) for _, w in data_lines(raw)))


@lru_cache(maxsize=8)
def load_word_list(name: str, path: str | None = None) -> tuple[str, ...]:
    """Read a one-term-a-line data file (``#`` starts a comment), once per process.

    Parameters
    ----------
    name : str
        File name in ``mediakit/data`` (``occupations.txt``, ``family_terms.txt``).
    path : str, optional
        Read this file instead.
    """
    return _read_list(name, path)


def _alternation(terms) -> str:
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len,
                                                                       reverse=True))


@dataclass(frozen=True)
class _Patterns:
    """The word-list regexes of humanisation, compiled once per pair of lists."""

    occupation: re.Pattern  # "a retired schoolteacher": group 1 is the occupation
    family: re.Pattern  # a family term as a word
    more_family: re.Pattern  # ", and three children" after a family term


@lru_cache(maxsize=8)
def _patterns(occupations_path: str | None = None,
              family_path: str | None = None) -> _Patterns:
    occ = _alternation(load_word_list("occupations.txt", occupations_path))
    fam = _alternation(load_word_list("family_terms.txt", family_path))
    return _Patterns(
        occupation=re.compile(rf"\b(?:a|an)\s+(?:\d+-year-old\s+)?(?:[a-z][\w-]*\s+){{0,2}}?"
                              rf"({_MODIFIERS}(?:{occ}))(?![\w-])", re.IGNORECASE),
        family=re.compile(rf"(?<![\w-])(?:{fam})(?![\w-])", re.IGNORECASE),
        more_family=re.compile(rf",?\s+and\s+(?:(?:his|her|their)\s+)?(?:(?:[\w-]+)\s+)"
                               rf"{{0,2}}?(?:{fam})(?![\w-])", re.IGNORECASE),
    )


# ------------------------------------------------------------------ humanisation

_CAP = r"(?:[A-Z][\w'’.-]*|(?:al|el|ad|an|ar|as|ash|at|az|abu|bin|ibn)-[A-Z][\w'’-]*)"
# A proper-name run: capitalised words, allowing Arabic and European particles.
_CAPSEQ = rf"{_CAP}(?:\s+(?:(?:al|el|de|del|da|di|van|von|bin|ibn|of|the)\s+)?{_CAP})*"
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday",
}
# Words that start a capitalised run but are not names.
_NOT_NAME = {
    "a", "an", "the", "another", "one", "two", "three", "across", "outside", "inside",
    "in", "at", "on", "by", "from", "after", "before", "during", "near", "when", "while",
    "as", "but", "and", "or", "he", "she", "they", "it", "his", "her", "their", "its",
    "we", "i", "you", "this", "that", "these", "those", "some", "many", "most", "mr",
    "mrs", "ms", "dr", "back", "late", "earlier", "later", "meanwhile", "still", "yet",
    "there", "here", "then", "now", "today", "yesterday", "according", "among",
}
_NAME_APPOSITION = re.compile(
    rf"(?<![\w'’-])({_CAPSEQ}),\s+(?=\d|a\s|an\s|the\s|who\b|whose\b|aged\b|about\s+\d|said\b)"
)
_NAME_GIVEN = re.compile(
    rf"\b(?:first\s+name|only\s+(?:his|her)\s+name|named|called|known\s+as),?\s+({_CAPSEQ})"
)
_PLACE_PREP = re.compile(r"\b(?:of|from|in|near|on|at|to)\s+$")
_AGE_AFTER = re.compile(r",\s*(?:aged\s+|about\s+|age\s+)?(\d{1,3})\b(?!-)")
_AGE_YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")
_AGE_APPOS = re.compile(r"(?:^|,)\s*(?:aged\s+|about\s+|age\s+)?(\d{1,3}),")
_CORE_END = re.compile(r"\b(?:who|whose|which|that)\b|,?\s+(?:said|says|told|tells|added)\b")
_SAID = re.compile(r"\b(?:said|says|told|tells)\b")
_MODIFIERS = (r"(?:(?:retired|volunteer|former|unemployed|part-time|self-employed|trainee|"
              r"local|young|veteran|freelance|head|senior|junior|student)\s+)*")
_PLACE_NOUN = (r"(?:village|town|city|camp|refugee\s+camp|neighbourhood|neighborhood|"
               r"district|suburb|area|region|province|state|street|quarter)")
_PLACE = (rf"(?:(?:a|the)\s+{_PLACE_NOUN}\s+(?:near|outside|in|of)\s+{_CAPSEQ}"
          rf"|{_CAPSEQ}(?:\s+{_PLACE_NOUN}(?:\s+of\s+{_CAPSEQ})?)?)")
_PLACE_FROM = re.compile(rf"\bfrom\s+(?:the\s+)?({_PLACE})")
_PLACE_RESIDENT = re.compile(rf"(?<![\w'’-])({_CAPSEQ})\s+(?:resident|native)\b")
_PLACE_RESIDENT_OF = re.compile(rf"\b(?:resident|native)\s+of\s+(?:the\s+)?({_PLACE})")
_PLACE_IN = re.compile(rf"\s+(?:in|at)\s+(?:the\s+)?({_CAPSEQ})")
# A segment of an apposition: ", 36", ", a taxi driver ...", ", from ...", ", who ..."
_NOMINAL = re.compile(r"\s*(?:\d|(?:a|an|the|aged|about|age|from|of|who|whose)\b)",
                      re.IGNORECASE)
_PLACE_LIVES = re.compile(
    # third person singular or past only: "her parents, who live in Newark" is not her
    rf"\b(?:lives|lived|living|rents|rented|renting|owns|owned)\b[^,.;]{{0,40}}?"
    rf"\b(?:on|in|at)\s+(?:the\s+)?({_CAPSEQ})"
)
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "several", "many", "both",
}
_FAMILY_ADJ = {
    "young", "little", "elderly", "old", "older", "younger", "eldest", "youngest", "late",
    "newborn", "baby", "infant", "teenage", "adult", "small", "sick", "disabled", "pregnant",
    "only", "twin", "own", "three-year-old",
}
_POSSESSIVE = {"his", "her", "their", "whose"}
_FAMILY_VERBS = {"with", "after", "for", "lost", "raising", "raises", "supports", "supporting"}


def _clean_name(name: str) -> str:
    return name.strip().rstrip(".,;:").strip()


def _find_name(t: str) -> tuple[str | None, int | None]:
    """The name of the person introduced, and the offset just after it."""
    m = _NAME_GIVEN.search(t)
    if m:
        return _clean_name(m.group(1)), m.end(1)
    for m in _NAME_APPOSITION.finditer(t):
        cand = m.group(1)
        words = cand.split()
        while words and words[0].lower().strip(".") in _NOT_NAME:
            words = words[1:]
        if not words:
            continue
        if words[0].lower() in _MONTHS:
            continue
        start = m.start(1) + cand.index(words[0])
        if _PLACE_PREP.search(t[max(0, start - 8):start]):
            continue  # "a resident of Weir Road, who ..." is a place, not a name
        if words[-1].endswith(("'s", "’s")):
            continue
        return _clean_name(" ".join(words)), m.end(1)
    return None, None


_WORD_BEFORE = re.compile(r"[\w'’-]+")
_OF_NOUN = re.compile(r"\s+of\s+(?:\w+)")
# ", Yousef," apposition or a bare name ("brother Eitan")
_APPOSED_NAME = re.compile(rf",\s+{_CAPSEQ},?|\s+{_CAPSEQ}")
_NOT_NAME_START = re.compile(r"\s+(?:and|in|on|at|from|of)\b", re.IGNORECASE)


def _sentence_end(ends: list[int], pos: int, n: int) -> int:
    """The end of the sentence holding offset ``pos`` (``n``, the text's length, after
    the last)."""
    k = bisect.bisect_right(ends, pos)
    return ends[k] if k < len(ends) else n


def _family(t: str, start: int, pats: _Patterns) -> str | None:
    for m in pats.family.finditer(t, start):
        # words before the term, nearest first
        before = _WORD_BEFORE.findall(t[max(0, m.start() - 60):m.start()])
        lead = m.start()
        i = len(before) - 1
        cursor = m.start()
        mods = 0
        while i >= 0 and mods < 3:
            w = before[i].lower()
            if w in _NUMBER_WORDS or w.isdigit() or w in _FAMILY_ADJ:
                cursor = t.rfind(before[i], 0, cursor)
                lead = cursor
                i -= 1
                mods += 1
                continue
            break
        prev = before[i].lower() if i >= 0 else ""
        of_n = _OF_NOUN.match(t, m.end())
        is_parent = m.group(0).lower() in {"mother", "father"} and of_n
        if prev in _POSSESSIVE:
            if prev != "whose":
                lead = t.rfind(before[i], 0, cursor)
        elif prev in _FAMILY_VERBS and (mods or prev != "with"):
            pass
        elif is_parent:
            pass
        else:
            continue
        end = m.end()
        if is_parent:
            end = of_n.end()
        appo = _APPOSED_NAME.match(t, end)
        if appo and not _NOT_NAME_START.match(t[end:]):
            word = appo.group(0).strip(" ,").split()[0].lower()
            if word not in _MONTHS and word not in _NOT_NAME:
                end = appo.end()
        # "... and three children", "... and elderly mother"
        while True:
            more = pats.more_family.match(t, end)
            if not more:
                break
            end = more.end()
        return t[lead:end].strip(" ,")
    return None


def extract_humanisation(
    text: str,
    name: str | None = None,
    occupations_path: str | None = None,
    family_path: str | None = None,
) -> dict:
    """Identifying details given about the person a text introduces.

    Rule-based, English only. The person is found by ``name`` when given, else by the
    first capitalised name followed by an apposition (``"Amal Hassan, 42, ..."``) or
    given as "first name, Rana". Words inside quotation marks are ignored.

    * ``age``: the number right after the name (``", 36,"``), else ``"47-year-old"``
      or ``", about 8,"``.
    * ``occupation``: a job from ``mediakit/data/occupations.txt`` after "a"/"an" in
      the apposition, with modifiers ("retired", "volunteer").
    * ``place``: "from X", "an X resident", "resident of X", "lives/rents ... on X";
      "from" counts only in the apposition before a relative clause, so that "whose
      brother was taken from Nir Oz" is not the person's place.
    * ``family``: a term from ``mediakit/data/family_terms.txt`` after a possessive
      ("his wife and three children"), after with/after/lost + a number, or
      "mother of three".

    Parameters
    ----------
    text : str
        One or two sentences introducing the person.
    name : str, optional
        The person's name when already known (from the attribution).
    occupations_path, family_path : str, optional
        Other word lists.

    Returns
    -------
    dict
        ``name``, ``age`` (int), ``occupation``, ``place``, ``family`` (strings as
        written, or None), ``n_details`` (how many of the five are present) and
        ``score`` (``n_details / 5``).

    Examples
    --------
    >>> h = extract_humanisation("Mohammad Ikhtifan, 36, a taxi driver from Gaza City "
    ...     "who has taken refuge in Rafah with his wife and three children, said ...")
    >>> h["age"], h["occupation"], h["place"], h["family"]
    (36, 'taxi driver', 'Gaza City', 'his wife and three children')
    """
    return _humanisation(*_masked(text), name, _patterns(occupations_path, family_path))


def _masked(text: str) -> tuple[str, list[int]]:
    """A text standing alone, its quotations blanked by the quotation layer's rules,
    and the ends of its sentences (as the segmenter decides them)."""
    doc = segment(text)
    return quotations(doc).mask, [s.end for s in doc.sentences]


def _humanisation(t: str, ends: list[int], name: str | None, pats) -> dict:
    """:func:`extract_humanisation` on a text already quote-normalised and masked,
    whose sentences end at ``ends``."""
    found_name, anchor, name_start = _locate_person(t, name)
    start = anchor if anchor is not None else 0
    sent_end = _sentence_end(ends, start, len(t))
    region = t[start:sent_end]
    core = _apposition(t, anchor, sent_end) if anchor is not None else region
    core_m = _CORE_END.search(core)
    core = core if core_m is None else core[: core_m.start()]

    age = _age(t, anchor, core)
    occupation = None
    om = pats.occupation.search(core)
    if om:
        occupation = re.sub(r"\s+", " ", om.group(1)).strip()
    place = _place(t, anchor, name_start, found_name, core, region, om)
    family = _family(t, 0 if anchor is None else max(0, start - 1), pats)
    if family is None and anchor is not None:
        family = _family(t, 0, pats)

    details = {"name": found_name, "age": age, "occupation": occupation, "place": place,
               "family": family}
    n = sum(1 for v in details.values() if v is not None)
    return {**details, "n_details": n, "score": round(n / 5, NDIGITS)}


def _locate_person(t: str, name: str | None) -> tuple[str | None, int | None, int]:
    """The person's name, the offset just after the mention the details follow (None
    if not found) and the mention's start."""
    if name:
        key = normalize_quotes(name)
        # prefer a mention followed by an apposition
        hits = [m for m in re.finditer(re.escape(key), t)]
        if not hits and len(key.split()) > 1:
            hits = [m for m in re.finditer(re.escape(key.split()[-1]), t)]
        if hits:
            best = next((h for h in hits if re.match(r",\s", t[h.end():])), hits[0])
            return name, best.end(), best.start()
        return name, None, 0
    found_name, anchor = _find_name(t)
    name_start = 0
    if anchor is not None:
        name_start = t.rfind(found_name, 0, anchor)
        name_start = anchor if name_start < 0 else name_start
    return found_name, anchor, name_start


def _apposition(t: str, anchor: int, sent_end: int) -> str:
    """The comma-separated nominal segments right after the name (", 36, a taxi driver
    from Gaza City who ..."), up to a relative clause or a verb ("..., 22, texted her
    family after hiding from ...")."""
    pos = anchor
    while pos < sent_end and t[pos] == ",":
        nxt = t.find(",", pos + 1, sent_end)
        nxt = sent_end if nxt < 0 else nxt
        if not _NOMINAL.match(t, pos + 1):
            break
        pos = nxt
    return t[anchor:pos]


def _age(t: str, anchor: int | None, core: str) -> int | None:
    age = None
    if anchor is not None:
        m = _AGE_AFTER.match(t, anchor)
        if m:
            age = int(m.group(1))
    if age is None:
        m = _AGE_APPOS.search(core) or _AGE_YEAR_OLD.search(core if anchor is not None
                                                            else t)
        if m:
            age = int(m.group(1))
    if age is not None and not 0 < age < 120:
        age = None
    return age


def _place(t: str, anchor: int | None, name_start: int, found_name: str | None,
           core: str, region: str, om) -> str | None:
    """The person's place: the first place rule that matches, in order of trust."""
    # The words before the name in its sentence: "A Gaza resident, Ziad al-Saad, ..."
    sent_start = max(t.rfind(". ", 0, name_start), 0) if anchor is not None else 0
    lead = t[sent_start:name_start] if anchor is not None else ""
    place_rules = [(_PLACE_FROM, core), (_PLACE_RESIDENT, core), (_PLACE_RESIDENT, lead),
                   (_PLACE_RESIDENT_OF, region), (_PLACE_RESIDENT_OF, lead),
                   (_PLACE_LIVES, region)]
    if om:  # "a baker in Kharkiv": a place right after the job
        place_rules.append((_PLACE_IN, core[om.end():om.end() + 60]))
    for regex, where in place_rules:
        for pm in (regex.match(where) if regex is _PLACE_IN else None,
                   *([] if regex is _PLACE_IN else regex.finditer(where))):
            if pm is None:
                continue
            cand = _clean_name(pm.group(1))
            if cand.split()[0].lower() in _MONTHS or cand.lower() in _NOT_NAME:
                continue
            if found_name and cand == found_name:
                continue
            return cand
    if anchor is None:
        # No name: "A resident of Jabalia, who ..." - the whole first clause is the
        # description.
        said = _SAID.search(t)
        first = t[: said.start()] if said else t
        pm = _PLACE_RESIDENT_OF.search(first) or _PLACE_FROM.search(first)
        if pm:
            return _clean_name(pm.group(1))
    return None


# ---------------------------------------------------------------- civilian voice


@dataclass(frozen=True)
class CivilianVoice:
    """Civilian voice measures of one article (see ``docs/metrics.md``)."""

    n_sources: int
    n_civilian_sources: int
    source_share: float | None
    attribution_share: float | None
    quoted_word_share: float | None
    any_direct: bool
    first_voice: dict | None
    humanisation: tuple[dict, ...]
    humanisation_score: float | None
    per_side: dict
    strip: tuple[dict, ...]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["humanisation"] = [dict(h) for h in self.humanisation]
        # The record numbers paragraphs from 1 (the result keeps the 0-based indexes).
        d["strip"] = [{**s, "paragraph": s["paragraph"] + 1} for s in self.strip]
        if self.first_voice is not None:
            d["first_voice"] = {**self.first_voice,
                                "paragraph": self.first_voice["paragraph"] + 1}
        return d


def _r(x):
    return None if x is None else round(x, NDIGITS)


def _intro_text(doc: Document, source, atts) -> tuple[str, list[int]]:
    """The sentence that introduces a source (plus the next one when it continues
    with his/her/he/she), for humanisation, with the document's quotations blanked,
    and the ends of its sentences."""
    sentences = doc.sentences
    first_att = atts[source.attributions[0]]
    first_pos = (first_att.speaker_start if first_att.speaker_start is not None
                 else first_att.start)
    chosen = None
    if source.named:
        text = doc.normalized
        name = normalize_quotes(source.speaker)
        hits = [m.start() for m in re.finditer(re.escape(name), text)]
        if not hits and " " in name:
            hits = [m.start() for m in re.finditer(re.escape(name.split()[-1]), text)]
        appos = [h for h in hits if re.match(r",\s", text[h + len(name):])]
        pick = appos[0] if appos else (hits[0] if hits else None)
        if pick is not None:
            chosen = doc.sentence_at(pick)
    if chosen is None:
        chosen = doc.sentence_at(first_pos)
    if chosen is None:
        return _masked(source.description or "")
    mask = quotations(doc).mask
    parts = [mask[chosen.start:chosen.end]]
    nxt = chosen.index + 1
    if nxt < len(sentences) and sentences[nxt].paragraph == chosen.paragraph:
        if re.match(r"(?:His|Her|He|She)\b", sentences[nxt].text):
            parts.append(mask[sentences[nxt].start:sentences[nxt].end])
    ends = [len(parts[0])] + ([len(parts[0]) + 1 + len(parts[1])] if len(parts) > 1 else [])
    return " ".join(parts), ends


def civilian_voice(doc: Document, sources, occupations_path: str | None = None,
                   family_path: str | None = None) -> CivilianVoice:
    """Measure how civilians are heard in an article.

    Parameters
    ----------
    doc : Document
        The segmented article the sources were found in.
    sources : SourcesResult
        The result of :func:`mediakit.metrics.sources.analyze_sources` on ``doc``.
    occupations_path, family_path : str, optional
        Word lists of occupations and family terms for humanisation, instead of the
        packaged ``occupations.txt`` and ``family_terms.txt``.

    Returns
    -------
    CivilianVoice
        * ``source_share``, ``attribution_share``, ``quoted_word_share``: civilians'
          share of distinct sources, of attributions and of words inside quotation
          marks (None when the denominator is 0).
        * ``any_direct``: a civilian is quoted directly (a full quote, not a partial).
        * ``first_voice``: ``paragraph`` index (0-based) of the first civilian
          attribution and ``fraction`` = paragraph / number of paragraphs (0.0 = the
          opening paragraph; near 1.0 = the end), or None without civilians.
        * ``humanisation``: one record per civilian source, with the details of
          :func:`extract_humanisation` and its ``score``; ``humanisation_score`` is
          their mean (None without civilians).
        * ``per_side``: side -> civilian sources, attributions and quoted words.
        * ``strip``: per paragraph, the roles, sides and sources speaking in it.
    """
    from .sources import quoted_words

    atts = sources.attributions
    speakers = sources.speakers
    civ = [s for s in speakers if s.role == CIVILIAN]
    civ_ids = {s.id for s in civ}
    civ_atts = [i for i, sid in enumerate(sources.source_ids) if sid in civ_ids]
    words = [quoted_words(a) for a in atts]
    total_words = sum(words)
    civ_words = sum(words[i] for i in civ_atts)

    pats = _patterns(occupations_path, family_path)
    records = []
    for s in civ:
        h = _humanisation(*_intro_text(doc, s, atts), s.speaker if s.named else None, pats)
        records.append({"source": s.id, "speaker": s.speaker, "named": s.named,
                        "side": s.side, **h})
    score = _r(sum(r["score"] for r in records) / len(records)) if records else None

    n_src = len(speakers)
    n_att = len(atts)
    return CivilianVoice(
        n_sources=n_src,
        n_civilian_sources=len(civ),
        source_share=_r(len(civ) / n_src) if n_src else None,
        attribution_share=_r(len(civ_atts) / n_att) if n_att else None,
        quoted_word_share=_r(civ_words / total_words) if total_words else None,
        any_direct=any(atts[i].kind == "direct" for i in civ_atts),
        first_voice=_first_voice(doc, sources, civ_atts),
        humanisation=tuple(records),
        humanisation_score=score,
        per_side=_per_side(civ),
        strip=_strip(doc, sources, civ_ids),
    )


def _first_voice(doc: Document, sources, civ_atts: list[int]) -> dict | None:
    """Where the first civilian attribution stands in the article."""
    if not civ_atts:
        return None
    atts = sources.attributions
    first = min(civ_atts, key=lambda i: (atts[i].paragraph, atts[i].start))
    para = atts[first].paragraph
    n_par = len(doc.paragraphs)
    return {
        "paragraph": para,
        "n_paragraphs": n_par,
        "fraction": _r(para / n_par) if n_par else None,
        "source": sources.source_ids[first],
        "speaker": sources.speakers[sources.source_ids[first]].speaker,
    }


def _per_side(civ: list) -> dict[str, dict]:
    """Side -> the civilian sources of that side, their attributions and quoted words;
    the side with most sources first."""
    per_side: dict[str, dict] = {}
    for s in sorted(civ, key=lambda s: s.id):
        d = per_side.setdefault(s.side, {"sources": 0, "attributions": 0, "quoted_words": 0,
                                         "direct": 0, "speakers": []})
        d["sources"] += 1
        d["attributions"] += s.n_attributions
        d["quoted_words"] += s.quoted_words
        d["direct"] += s.n_direct
        d["speakers"].append(s.speaker)
    order = sorted(per_side, key=lambda k: (-per_side[k]["sources"], k))
    return {k: per_side[k] for k in order}


def _strip(doc: Document, sources, civ_ids: set[int]) -> tuple[dict, ...]:
    """Per paragraph: the roles, sides and sources speaking in it (an attribution
    over several paragraphs speaks in each)."""
    atts = sources.attributions
    strip = []
    by_para: dict[int, list[int]] = {}
    para_starts = [p.start for p in doc.paragraphs]
    for i, a in enumerate(atts):
        for p in doc.paragraphs[_para_index(para_starts, a.start, a.paragraph):]:
            if p.start >= max(a.end, a.start + 1) and p.index != a.paragraph:
                break
            by_para.setdefault(p.index, []).append(i)
    for p in doc.paragraphs:
        idx = by_para.get(p.index, [])
        sids = [sources.source_ids[i] for i in idx]
        roles = list(dict.fromkeys(atts[i].role for i in idx))
        sides = list(dict.fromkeys(atts[i].side for i in idx))
        civ_here = [i for i in idx if sources.source_ids[i] in civ_ids]
        strip.append({
            "paragraph": p.index,
            "roles": roles,
            "sides": sides,
            "sources": list(dict.fromkeys(s for s in sids if s is not None)),
            "civilian": bool(civ_here),
            "civilian_direct": any(atts[i].kind == "direct" for i in civ_here),
        })
    return tuple(strip)


def _para_index(starts: list[int], offset: int, default: int) -> int:
    import bisect

    k = bisect.bisect_right(starts, offset) - 1
    return k if k >= 0 else default










FAMILY = Family(
    name="civilian_voice",
    compute=lambda inp: civilian_voice(inp.doc, inp.results["sources"],
                                       occupations_path=inp.params["occupations"],
                                       family_path=inp.params["family_terms"]),
    requires=("sentences", "paragraphs", "sources"),
    parameters=(
        Parameter("occupations", str, None, "occupation word list for humanisation "
                  "(default: the packaged one)", optional=True, check="file", metavar="FILE",
                  data_file=packaged("occupations.txt")),
        Parameter("family_terms", str, None, "family word list for humanisation (default: "
                  "the packaged one)", optional=True, check="file", metavar="FILE",
                  data_file=packaged("family_terms.txt")),
    ),
    outputs=("n_sources", "n_civilian_sources", "source_share", "attribution_share",
             "quoted_word_share", "any_direct", "first_voice", "humanisation",
             "humanisation_score", "per_side", "strip"),
    corpus=CorpusColumns(prefix="civilian", categories={("per_side",): "sides"}),
    doc_anchor="civilian-voice-and-humanisation",
)
