"""Headlines: a title-cased line is read with its own conventions ("Sanders Says ...",
"Poll: Clinton Leads ..."). Rule ids ``headline.*``."""

from __future__ import annotations

from ..lexicon import _first_names, _lex
from ..noun_phrases import _read_np
from ..tokens import _span_text, _strip_poss, _Tokens
from .context import _Ctx, _Raw

#: The rules of the headline pass: rule id -> what it matches; part of
#: :data:`mediakit.extract.attribution.RULES`.
HEADLINE_RULES: dict[str, str] = {
    "headline.colon": "a title-cased headline whose source stands before a colon or a "
                      "dash: Senator: [Plan Will Fail]",
    "headline.first_line_colon":
        "the article's first line, a short sentence-case headline, whose source (a name, "
        "an institution, a title or a document) stands before a colon: Lynch: [no outside "
        "influence on the inquiry]",
    "headline.transcript_colon":
        "a transcript turn: a paragraph opened by a speaker's name in capitals and a colon "
        "(TAPPER: [...]), the name also written elsewhere in the text or a known first name",
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
    for n, (a, b) in enumerate(ctx.para_tok):
        if 0 < b - a and not ctx.title_case[a]:
            r = _first_line(ctx, a, b) if n == 0 else None
            r = r or _transcript_turn(ctx, a, b)
            if r is not None:
                out.append(r)
            continue
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
        if np_ is None or np_.kind == "pronoun" or _names_a_topic(tk, sep):
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


def _colon_content(ctx: _Ctx, sep: int, b: int) -> tuple[int, int] | None:
    """The content after a colon at token ``sep``, to the paragraph end, without closing
    punctuation and enclosing quotation marks."""
    tk = ctx.tk
    end = b
    while end > sep + 1 and tk.words[end - 1] in {".", '"', "'"}:
        end -= 1
    if end - sep < 3:
        return None
    cs, ce = _span_text(tk, sep + 1, end)
    while cs < ce and ctx.t[cs] in "\"' ":
        cs += 1
    while ce > cs and ctx.t[ce - 1] in "\"' ":
        ce -= 1
    return (cs, ce) if ce > cs else None


def _first_line(ctx: _Ctx, a: int, b: int) -> _Raw | None:
    """"Lynch: No outside influence on FBI probe": the article's first line, short and
    without a cue, whose source before the colon is a name, an institution, a title or a
    document ("Poll:", "Report:")."""
    tk = ctx.tk
    if b - a > _MAX_HEADLINE or any(c.k0 in ctx.used for c in ctx.cues_between(a, b)):
        return None  # "Lynch says ...": read by the cue patterns ("emails" is no cue here)
    sep = next((k for k in range(a + 1, min(b, a + _MAX_SOURCE + 1)) if tk.words[k] == ":"),
               None)
    if sep is None or ctx.in_quote[sep] >= 0 or not tk.words[a][:1].isupper():
        return None
    if all(w.isupper() for w in tk.words[a:sep] if w[:1].isalpha()):
        return None  # "UPDATE: ...": a label, not a source
    np_ = _read_np(tk, a, sep)
    if np_ is None or np_.kind == "pronoun" or _names_a_topic(tk, sep) or (
            np_.kind in {"unnamed", "group"} and not (
                _strip_poss(tk.lower[sep - 1]) in _lex("documents")
                or tk.lower[sep - 1] in _lex("titles"))):
        return None
    span = _colon_content(ctx, sep, b)
    if span is None:
        return None
    kind = "direct" if tk.words[sep + 1] == '"' else "indirect"
    return _Raw(span[0], span[1], kind, None, np_, span[0], rule="headline.first_line_colon")


def _transcript_turn(ctx: _Ctx, a: int, b: int) -> _Raw | None:
    """"TAPPER: Do you think ...": a paragraph opened by one to three words in capitals
    and a colon, the last of them written elsewhere in the text in lower case after a
    capital ("Tapper") or the first a known first name ("JAKE TAPPER")."""
    tk = ctx.tk
    sep = next((k for k in range(a + 1, min(b, a + 4)) if tk.words[k] == ":"), None)
    if sep is None or sep + 2 >= b:
        return None
    words = tk.words[a:sep]
    if not all(w.isupper() and w.isalpha() and len(w) > 1 for w in words):
        return None
    last = words[-1].capitalize()
    if words[0].lower() not in _first_names() and last not in _doc_words(ctx):
        return None
    np_ = _read_np(tk, a, sep)
    span = _colon_content(ctx, sep, b)
    if np_ is None or span is None:
        return None
    np_.kind = "person"
    np_.name = " ".join(w.capitalize() for w in words)
    return _Raw(span[0], span[1], "direct", None, np_, span[0], rule="headline.transcript_colon")


def _doc_words(ctx: _Ctx) -> frozenset[str]:
    """The capitalised words of the text (computed once per document)."""
    got = getattr(ctx, "_cap_words", None)
    if got is None:
        got = frozenset(w for w in ctx.tk.words if w[:1].isupper() and not w.isupper())
        ctx._cap_words = got
    return got


def _names_a_topic(tk, sep: int) -> bool:
    """Whether the words before a headline's colon end with a topic word
    (``precision_markers.txt`` [headline_topics]): "Israel-Hamas War: Latest News"."""
    from ..not_quotations import load_precision_markers

    last = tk.lower[sep - 1].rsplit("-", 1)[-1]
    return (last,) in load_precision_markers()["headline_topics"]
