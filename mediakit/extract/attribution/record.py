"""The attribution record (:class:`Attribution`) and the table of rule ids (:data:`RULES`)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: who said what, where in the text.

    ``start``/``end`` delimit the content (without enclosing quotation marks) in
    ``doc.text``; ``speaker_start``/``speaker_end`` the speaker as written at the cue;
    ``cue_start``/``cue_end`` the cue words. ``role`` and ``side`` are filled later by
    the codebook (:mod:`mediakit.sources`). ``rule`` names the pattern that produced the
    attribution, a key of :data:`RULES` (None for a record made by another extractor).
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

    def to_dict(self) -> dict:
        # Every field is a plain value: a shallow copy is enough (asdict deep-copies).
        return {f: getattr(self, f) for f in _ATTRIBUTION_FIELDS}


_ATTRIBUTION_FIELDS = tuple(f.name for f in fields(Attribution))


#: The patterns that produce an attribution: rule id (``Attribution.rule``) ->
#: what it matches. ``quote.*``: a quotation with a tag of its own (pass 1);
#: ``indirect.*``: reported speech around a cue (pass 2; a report holding quoted
#: fragments gives one partial attribution per fragment, each with the report's rule);
#: ``inherit.*`` and ``unattributed.*``: a quotation without a tag of its own (pass 3).
#: Documented with an example each in docs/metrics.md (attribution rule ids).
RULES: dict[str, str] = {
    "quote.after_speaker_said": 'tag after the quotation: "...," X said',
    "quote.after_said_speaker": 'inverted tag after the quotation: "...," said X',
    "quote.after_according_to": 'after the quotation: "...," according to X',
    "quote.before_speaker_said": 'tag before the quotation: X said: "..."',
    "quote.before_adding": 'participle cue before the quotation after an earlier tag: '
                           '"..., X said, adding, "..." (the earlier cue\'s speaker)',
    "quote.before_who_said": 'relative clause before the quotation: X, who said: "..."',
    "quote.before_saying": 'participle after a comma before the quotation: X ..., saying '
                           '"..." (the clause\'s subject)',
    "quote.before_and_said": 'coordinated cue before the quotation: X laughed and said: '
                             '"..." (the clause\'s subject)',
    "quote.before_quoted_as": 'X was quoted as saying: "..."',
    "quote.before_went_on_to": 'X went on to say: "..."',
    "quote.before_by_saying": 'X ... by saying "..." (the clause\'s subject)',
    "indirect.speaker_said": "X said (that) ..., X told Y that ..., X urged Y to ...",
    "indirect.speaker_said_from_sentence_start":
        "X said ..., the subject read from the sentence start because a conjunction "
        "inside it was taken for a clause boundary",
    "indirect.content_speaker_said": "tag after the content: ..., both officials said.",
    "indirect.content_said_speaker": "inverted tag after the content: ..., said X.",
    "indirect.content_according_to": "content before the tag: ..., according to X.",
    "indirect.according_to_content": "content after the tag: According to X, ...",
    "indirect.tag_inside": "tag inside the reported clause: The plan, a source said, is to ...",
    "indirect.tag_colon": "tag before a colon: ..., insiders said: ...",
    "indirect.as_tag": "as-clause before the content: As the paper noted, ...",
    "indirect.and_second_cue": "a second cue after 'and'/'but' in a sentence with an "
                               "attribution: X said ... and accused Y of ... (X)",
    "indirect.adding": "participle cue after an earlier tag: ..., X said, adding that ... (X)",
    "indirect.who_said": "relative clause: X, who said ...",
    "indirect.saying": "participle after a comma: X ..., saying ... (the clause's subject)",
    "indirect.and_said": "coordinated cue: X laughed and said ... (the clause's subject)",
    "indirect.quoted_as": "X was quoted as saying ...",
    "indirect.went_on_to": "X went on to say ...",
    "indirect.by_saying": "X ... by saying ... (the clause's subject)",
    "indirect.conj_shared_subject":
        "a cue right after a conjunction with no subject of its own, in a sentence with "
        "an attribution: ..., while adding that ... (the earlier speaker)",
    "inherit.same_paragraph": 'an interrupted quotation: "A," X said. "B ..." (X)',
    "inherit.next_paragraph": "a paragraph opening with a full-sentence quotation right "
                              "after a paragraph with an attribution (its speaker)",
    "unattributed.quote": "a full-sentence quotation with no tag and no speaker to inherit "
                          "(speaker None)",
}
