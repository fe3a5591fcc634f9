"""Pass 3: a quotation with no tag of its own inherits the last speaker when news
convention says so (rule ids ``inherit.*``), or stays speakerless
(``unattributed.quote``)."""

from __future__ import annotations

import bisect

from ..quotes import _Quote
from ..tokens import _n_words
from .context import _Ctx, _Raw

#: The rules of pass 3, a quotation without a tag of its own: rule id -> what it
#: matches; part of :data:`mediakit.extract.attribution.RULES`.
INHERIT_RULES: dict[str, str] = {
    "inherit.same_paragraph": 'an interrupted quotation: "A," X said. "B ..." (X)',
    "inherit.next_paragraph": "a paragraph opening with a full-sentence quotation right "
                              "after a paragraph with an attribution (its speaker)",
    "unattributed.quote": "a full-sentence quotation with no tag and no speaker to inherit "
                          "(speaker None)",
}


def _near(raws: list[_Raw], anchors: list[int], offset: int) -> list[_Raw]:
    i = bisect.bisect_right(anchors, offset)
    return raws[max(0, i - 4) : i + 4]


def _previous(raws: list[_Raw], anchors: list[int], offset: int) -> _Raw | None:
    i = bisect.bisect_right(anchors, offset) - 1
    return raws[i] if i >= 0 else None


def _has_own_cue(ctx: _Ctx, q: _Quote) -> bool:
    """Whether the sentence after the quote carries a cue of its own."""
    tk = ctx.tk
    k = tk.index_at(q.ce)
    si = ctx.tok_sent[min(k, tk.n - 1)] if tk.n else 0
    b = ctx.sent_tok[si][1]
    # Cues are never inside quotations (see _find_cues), so any cue there is the quote's own.
    return bisect.bisect_left(ctx.cue_k0, b) > bisect.bisect_left(ctx.cue_k0, k)


def _starts_sentence(ctx: _Ctx, q: _Quote) -> bool:
    s = ctx.doc.sentence_at(q.open)
    return s is not None and q.open <= s.start + 1


def _inherit_quotations(ctx: _Ctx, raws: list[_Raw]) -> list[_Raw]:
    """Pass 3: quotations without a frame of their own inherit the last speaker when news
    convention says so (an interrupted or "floating" quote), or stay speakerless.

    Returns all attributions sorted by anchor, the new ones inserted in place.
    """
    t = ctx.t
    raws.sort(key=lambda r: r.anchor)
    anchors = [r.anchor for r in raws]
    for qi, q in enumerate(ctx.quotes):
        if qi in ctx.framed or qi in ctx.not_quotation or any(
                r.cs <= q.cs < r.ce for r in _near(raws, anchors, q.cs)):
            continue
        words = _n_words(t, q.cs, q.ce)
        src = _previous(raws, anchors, q.open)
        sentence_like = ctx.t[q.cs : q.cs + 1].isupper() or ctx.t[q.cs : q.cs + 1].isdigit()
        src_para = ctx.para_of(max(src.anchor, src.ce - 1)) if src is not None else None
        r = None
        # (A quotation continued from the paragraph before is one span already: see
        # _find_quotes.)
        rule = None
        if src is not None:
            if src_para == q.paragraph and words >= 4:
                rule = "inherit.same_paragraph"
            elif (src_para == q.paragraph - 1 and q.starts_paragraph and sentence_like
                  and words >= 4 and not _has_own_cue(ctx, q)):
                rule = "inherit.next_paragraph"
        if rule is not None:
            r = _Raw(q.cs, q.ce, "direct", src.cue, None, q.cs, inherit=src, rule=rule)
        elif words >= 4 and sentence_like and _starts_sentence(ctx, q) and not _has_own_cue(ctx, q):
            r = _Raw(q.cs, q.ce, "direct", None, None, q.cs, rule="unattributed.quote")
        if r is not None:
            i = bisect.bisect_right(anchors, r.anchor)
            raws.insert(i, r)
            anchors.insert(i, r.anchor)
    return raws
