"""Pass 3 helpers: a quotation with no tag of its own inherits the last speaker when news
convention says so (rule ids ``inherit.*``), or stays speakerless
(``unattributed.quote``)."""

from __future__ import annotations

import bisect

from ..quotes import _Quote
from .context import _Ctx, _Raw


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
