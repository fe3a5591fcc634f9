"""Pass 1: a quotation with a tag of its own, after it (``"...," X said``, ``"...," said
X``, ``"...," according to X``) or before it (``X said: "..."``). Rule ids ``quote.*``."""

from __future__ import annotations

from ..lexicon import _CONJ, _MODALS, _PASSIVE, _RELATIVE, _TIME_WORDS
from ..noun_phrases import _NP, _read_np
from ..quotes import _Quote
from ..tokens import _n_words
from .clauses import _clause_start, _fallback_subject, _np_after
from .context import _Ctx, _Raw
from .cues import _Cue

#: The rules of pass 1, a quotation with a tag of its own: rule id (``Attribution.rule``)
#: -> what it matches; part of :data:`mediakit.extract.attribution.RULES`.
QUOTE_RULES: dict[str, str] = {
    "quote.after_speaker_said": 'tag after the quotation: "...," X said',
    "quote.after_said_speaker": 'inverted tag after the quotation: "...," said X',
    "quote.after_according_to": 'after the quotation: "...," according to X',
    "quote.before_speaker_said": 'tag before the quotation: X said: "..." (also a tag '
                                 'ending with a colon the paragraph before the quotation)',
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
    "quote.colon_source": 'a name or organisation and a colon before the quotation, no '
                          'cue: Pew Research: "..." (the name)',
}

_STOP_AFTER = frozenset(".!?;\"")


# The most tokens of a parenthetical after a speaker: "(D-Md.)", "(R-Texas)".
_PAREN_TOKENS = 8


def _np_before_paren(ctx: _Ctx, a: int, b: int) -> _NP | None:
    """The speaker before a parenthetical affiliation that ends right before the cue
    (``Rep. Elijah E. Cummings (D-Md.) said``): the noun phrase before the parenthesis,
    with the parenthesis in its source span (as PolNeAR marks it)."""
    tk = ctx.tk
    if b - 1 <= a or tk.words[b - 1] != ")":
        return None
    j = next((x for x in range(b - 2, max(a, b - 2 - _PAREN_TOKENS), -1)
              if tk.words[x] == "("), None)
    if j is None or j <= a:
        return None
    np_ = _read_np(tk, a, j)
    if np_ is not None:
        np_.extra["full"] = (np_.i, b)
    return np_


def _stops_between(tk, a: int, b: int) -> bool:
    """A sentence stop, quotation mark or semicolon among tokens a..b, outside a
    parenthesis ("Cummings (D-Md.) said": the full stop of the abbreviation is none)."""
    depth = 0
    for x in range(a, b):
        w = tk.words[x]
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and w in _STOP_AFTER:
            return True
    return False


#: The last character of a quotation a tag may follow, and the tokens that may open a tag
#: after an unpunctuated quotation.
_TAG_END = frozenset(",.?!;:\u2026-\u2014\u2013")
_TAG_OPEN = frozenset({",", "-", "--", "\u2014", "\u2013", "(", ".", ";"})


