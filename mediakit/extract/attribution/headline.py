"""Headlines: a title-cased line is read with its own conventions ("Sanders Says ...",
"Poll: Clinton Leads ..."). Rule ids ``headline.*``."""

from __future__ import annotations

from ..noun_phrases import _read_np
from ..tokens import _span_text, _Tokens
from .context import _Ctx, _Raw

#: The rules of the headline pass: rule id -> what it matches; part of
#: :data:`mediakit.extract.attribution.RULES`.
HEADLINE_RULES: dict[str, str] = {
    "headline.colon": "a title-cased headline whose source stands before a colon or a "
                      "dash: Senator: [Plan Will Fail]",
}

# A headline is short, and most of its longer words are capitalised.
_MAX_HEADLINE = 30
_MIN_CAPITALISED = 0.6
# The source before a headline colon is a short noun phrase ("Poll", "Bernie Sanders").
_MAX_SOURCE = 6


def _title_case_tokens(tk: _Tokens, paragraphs: list[tuple[int, int]]) -> bytearray:
    """1 for each token in a title-cased headline paragraph, 0 elsewhere."""
    out = bytearray(tk.n)
    for a, b in paragraphs:
        if not 0 < b - a <= _MAX_HEADLINE:
            continue
        longer = [w for w in tk.words[a:b] if len(w) > 3 and w[:1].isalpha()]
        if len(longer) >= 2 and sum(w[:1].isupper() for w in longer) >= (
                _MIN_CAPITALISED * len(longer)):
            out[a:b] = b"\x01" * (b - a)
    return out


def _headline_colon(ctx: _Ctx) -> list[_Raw]:
    """"Bernie Sanders: I'm Not Much Of A Socialist": in a title-cased headline, a short
    noun phrase before the first colon or dash is the source of what follows it."""
    tk = ctx.tk
    out = []
    for a, b in ctx.para_tok:
        if not (0 < b - a and ctx.title_case[a]):
            continue
        sep = next((k for k in range(a, min(b, a + _MAX_SOURCE + 1))
                    if tk.words[k] in {":", "\u2014", "\u2013"}), None)
        if sep is None or sep == a or sep + 2 >= b or ctx.in_quote[sep] >= 0:
            continue
        if any(c.k0 < b for c in ctx.cues_between(a, b)):
            continue  # "X Says: ..." is read by the cue patterns
        if all(w.isupper() for w in tk.words[a:sep] if w[:1].isalpha()):
            continue  # "BYLINE: ...", "UPDATE: ...": a label, not a source
        np_ = _read_np(tk, a, sep)
        if np_ is None or np_.kind == "pronoun":
            continue
        end = b
        while end > sep + 1 and tk.words[end - 1] in {".", '"', "'"}:
            end -= 1
        cs, ce = _span_text(tk, sep + 1, end)
        while cs < ce and ctx.t[cs] in "\"' ":
            cs += 1
        while ce > cs and ctx.t[ce - 1] in "\"' ":
            ce -= 1
        if ce <= cs:
            continue
        kind = "direct" if tk.words[sep + 1] == '"' else "indirect"
        out.append(_Raw(cs, ce, kind, None, np_, cs, rule="headline.colon"))
    return out
