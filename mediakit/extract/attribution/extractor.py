"""The extractor: the three passes over one document, then speaker resolution."""

from __future__ import annotations

import bisect
from pathlib import Path

from ...text import Document
from ..tokens import _n_words
from .context import _Ctx, _Raw
from .direct import _after_frame, _before_frame
from .indirect import _indirect, _split_partials, _trim_end
from .inherit import _has_own_cue, _near, _previous, _starts_sentence
from .record import Attribution
from .resolve import _resolve


def extract_attributions(
    doc: Document, *, verbs_path: str | Path | None = None
) -> list[Attribution]:
    """Find who is quoted or cited in a document.

    Parameters
    ----------
    doc : Document
        A segmented text (:func:`mediakit.text.segment`).
    verbs_path : str or Path, optional
        A reporting-verb list replacing ``mediakit/data/reporting_verbs.txt``.

    Returns
    -------
    list of Attribution
        In text order. Direct quotes (``kind="direct"``), reported speech holding a
        quoted fragment (``"partial"``) and reported speech (``"indirect"``), each
        with content and speaker offsets into ``doc.text`` and a resolved speaker.

    Notes
    -----
    This is the single boundary a statistical backend would replace. The rules are
    described pattern by pattern in ``docs/metrics.md`` (attribution extraction); the run time
    is linear in the length of the text.

    References
    ----------
    Pareti (2016); Newell, Margolin & Ruths (2018); Asr et al. (2021).
    """
    ctx = _Ctx(doc, None if verbs_path is None else str(verbs_path))
    tk = ctx.tk
    t = ctx.t
    raws: list[_Raw] = []
    used = ctx.used
    framed: dict[int, _Raw] = ctx.framed

    # Pass 1: quotations with a frame after or before them.
    pendings: list[tuple[_Raw, int]] = []
    prev_close_tok = 0
    prev_para = -1
    for qi, q in enumerate(ctx.quotes):
        if q.paragraph != prev_para:
            prev_close_tok = ctx.para_tok[q.paragraph][0]
            prev_para = q.paragraph
        words = _n_words(t, q.cs, q.ce)
        hit = _after_frame(ctx, q)
        pending = None
        if hit is None:
            bf = _before_frame(ctx, q, prev_close_tok)
            hit = (bf[0], bf[1], bf[3]) if bf else None
            pending = bf[2] if bf else None
        if hit is not None:
            c, np_, rule = hit
            kind = "direct" if (words >= 4 or not t[q.cs : q.cs + 1].islower()) else "partial"
            r = _Raw(q.cs, q.ce, kind, c, np_, tk.starts[c.k0], quote=True, rule=rule)
            if pending is not None:
                pendings.append((r, pending))
            raws.append(r)
            ctx.quote_raws.setdefault(ctx.tok_sent[c.k0], []).append(r)
            framed[qi] = r
            used.add(c.k0)
        if q.close is not None:
            prev_close_tok = tk.index_at(q.close + 1)

    # Pass 2: reported speech around the remaining cues.
    by_sentence: dict[int, list[_Raw]] = {}
    for c in ctx.cues:
        if c.k0 in used:
            continue
        r = _indirect(ctx, c, by_sentence)
        if r is not None:
            raws.append(r)
            used.add(c.k0)
            by_sentence.setdefault(ctx.tok_sent[c.k0], []).append(r)
    by_cue = {r.cue.k0: r for r in raws if r.cue is not None}
    for r, k0 in pendings:
        r.elliptic = by_cue.get(k0)
    # Reported content stops where the next attribution in the sentence begins.
    for rs in by_sentence.values():
        rs.sort(key=lambda r: r.cs)
        for a, b in zip(rs, rs[1:]):
            if not (a.cs < b.cs < a.ce) or b.cue is None:
                continue
            if b.clause_a is not None and b.clause_a < b.cue.k0:
                cut = tk.starts[b.clause_a]
                if b.np is not None and b.np.i < b.clause_a:
                    cut = tk.starts[b.np.i]
            elif b.np is not None and b.np.i < b.cue.k0:
                cut = tk.starts[b.np.i]
            else:
                cut = tk.starts[b.cue.aux0]
            if cut > a.cs:
                a.ce = _trim_end(t, a.cs, min(a.ce, cut))
    raws = [r for r in raws if r.ce > r.cs]
    raws = _split_partials(ctx, raws)

    # Pass 3: quotations without a frame of their own inherit the last speaker when news
    # convention says so (an interrupted or "floating" quote), or stay speakerless.
    raws.sort(key=lambda r: r.anchor)
    anchors = [r.anchor for r in raws]
    for qi, q in enumerate(ctx.quotes):
        if qi in framed or any(r.cs <= q.cs < r.ce for r in _near(raws, anchors, q.cs)):
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

    return _resolve(ctx, raws)