def _after_frame(ctx: _Ctx, q: _Quote) -> tuple[_Cue, _NP, str] | None:
    """``"...," X said`` / ``"...," said X`` after a closing quotation mark (the cue,
    the speaker and the rule id)."""
    if q.close is None:
        return None
    tk = ctx.tk
    k = tk.index_at(q.close + 1)
    p_end = ctx.para_tok[q.close_para][1]
    inner = ctx.t[q.cs:q.close].rstrip()
    if (inner[-1:] not in _TAG_END and k < tk.n and tk.words[k] not in _TAG_OPEN
            and tk.words[k][:1].islower() and k not in ctx.cue_at
            and tk.lower[k] not in {"he", "she", "they", "we", "i", "the", "a", "an", "his",
                                     "her", "their", "its", "one", "another"}
            and ctx.t[q.close + 1:q.close + 2] != "\n"):
        # '"interpreted as equivalent" to an order': a quoted phrase inside the sentence
        # runs on, it is not closed for a tag ('"...," X said', '"...?" X asked').
        return None
    limit = min(k + 45, p_end)
    if k < limit and tk.words[k] in {",", "-", "--", "\u2014", "\u2013"}:
        k += 1
    ends_full_stop = q.full_stop
    for c in ctx.cues_between(k, limit):
        if _stops_between(tk, k, c.aux0):
            return None
        if c.lemma == "according to":
            np_ = _np_after(ctx, c.k1, limit)
            return (c, np_, "quote.after_according_to") if np_ else None
        if c.aux0 - 1 >= k and (tk.lower[c.aux0 - 1] in _PASSIVE | _MODALS | {"to"}):
            return None  # "was told", "declined to comment", "will say"
        if c.strict and tk.lower[c.k0].endswith("s"):
            return None  # "more diverse states": a noun
        if c.aux0 == k and (tk.lower[c.k0].endswith("ing") or c.lemma == "like"):
            # '"...," telling reporters', '"...," referring to the convention', '"soft"
            # like the United States': a participle or a comparison, no inverted tag
            return None
        if c.aux0 == k:
            # Inverted: "said Whitcomb", "said the official".
            np_ = _np_after(ctx, c.k1, limit)
            if np_ is None:
                return None
            nxt = np_.j
            rule = "quote.after_said_speaker"
        else:
            if tk.lower[k] in _CONJ or tk.lower[c.aux0 - 1] in _RELATIVE:
                return None  # '"insanity," and Sanders, who says': a new clause
            # "Rep. Jason Chaffetz (R-Utah) said": the name before the parenthesis
            np_ = _np_before_paren(ctx, k, c.aux0) or _read_np(tk, k, c.aux0)
            if np_ is None:
                return None
            nxt = c.k1
            rule = "quote.after_speaker_said"
        if ends_full_stop and nxt < tk.n and tk.words[nxt] not in {".", ",", "!", "?", '"'}:
            # '"... death." He said he ...' starts a new attribution, not a frame.
            if tk.lower[nxt] not in _TIME_WORDS:
                return None
        return c, np_, rule
    return None


def _before_frame(
    ctx: _Ctx, q: _Quote, prev_close: int
) -> tuple[_Cue, _NP | None, int | None, str] | None:
    """``X said: "..."`` / ``X told reporters, "..."`` / ``He said "..."``: the cue, the
    speaker, the earlier cue whose speaker this one shares (or None) and the rule id."""
    tk = ctx.tk
    if q.open >= len(ctx.t) or ctx.t[q.open] != '"':
        return None
    k_open = tk.index_at(q.open)
    si = ctx.tok_sent[k_open] if k_open < tk.n else 0
    if q.starts_paragraph and 0 < k_open < tk.n and tk.words[k_open - 1] == ":":
        # 'Reporter Ana Ruiz says: ¶ "..."': the tag closes the paragraph before.
        si = ctx.tok_sent[k_open - 1]
        prev_close = ctx.sent_tok[si][0]
    sent_a = ctx.sent_tok[si][0]
    ws = max(sent_a, k_open - 40, prev_close)
    if k_open <= ws:
        return None
    cands = [c for c in ctx.cues_between(ws, k_open) if c.k1 <= k_open]
    if not cands:
        return None
    c = cands[-1]
    gap = list(range(c.k1, k_open))
    if len(gap) > 10 or any(tk.words[x] in {".", '"', "!", "?", ";"} for x in gap):
        return None
    last = tk.words[k_open - 1] if k_open - 1 >= c.k1 else None
    lower_start = ctx.t[q.cs : q.cs + 1].islower()
    if last not in {":", ",", None, "that"} and tk.lower[k_open - 1] != "that":
        # "told reporters in Doha" then a quote without punctuation: still a frame if
        # the quote starts a sentence.
        if lower_start:
            return None
    if lower_start and (last is None or tk.lower[k_open - 1] == "that"):
        return None  # a partial quote inside reported speech: the indirect pass owns it
    if c.lemma == "according to":
        return None
    a, how = _clause_start(ctx, sent_a, c.aux0)
    a = max(a, prev_close)
    p = c.aux0 - 1
    if tk.lower[c.k0].endswith("ing") and p >= sent_a and tk.words[p] == ",":
        # '..., Nefzi said, adding, "..."': the speaker of the earlier cue (resolved once
        # pass 2 has read that cue).
        earlier = [e for e in ctx.cues_between(sent_a, p) if e.k1 <= p]
        if earlier:
            return c, None, earlier[-1].k0, "quote.before_adding"
    np_ = _np_before_paren(ctx, a, c.aux0) or _read_np(tk, a, c.aux0)
    if np_ is not None:
        return c, np_, None, "quote.before_speaker_said"
    fallback = _fallback_subject(ctx, c, a, how, sent_a)
    if fallback is None:
        return None
    return c, fallback[0], None, "quote.before_" + fallback[1]


