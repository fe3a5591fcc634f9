"""The attribution record (:class:`Attribution`)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: who said what, where in the text.

    ``start``/``end`` delimit the content (without enclosing quotation marks) in
    ``doc.text``; ``speaker_start``/``speaker_end`` the speaker as written at the cue;
    ``cue_start``/``cue_end`` the cue words. ``role`` and ``side`` are filled later by
    the codebook (:mod:`mediakit.metrics.sources`). ``rule`` names the pattern that produced the
    attribution, a key of :data:`~mediakit.extract.attribution.RULES` (None for a record
    made by another extractor). ``cue_type`` is the kind of attribution its cue makes
    (``speech``, ``belief``, ``intention``, ``evidence``, ``stance``, ``nominal``,
    ``according_to``, or ``negated`` for a negated cue; a quotation with no cue is
    ``speech``), read from ``mediakit/data/cue_types.txt``; ``cue_lemma`` the cue's lemma.
    ``source_start``/``source_end`` delimit the source as PolNeAR marks it: the speaker
    mention with its apposition or relative clause ("Jeff Weaver, Sanders' campaign
    manager"), which ``speaker_start``/``speaker_end`` leave out.

    Statements (:mod:`.statements`): ``quotes`` holds the ``(start, end)`` of each quoted
    fragment inside a mixed statement (``She said the police had been "very committed"``:
    the content is the reported clause, ``quotes`` the fragment) or the whole content of
    a quotation; ``quote_group`` numbers the statement (the pieces of one framed quotation,
    ``"A," he said. "B."``, and the content before and after an interposed tag share it)
    and ``continuation`` is true for every piece after the first. ``cue_head`` is the
    cue's head without auxiliaries (``has said`` -> ``said``). ``page_line`` names the
    kind of page line the attribution sits in when that is not article prose
    (``caption``, ``promo``, ``subhead``, ``pull_quote``; :mod:`mediakit.extract.page_lines`),
    and such attributions are not counted as sources.
    """

    speaker: str | None
    speaker_mention: str | None
    speaker_description: str | None
    named: bool
    kind: str
    cue: str | None
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    speaker_start: int | None
    speaker_end: int | None
    role: str | None = None
    side: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None
    cue_type: str | None = None
    cue_lemma: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    quotes: tuple[tuple[int, int], ...] = ()
    quote_group: int | None = None
    continuation: bool = False
    cue_head: str | None = None
    page_line: str | None = None

    def to_dict(self) -> dict:
        # Every field is a plain value: a shallow copy is enough (asdict deep-copies).
        return {f: getattr(self, f) for f in _ATTRIBUTION_FIELDS}


_ATTRIBUTION_FIELDS = tuple(f.name for f in fields(Attribution))
