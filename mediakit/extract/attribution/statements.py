"""Attributions as whole statements (after passes 1 to 3).

* A mixed quote is one statement: in ``She said the police had been "very committed" to
  the search`` the attribution's content is the reported clause, and the quoted fragment
  inside it is kept in ``quotes`` (for quoted-word counts). A quotation inside the clause
  that has a tag of its own (pass 1) is not part of it: the clause stops before that tag.
* The pieces of one statement share a ``quote_group``: the halves of an interrupted
  quotation (``"A," he said. "B."``, ``"A," he said, "B."``) and the content before and
  after a tag inside the reported clause (``The plan, a source said, is to ...``); each
  piece after the first is a ``continuation``.

Rule ids ``statement.*`` (part of :data:`mediakit.extract.attribution.RULES`).
"""

from __future__ import annotations

import bisect
import dataclasses

from ..lexicon import _CONJ, _DETERMINERS, _PREPOSITIONS, _RELATIVE, _verbish
from ..tokens import _n_words, _span_text
from .context import _Ctx, _Raw
from .inherit import INHERIT_RULES
from .record import Attribution

#: The rules of the statement step: rule id -> what it matches.
STATEMENT_RULES: dict[str, str] = {
    "statement.before_tag": "the content before a tag inside the reported clause: "
                            "[The plan], a source said, is to ... (same statement as the "
                            "part after the tag)",
}


def _trim(t: str, s: int, e: int) -> int:
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:\u2014-"):
        e -= 1
    return e


# The most words of a content that is only an adjunct of the cue ("shouted to the crowd",
# "said in a phone interview"): no reported content at all.
_ADJUNCT_WORDS = 4


# Prepositions that open an adjunct, not a topic ("commented on the death" reports one).
_ADJUNCT_OPENERS = frozenset("to in at during from with via by".split())
_OBJECTS = frozenset("him her them me us you reporters journalists supporters".split())


def _adjunct_only(ctx: _Ctx, r: _Raw) -> bool:
    """Whether a forward report's content is only a prepositional adjunct of its speech
    cue: opened by a preposition right after the cue ("to" only before a determiner or an
    object: "to the crowd", not "to run"), at most four words, no verb."""
    tk = ctx.tk
    if r.kind != "indirect" or r.cue is None or r.rule != "indirect.speaker_said":
        return False
    a, b = tk.index_at(r.cs), tk.index_at(r.ce)
    if (r.cue.ctype != "speech" or a != r.cue.k1 or a + 1 >= tk.n
            or tk.lower[a] not in _ADJUNCT_OPENERS):
        return False
    if tk.lower[a] == "to" and tk.lower[a + 1] not in _DETERMINERS | _OBJECTS:
        return False  # "to run": an infinitive, the content of "wants", "urged"
    return (_n_words(ctx.t, r.cs, r.ce) <= _ADJUNCT_WORDS
            and not any(_verbish(tk.lower[x]) or tk.lower[x] in {"that", "to"}
                        for x in range(a + 1, b)))


def _whole_statements(ctx: _Ctx, raws: list[_Raw]) -> list[_Raw]:
    """Reported speech holding quoted fragments stays one attribution (kind ``partial``)
    whose ``quotes`` are the fragments; a fragment after a quotation with a tag of its own
    is a partial attribution of its own (the report stops before that tag). A report whose
    content is only an adjunct of its cue ("shouted to the crowd") is none."""
    out = []
    starts = [q.cs for q in ctx.quotes]
    for r in raws:
        if _adjunct_only(ctx, r):
            continue
        if r.kind != "partial" or r.cue is None or r.quote:
            out.append(r)
            continue
        i = bisect.bisect_left(starts, r.cs)
        inside: list[tuple[int, int]] = []
        after: list[_Raw] = []
        stop = None
        marked = False
        while i < len(ctx.quotes) and ctx.quotes[i].cs < r.ce:
            q = ctx.quotes[i]
            if i in ctx.not_quotation:
                marked = True  # a title, nickname or scare quote: no quoted words
            elif i in ctx.framed:
                if stop is None:
                    fr = ctx.framed[i]
                    stop = q.open
                    if fr.cue is not None and r.cs < ctx.tk.starts[fr.cue.aux0] < stop:
                        stop = ctx.tk.starts[fr.cue.aux0]
            elif stop is None:
                inside.append((q.cs, min(q.ce, r.ce)))
            else:
                after.append(_Raw(q.cs, min(q.ce, r.ce), "partial", r.cue, r.np, r.anchor,
                                  clause_a=r.clause_a, elliptic=r.elliptic, rule=r.rule,
                                  quotes=[(q.cs, min(q.ce, r.ce))]))
            i += 1
        if stop is not None:
            r.ce = _trim(ctx.t, r.cs, min(r.ce, stop))
            if r.ce > r.cs and ctx.t[r.ce - 1] == '"' and not inside:
                r.ce = _trim(ctx.t, r.cs, r.ce - 1)
        inside = [(s, min(e, r.ce)) for s, e in inside if s < r.ce]
        if inside:
            r.quotes = inside
            # The statement keeps the closing mark of a fragment it ends with.
            if ctx.t[r.ce : r.ce + 1] == '"' and any(e == r.ce for _, e in inside):
                r.ce += 1
            out.append(r)
        elif stop is None or _n_words(ctx.t, r.cs, r.ce) >= 2:
            if stop is not None or marked:
                r.kind = "indirect"
            out.append(r)
        out.extend(after)
    return out