def _colon_source(ctx: _Ctx, q: _Quote) -> _NP | None:
    """The source of 'Pew Research: "..."', 'Frank Newport and Jim Harter: "..."': a
    quotation right after a colon whose clause before it, from the sentence start or a
    dash, is a name or an organisation of at most six words (no cue)."""
    tk = ctx.tk
    if q.open >= len(ctx.t) or ctx.t[q.open] != '"':
        return None
    k = tk.index_at(q.open)
    if k < 2 or k >= tk.n or tk.words[k - 1] != ":" or q.starts_paragraph:
        return None
    j = k - 1
    a = max(ctx.sent_tok[ctx.tok_sent[j]][0], ctx.para_tok[q.paragraph][0])
    for x in range(j - 1, a - 1, -1):
        if tk.words[x] in {"-", "--", "\u2014", "\u2013", ")", '"', ";", ","}:
            a = x + 1
            break
    if a < j and (tk.lower[a],) in ctx.verbs:
        a += 1  # 'Said Ellis: "..."': an inverted cue, capitalised
    if not 0 < j - a <= 6 or not tk.words[a][:1].isupper() or tk.words[a].isupper():
        return None  # "UPDATE:", "BYLINE:": labels in capitals, not sources
    np_ = _read_np(tk, a, j)
    if np_ is None or np_.kind not in {"person", "institution"} or (np_.i, np_.j) != (a, j):
        return None
    return np_


def _frame_quotations(ctx: _Ctx) -> tuple[list[_Raw], list[tuple[_Raw, int]]]:
    """Pass 1: every quotation with a tag after or before it.

    Returns the attributions in quotation order, and the ones whose speaker is an earlier
    cue's (``quote.before_adding``) with that cue's first token, resolved after pass 2.
    Marks each tagging cue used (``ctx.used``) and each tagged quotation framed
    (``ctx.framed``).
    """
    tk = ctx.tk
    t = ctx.t
    raws: list[_Raw] = []
    pendings: list[tuple[_Raw, int]] = []
    prev_close_tok = 0
    prev_para = -1
    for qi, q in enumerate(ctx.quotes):
        if q.paragraph != prev_para:
            prev_close_tok = ctx.para_tok[q.paragraph][0]
            prev_para = q.paragraph
        if qi in ctx.not_quotation:
            continue  # a title, a nickname or a scare quote (not_quotations)
        words = _n_words(t, q.cs, q.ce)
        hit = _after_frame(ctx, q)
        pending = None
        if hit is None:
            bf = _before_frame(ctx, q, prev_close_tok)
            hit = (bf[0], bf[1], bf[3]) if bf else None
            pending = bf[2] if bf else None
        if hit is None and (src := _colon_source(ctx, q)) is not None:
            r = _Raw(q.cs, q.ce, "direct", None, src, q.cs, quote=True,
                     rule="quote.colon_source")
            raws.append(r)
            ctx.framed[qi] = r
        if hit is not None:
            c, np_, rule = hit
            kind = "direct" if (words >= 4 or not t[q.cs : q.cs + 1].islower()) else "partial"
            r = _Raw(q.cs, q.ce, kind, c, np_, tk.starts[c.k0], quote=True, rule=rule)
            if pending is not None:
                pendings.append((r, pending))
            raws.append(r)
            ctx.quote_raws.setdefault(ctx.tok_sent[c.k0], []).append(r)
            ctx.framed[qi] = r
            ctx.used.add(c.k0)
        if q.close is not None:
            prev_close_tok = tk.index_at(q.close + 1)
    return raws, pendings
