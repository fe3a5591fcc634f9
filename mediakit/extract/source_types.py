"""The type of a source, as sourcing studies code it.

Each distinct source (:class:`mediakit.metrics.sources.Source`) gets one of
:data:`SOURCE_TYPES`, with the rule that decided it:

* ``anonymous``: a deliberately unidentified informant: an anonymity formula in the
  mention, its description or the rest of its sentence ("a person familiar with the
  talks", "sources", "an official who spoke on condition of anonymity").
* ``document``: a document or report speaks ("the report", "a new poll", "court
  filings"): the head noun of the mention is in the codebook's ``source_types.document``.
* ``named_organisation``: an organisation by name ("the Financial Times", "FBI",
  "Board of Licensed Pharmacists") or by a definite description of one ("the ministry",
  "Trump's campaign").
* ``named_person``: a person by name ("Maria Lopez", "Lopez").
* ``unnamed_person``: an unnamed person or group ("a spokesman", "residents", "two U.S.
  officials", "an aid group").

The terms are the codebook's (``source_types`` in ``codebook.yaml``). The categories
follow the source-identification codes of sourcing studies: named versus anonymous
sources (Sigal 1973; Culbertson 1975), persons versus organisations and documents as
sources (Berkowitz 2009; the Gender Gap Tracker's people-only count, Asr et al. 2021,
is the ``named_person`` and ``unnamed_person`` types).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text import normalize_quotes
from .aliases import _looks_personal

__all__ = ["SOURCE_TYPES", "source_type"]

SOURCE_TYPES = ("named_person", "named_organisation", "document", "anonymous",
                "unnamed_person")

# The head of a mention is the last word before a preposition, a relative word or a
# comma: "a new poll of Iowa voters" -> "poll"; "the statement from the campaign" ->
# "statement".
_HEAD_END = re.compile(r"\s+(?:of|for|at|in|on|with|from|by|to|who|whose|which|that|"
                       r"familiar|close|speaking|released|published|obtained|said|says)\b|[,;(]",
                       re.IGNORECASE)
_DEFINITE = re.compile(r"^(?:the|this|that|these|those|its|his|her|their|[\w.'’-]+['’]s?)\s",
                       re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:the\s+)?(?:[A-Z]\.?){2,6}$")
_INDEFINITE = {"a", "an", "some", "two", "three", "several", "many", "one", "other", "another"}
_WORDS = re.compile(r"[\w.'’-]+")


def _head(mention: str) -> str:
    m = _HEAD_END.search(mention)
    return (mention[:m.start()] if m else mention).strip()


def _covers_head(matches, head_end: int) -> bool:
    return any(m.start < head_end and m.end >= head_end - 1 for m in matches)


def source_type(codebook, speaker: str, named: bool, mentions: Sequence[str] = (),
                description: str | None = None, tail: str | None = None,
                role_rule: str | None = None) -> tuple[str, str]:
    """The source type of one source and the rule that decided it.

    Parameters
    ----------
    codebook : Codebook
        Supplies ``sections.source_types`` (document, anonymous, organisation terms)
        and the organisation tiers.
    speaker : str
        The source's name or mention as reported ("Maria Lopez", "two U.S. officials").
    named : bool
        The extractor's judgement that the speaker is named.
    mentions : sequence of str
        Every mention of the source ("Lopez", "the senator").
    description : str, optional
        The source's description ("a spokesman for the ministry").
    tail : str, optional
        The rest of the sentence after the first mention ("..., who spoke on condition
        of anonymity because ..."), searched for anonymity formulas.
    role_rule : str, optional
        The codebook rule that gave the role (``"organisations: FBI"``).

    Returns
    -------
    tuple of str
        ``(source_type, rule)``; the rule is ``"<list>: <words>"``, e.g.
        ``"anonymous: familiar with"``, ``"document: poll"``,
        ``"named_organisation: organisations: FBI"``, ``"named_person: name"``.

    Examples
    --------
    >>> from mediakit import load_codebook
    >>> source_type(load_codebook(), "a person familiar with the talks", False)
    ('anonymous', 'anonymous: person familiar')
    """
    lists = codebook.sections.source_types
    speaker = normalize_quotes(speaker or "").strip()
    anon = lists.get("anonymous")
    if anon is not None:
        for text in (speaker, *mentions, description or "", tail or ""):
            hits = anon.find(normalize_quotes(text)) if text else []
            if hits and not named:
                return "anonymous", f"anonymous: {text[hits[0].start:hits[0].end]}"
    head = _head(speaker)
    words = _WORDS.findall(head)
    doc = lists.get("document")
    if doc is not None and words:
        hits = doc.find(head)
        # a document is named by a common noun ("the report"); "Tim Post", "Drudge
        # Report" are a person and an outlet
        if hits and hits[-1].end >= len(head.rstrip(".")) - 1 and not (
                named and head[hits[-1].start:hits[-1].start + 1].isupper()):
            return "document", f"document: {head[hits[-1].start:hits[-1].end]}"
    org = _organisation(codebook, head, role_rule)
    if named:
        if org is not None and org.startswith("organisation:") and _looks_personal(head):
            org = None  # "Tim Post": a given name, then a word that names organisations
        if org is not None:
            return "named_organisation", f"named_organisation: {org}"
        return "named_person", "named_person: name"
    indefinite = head.split()[0].lower() in _INDEFINITE if head.split() else True
    if org is not None and (_DEFINITE.match(head) or _ACRONYM.match(head)
                            or head[:1].isupper() and not indefinite):
        return "named_organisation", f"named_organisation: {org}"
    return "unnamed_person", "unnamed_person: unnamed"


def _organisation(codebook, head: str, role_rule: str | None) -> str | None:
    """The organisation term at the head of a mention, if any."""
    if not head:
        return None
    if _ACRONYM.match(head):
        return f"acronym: {head}"
    end = len(head)
    for tier in ("organisations", "bodies"):
        hits = codebook.tier_hits(tier, head)
        if _covers_head(hits, end):
            return f"{tier}: {hits[-1].term}"
    lists = codebook.sections.source_types
    org = lists.get("organisation")
    if org is not None:
        hits = org.find(head)
        if hits:
            return f"organisation: {head[hits[-1].start:hits[-1].end]}"
    state, key = codebook.state_of(head)
    if state is not None:
        return f"states: {key}"  # "Qatar, the main mediator, has expressed": a state speaks
    return None