def _lead_pieces(ctx: _Ctx, raws: list[_Raw]) -> list[_Raw]:
    """For a tag inside the reported clause (``indirect.tag_inside``), the content before
    the tag as the first piece of the same statement."""
    tk = ctx.tk
    out = []
    for r in raws:
        lead = getattr(r, "lead", None)
        if r.rule == "indirect.tag_inside" and lead is not None:
            a, m = lead
            while a < m and tk.words[a] in {",", ":", "\u2014", "-", '"'}:
                a += 1
            if m > a and _subject_like(ctx, a, m):
                cs, ce = _span_text(tk, a, m)
                ce = _trim(ctx.t, cs, ce)
                if _n_words(ctx.t, cs, ce) >= 1:
                    kind = "partial" if '"' in ctx.t[cs:ce] else "indirect"
                    piece = _Raw(cs, ce, kind, r.cue, r.np, cs, clause_a=r.clause_a,
                                 rule="statement.before_tag")
                    out.append(piece)
                    r.continues = piece
        out.append(r)
    return out


# The most tokens a lead before an interposed tag may have ("The plan", "The new
# barrier on the east bank").
_LEAD_TOKENS = 10


def _subject_like(ctx: _Ctx, a: int, m: int) -> bool:
    """Whether tokens ``a..m`` read as the subject of the reported clause, not an
    adverbial ("During his years in office"), a relative clause or a whole clause: at most
    ten tokens, no comma, not opened by a preposition or a conjunction, no verb."""
    lw = ctx.tk.lower
    if m - a > _LEAD_TOKENS or lw[a] in _PREPOSITIONS or lw[a] in _CONJ:
        return False
    return not any(ctx.tk.words[x] in {",", ";", '"'} or lw[x] in _RELATIVE or _verbish(lw[x])
                   or lw[x] in _FINITE for x in range(a, m))


_FINITE = frozenset("is are was were has have had will would can could".split())


def _quote_spans(ctx: _Ctx, r: _Raw) -> list[tuple[int, int]]:
    if r.quotes:
        return r.quotes
    if r.quote or r.rule in INHERIT_RULES:
        return [(r.cs, r.ce)]
    return []


def _group_key(r: _Raw) -> int:
    """The first piece of ``r``'s statement (as an object id)."""
    seen = 0
    while r.continues is not None and seen < 50:
        r = r.continues
        seen += 1
    return id(r)


def _link_quotation_pieces(ctx: _Ctx, raws: list[_Raw]) -> None:
    """The halves of an interrupted quotation: a quotation inheriting the speaker of a
    quotation in the same paragraph (``inherit.same_paragraph``), and two quotations
    framed by the same cue (``"A," he said, "B."``)."""
    by_cue: dict[int, _Raw] = {}
    for r in sorted(raws, key=lambda x: x.cs):
        if r.continues is not None:
            continue
        if r.rule == "inherit.same_paragraph" and r.inherit is not None and r.inherit.quote:
            r.continues = r.inherit
        elif r.quote and r.cue is not None:
            first = by_cue.get(r.cue.k0)
            if first is not None and first is not r:
                r.continues = first
            else:
                by_cue[r.cue.k0] = r


def _finish(ctx: _Ctx, raws: list[_Raw], records: list[Attribution],
            lines: dict[int, str]) -> list[Attribution]:
    """The records with their statement keys: ``quotes``, ``quote_group``,
    ``continuation``, ``cue_head`` and ``page_line`` (``lines``: paragraph -> its kind
    of page line)."""
    tk = ctx.tk
    _link_quotation_pieces(ctx, raws)
    by_span: dict[tuple[int, int], _Raw] = {}
    for r in raws:
        by_span.setdefault((r.cs, r.ce), r)
    groups: dict[int, int] = {}
    out = []
    for a in records:
        r = by_span.get((a.start, a.end))
        if r is None:
            out.append(a)
            continue
        key = _group_key(r)
        first = key not in groups
        gid = groups.setdefault(key, len(groups))
        head = None
        if a.cue is not None and r.cue is not None:
            head = ctx.orig[tk.starts[r.cue.k0] : tk.ends[r.cue.k1 - 1]]
        out.append(dataclasses.replace(
            a, quotes=tuple(_quote_spans(ctx, r)), quote_group=gid, continuation=not first,
            cue_head=head, page_line=lines.get(a.paragraph) or lines.get(
                ctx.para_of(r.cs))))
    return out
