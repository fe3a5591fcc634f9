"""Nominal cues: a noun naming a statement, with its source as a possessive ("his claim
that ...", "the judges' statement that ...", "Lopez's criticism of the plan"). Run after
pass 2, on the sentences' words outside quotations and outside the content already found.
Rule id ``indirect.nominal_that``."""

from __future__ import annotations

import bisect

from ..lexicon import _IRREGULAR_PAST, _MODALS, _PARTICLES, _verbish, load_cue_types
from ..noun_phrases import _NP, _read_np
from ..tokens import _is_cap, _span_text
from .context import _Ctx, _Raw
from .cues import _Cue

#: The rules of the nominal pass: rule id -> what it matches; part of
#: :data:`mediakit.extract.attribution.RULES`.
NOMINAL_RULES: dict[str, str] = {
    "indirect.nominal_that":
        "a statement noun after a possessive, then 'that' and a clause (or 'of' and an "
        "object for criticism): his claim that ..., the judges' statement that ... (the "
        "possessor is the source)",
}

_POSSESSIVE_PRONOUNS = {"his": "m", "her": "f", "their": "p", "its": "n"}

# Nouns whose object after "of" is what the source says ("her criticism of the law").
_OF_OBJECT = frozenset({"criticism", "announcement", "defense", "defence", "endorsement"})

_NOT_CLAUSE = frozenset("is are was were has have had".split()) | _MODALS


def _nominal_nouns() -> dict[str, str]:
    """Word -> lemma for the nouns of the ``[nominal]`` section of ``cue_types.txt``
    (a two-word entry "claim_that" gives "claim")."""
    out = {}
    for key, (lemma, ctype) in load_cue_types().items():
        if ctype == "nominal" and (len(key) == 1 or key[-1] == "that"):
            out[key[0]] = lemma.split()[0]
    return out


def _possessor(ctx: _Ctx, p: int, sa: int) -> _NP | None:
    """The possessor ending at token ``p`` ("his", "Trump's", "the judges'"), read as a
    noun phrase; None if the word is not a possessive."""
    tk = ctx.tk
    lw = tk.lower[p]
    if lw in _POSSESSIVE_PRONOUNS:
        g = _POSSESSIVE_PRONOUNS[lw]
        return _NP(p, p + 1, "pronoun", tk.words[p], gender=g, plural=(g == "p"))
    if not (lw.endswith("'s") or (lw.endswith("s'") and len(lw) > 3)):
        return None
    i = p
    while i > sa and p - i < 4 and (_is_cap(tk.words[i - 1]) or tk.lower[i - 1] in _PARTICLES):
        i -= 1
    if i > sa and tk.lower[i - 1] in {"the", "a", "an"}:
        i -= 1  # "the judges' statement", "the company's claim"
    np_ = _read_np(tk, i, p + 1)
    if np_ is None or np_.kind == "pronoun":
        return None
    # The speaker is the possessor without its "'s" (the source span keeps it, as written).
    for attr in ("mention", "name", "description"):
        v = getattr(np_, attr)
        if v and v.endswith(("'s", "\u2019s")):
            setattr(np_, attr, v[:-2])
        elif v and v.endswith(("'", "\u2019")):
            setattr(np_, attr, v[:-1])
    return np_


def _nominal_cues(ctx: _Ctx, raws: list[_Raw]) -> list[_Raw]:
    """Attributions made by a statement noun after a possessive: "his suggestion that a
    judge can't be impartial" (content: the clause after "that"), "her criticism of the
    law" (content: the object). Returns ``raws`` with the new ones added, in anchor order;
    a noun inside content already found adds nothing, unless that content is a stance's
    or intention's object."""
    nouns = _nominal_nouns()
    tk = ctx.tk
    # A stance's object may hold a nominal cue ("mocked the senator's claim that ..."):
    # only other content rules a nominal cue out.
    spans = sorted((r.cs, r.ce) for r in raws if not r.rule.endswith("_object"))
    starts = [s for s, _ in spans]
    new = []
    for k in range(1, tk.n):
        lemma = nouns.get(tk.lower[k])
        if lemma is None or ctx.in_quote[k] >= 0 or _inside(spans, starts, tk.starts[k]):
            continue
        si = ctx.tok_sent[k]
        sa, sb = ctx.sent_tok[si]
        j = k - 1
        while j > sa and k - j <= 2 and tk.words[j][:1].islower() and tk.lower[j] not in (
                _POSSESSIVE_PRONOUNS) and not tk.lower[j].endswith(("'s", "s'")):
            j -= 1  # "his controversial claim", "Trump's latest statement"
        np_ = _possessor(ctx, j, sa) if j >= sa else None
        if np_ is None:
            continue
        r = _nominal_content(ctx, k, sb, lemma, np_)
        if r is not None and not _inside(spans, starts, r.cs):
            new.append(r)
    if not new:
        return raws
    return sorted(raws + new, key=lambda r: r.anchor)


def _nominal_content(ctx: _Ctx, k: int, sb: int, lemma: str, np_: _NP) -> _Raw | None:
    """The content after the statement noun at ``k``: the clause after a "that" within
    four words (not a relative "that was released"), or the object after "of" for a noun
    of :data:`_OF_OBJECT`; up to the sentence end or a semicolon."""
    tk = ctx.tk
    lw = tk.lower
    eb = sb
    while eb > k and tk.words[eb - 1] in {".", "!", "?", '"', "'", ")"}:
        eb -= 1
    x = k + 1
    while x < min(k + 5, eb) and lw[x] != "that" and tk.words[x][:1].isalnum() and not (
            lw[x] == "of" and lemma in _OF_OBJECT):
        x += 1
    if x >= eb - 1 or (lw[x] == "that" and lw[x + 1] in _NOT_CLAUSE):
        return None
    if lw[x] == "of" and x != k + 1:
        return None
    if lw[x] not in {"that", "of"}:
        return None
    a = x + 1
    b = next((y for y in range(a, eb) if tk.words[y] in {";", '"'} or ctx.in_quote[y] >= 0), eb)
    if lw[x] == "of":
        # The object ends before a comma or the sentence's verb ("her criticism of the
        # toll drew cheers").
        b = next((y for y in range(a + 1, b) if tk.words[y] in {",", "\u2014"}
                  or _verbish(lw[y]) or lw[y] in _IRREGULAR_PAST
                  or (lw[y].endswith("ed") and len(lw[y]) > 4)), b)
    if b - a < 2:
        return None
    cs, ce = _span_text(tk, a, b)
    cue = _Cue(k, k + 1, k, lemma, False, "nominal")
    return _Raw(cs, ce, "indirect", cue, np_, tk.starts[k], clause_a=np_.i,
                rule="indirect.nominal_that")


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether offset ``pos`` falls inside one of the (sorted) content spans."""
    i = bisect.bisect_right(starts, pos) - 1
    # Content spans may nest or overlap: look at the few that start before ``pos``.
    return any(spans[n][0] <= pos < spans[n][1] for n in range(max(i - 4, 0), i + 1))
