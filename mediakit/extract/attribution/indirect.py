"""Pass 2: reported speech around a cue that tags no quotation (``X said (that) ...``,
``..., X said``, ``..., said X``, ``according to X``, a tag inside the clause), and the
reports holding quoted fragments are made whole statements afterwards
(:mod:`.statements`). Rule ids ``indirect.*``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (
    _AUX,
    _IRREGULAR_PAST,
    _MODALS,
    _NUMBERS,
    _PASSIVE,
    _PREPOSITIONS,
    _RELATIVE,
    _TELL_LIKE,
    _TIME_WORDS,
    _VERBISH,
    _is_adverb,
    _lex,
    _verbish,
)
from ..noun_phrases import _NP, _read_np
from ..tokens import _is_cap, _n_words, _span_text, _strip_poss, _Tokens
from .clauses import _clause_start, _fallback_subject, _np_after, _went_on_to, _who_subject
from .context import _Ctx, _Raw
from .cues import _Cue
from .objects import OBJECT_RULES, _object_end, _object_rule

#: The rules of pass 2, reported speech around a cue (a report holding quoted fragments
#: is one partial attribution with the report's rule, its fragments in ``quotes``): rule
#: id -> what it matches; part of :data:`mediakit.extract.attribution.RULES`.
INDIRECT_RULES: dict[str, str] = {
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
    "indirect.after_relative": "the main clause after a relative clause that is an "
                               "attribution: X, who has denied that ..., said ... (X)",
    "indirect.saying": "participle after a comma: X ..., saying ... (the clause's subject)",
    "indirect.and_said": "coordinated cue: X laughed and said ... (the clause's subject)",
    "indirect.quoted_as": "X was quoted as saying ...",
    "indirect.went_on_to": "X went on to say ...",
    "indirect.by_saying": "X ... by saying ... (the clause's subject)",
    "indirect.conj_shared_subject":
        "a cue right after a conjunction with no subject of its own, in a sentence with "
        "an attribution: ..., while adding that ... (the earlier speaker)",
    "indirect.relative_source":
        "a restrictive relative clause on a group: voters who say ... (the source is "
        "'who', the speaker its antecedent; the content ends at the first comma)",
    **OBJECT_RULES,
}


def _trim_end(t: str, s: int, e: int) -> int:
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:\u2014-"):
        e -= 1
    # Drop a dangling conjunction: "..., and" (looking at the last few characters only,
    # so the cost does not grow with the length of the content).
    w = max(s, e - 16)
    m = re.search(r"[,;]?\s*\b(and|but|while|whereas|as|although|though|because)\s*$", t[w:e])
    if m and w + m.start() > s:
        e = w + m.start()
    while e > s and (t[e - 1].isspace() or t[e - 1] in ",;:"):
        e -= 1
    return e


# Longest reported content, in tokens (news sentences rarely pass 80 words).
_MAX_CONTENT = 160


# A dateline opening an article: "CAIRO —", "KHARKIV, Ukraine —".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:(?:,| and) [A-Z][A-Za-z.'-]*(?: [A-Za-z.'-]+)*)*"
    r"\s+[\u2014\u2013-]+\s+"
)


# Words that may follow a cue at the end of a sentence: "..., she said in an interview".
_POST_CUE = frozenset(
    "with from by of for to statement interview briefing conference news release email emailed "
    "video speech television radio broadcast press phone call telephone text message hearing "
    "meeting rally event post posted website her him them me us reporters".split()
) - {"to"}


# Cue types that report a state of mind or a document, not a speech act: never a second
# cue sharing an earlier speaker, never a report inside another report's content.
_PRIVATE = frozenset({"belief", "intention", "evidence"})


_FINITE = frozenset("is are was were has have had will would can could".split())


_NOUN_BEFORE = frozenset(
    "the a an his her its their our my your this these those such no any every".split()
)


def _sentence_end(ctx: _Ctx, a: int, b: int) -> int:
    tk = ctx.tk
    while b > a and tk.words[b - 1] in {".", "!", "?", '"', "'", ")"}:
        b -= 1
    return b


def _content_raw(ctx: _Ctx, a: int, b: int, c: _Cue, np_: _NP | None,
                 rule: str, min_words: int = 2) -> _Raw | None:
    tk = ctx.tk
    while a < b and tk.words[a] in {",", ":", "\u2014", "-"}:
        a += 1
    b = min(b, a + _MAX_CONTENT)  # a bound that keeps run-on text linear
    if b <= a:
        return None
    cs, ce = _span_text(tk, a, b)
    ce = _trim_end(ctx.t, cs, ce)
    m = _DATELINE.match(ctx.t, cs, ce)
    if m:
        cs = m.end()
    if _n_words(ctx.t, cs, ce) < min_words:
        return None
    # A quotation mark inside the reported content makes it a partial quote.
    kind = "partial" if '"' in ctx.t[cs:ce] else "indirect"
    if ctx.t[cs] == '"' and ctx.t[ce - 1 : ce] == '"':
        cs, ce = cs + 1, ce - 1
    return _Raw(cs, ce, kind, c, np_, tk.starts[c.k0], rule=rule)


def _according(ctx: _Ctx, c: _Cue, sa: int, sb: int) -> _Raw | None:
    tk = ctx.tk
    eb = _sentence_end(ctx, sa, sb)
    a, _ = _clause_start(ctx, sa, c.k0)
    np_ = _np_after(ctx, c.k1, sb, appos=c.k0 - a >= 3)
    if np_ is None:
        return None
    _according_source(ctx, np_, eb)
    b = c.k0
    while b > a and tk.words[b - 1] in {",", "\u2014", "("}:
        b -= 1
    if b - a >= 3:
        return _content_raw(ctx, a, b, c, np_, "indirect.content_according_to")
    e = np_.j
    while e < eb and tk.words[e] != ",":
        e += 1
    return _content_raw(ctx, e + 1, eb, c, np_, "indirect.according_to_content")


def _according_source(ctx: _Ctx, np_: _NP, eb: int) -> None:
    """The source of "according to" as PolNeAR marks it: the whole phrase up to the next
    punctuation ("a national Gallup poll taken last week", "an NBC report at the time"),
    or farther with an apposition; the mention stays the noun phrase."""
    tk = ctx.tk
    e = np_.j
    while e < eb and e - np_.i < 40 and tk.words[e] not in _PHRASE_END and ctx.in_quote[e] < 0:
        e += 1
    fi, fj = np_.extra.get("full", (np_.i, np_.j))
    np_.extra["full"] = (fi, max(fj, e))


_PHRASE_END = frozenset({",", ".", ";", ":", '"', "\u2014", "\u2013", "(", ")", "?", "!", "--"})


def _that_follows(tk: _Tokens, ca: int, x: int) -> bool:
    """Whether the words between a cue and a "that" at ``x`` are adjuncts ("said on
    Monday that", "said on its Telegram channel that"), so "that" opens the content."""
    gap = range(ca, x)
    if all(_adverbial(tk, y) for y in gap):
        return True
    return (tk.lower[ca] in _PREPOSITIONS | {"to", "via"} and x - ca <= 6
            and not any(_verbish(tk.lower[y]) or tk.words[y] in {",", '"', ";"} for y in gap))


def _adverbial(tk: _Tokens, k: int) -> bool:
    """A word that may stand between a cue and its "that": "said on Monday that"."""
    w = tk.lower[k]
    return (w in _TIME_WORDS or w in _POST_CUE or _is_adverb(w) or _is_cap(tk.words[k])
            or tk.words[k][:1].isdigit()
            or w in {",", "again", "also", "later", "then", "example", "instance", "however"})


def _indirect(ctx: _Ctx, c: _Cue, by_sentence: dict[int, list[_Raw]]) -> _Raw | None:
    """Reported speech around one cue: ``X said (that) ...``, ``..., X said``,
    ``..., said X``, ``according to X``."""
    tk = ctx.tk
    lw = tk.lower
    si = ctx.tok_sent[c.k0]
    sa, sb = ctx.sent_tok[si]
    if c.lemma == "according to":
        return _according(ctx, c, sa, sb)
    eb = min(_sentence_end(ctx, sa, sb), c.k1 + _MAX_CONTENT)
    if not _speech_act(ctx, c, sa):
        return None
    a, how = _clause_start(ctx, sa, c.aux0)
    prev_in_sentence = by_sentence.get(si)
    if c.ctype in _PRIVATE and any(prev.cs <= tk.starts[c.k0] < prev.ce
                                   for prev in (prev_in_sentence or [])[-6:]):
        return None  # "said it ... and expected to decide": part of the reported content
    if (c.aux0 - 1 >= sa and lw[c.aux0 - 1] in {"and", "but"} and prev_in_sentence
            and not lw[c.k0].endswith("ing")):
        # "... said X and accused Y of Z": the subject of the earlier cue.
        return _and_second_cue(ctx, c, sa, sb, prev_in_sentence[-1])
    main = _after_relative(ctx, c, sa, eb, prev_in_sentence or [])
    if main is not None:
        return main
    for prev in by_sentence.get(si, [])[-6:]:
        if prev.cs <= tk.starts[c.k0] < prev.ce and how in {"cue", None}:
            return None  # speech reported inside another attribution's content
    if c.k1 < tk.n and lw[c.k1] in {"to", "by"} and c.lemma not in {"urge", "ask", "tell"}:
        if lw[c.k1] == "by":
            return None  # "was warned by": passive; "added by" etc.
    post = list(range(c.k1, eb))
    has_that = any(lw[x] == "that" and _that_follows(tk, c.k1, x) for x in post[:8])
    # A later cue ends this clause, unless it is a participle after a comma (", adding").
    later_cue = any(tk.words[x.aux0 - 1] != "," for x in ctx.cues_between(c.k1, eb))
    site = _Site(si, sa, sb, eb, c.aux0 - 1, a, how, post, has_that, later_cue)
    for pattern in _TAG_PATTERNS if _may_tag(ctx, c, sa) else ():
        r = pattern(ctx, c, site)
        if r is not None:
            return r or None
    return _speaker_said(ctx, c, site, by_sentence)


def _after_relative(ctx: _Ctx, c: _Cue, sa: int, eb: int, prevs: list[_Raw]) -> _Raw | None:
    """"X, who has denied that ..., said ...": the main clause's cue right after the comma
    that closes a relative clause read as an attribution of its own (``indirect.who_said``).
    Its subject is the relative pronoun's antecedent, and the relative clause's content
    ends at that comma."""
    tk = ctx.tk
    p = c.aux0 - 1
    if p <= sa or tk.words[p] != "," or tk.lower[c.k0].endswith("ing"):
        return None
    at = tk.starts[p]
    prev = next((x for x in reversed(prevs[-6:]) if x.rule == "indirect.who_said"
                 and x.np is not None and "source_tokens" in x.np.extra
                 and x.cs < at < x.ce), None)
    if prev is None:
        return None
    np_ = _who_subject(ctx, prev.np.extra["source_tokens"][0] - 1, sa)
    if np_ is None:
        return None
    ca, that_found = _content_start(ctx, c, eb)
    if c.strict and not (that_found or any(tk.words[x] in {'"', ":"} for x in range(ca, eb))):
        return None
    r = _content_raw(ctx, ca, eb, c, np_, "indirect.after_relative")
    if r is None:
        return None
    prev.ce = _trim_end(ctx.t, prev.cs, at)
    r.clause_a = np_.i
    return r


# Words that can be the subject of a bare plural verb: "..., most believe", "they fear".
_BARE_SUBJECTS = frozenset("i we you they most many some others all both few".split())


def _may_tag(ctx: _Ctx, c: _Cue, sa: int) -> bool:
    """Whether the cue may tag content before it. A belief, intention, evidence or stance
    word in its bare form is often a noun ("courted union support, urged ..."): it tags
    only after a pronoun or a plural subject ("..., they fear", "..., critics fear")."""
    lw = ctx.tk.lower
    if c.ctype in {"speech", "according_to"} or lw[c.k0] != c.lemma.split()[0]:
        return True
    p = c.aux0 - 1
    return p >= sa and (lw[p] in _BARE_SUBJECTS or (lw[p].endswith("s") and len(lw[p]) > 3))


@dataclass
class _Site:
    """Where one cue stands, as the reported-speech patterns read it (token indices)."""

    si: int  # the cue's sentence
    sa: int  # the sentence's first token
    sb: int  # one past its last token
    eb: int  # where content may end: the sentence end, at most _MAX_CONTENT past the cue
    p: int  # the token before the cue and its auxiliaries
    a: int  # where the cue's clause starts (_clause_start)
    how: str | None  # the kind of boundary there
    post: list[int]  # the tokens from the cue's end to eb
    has_that: bool  # a "that" opening the content follows the cue closely
    later_cue: bool  # a later cue (not a participle after a comma) before eb


def _speech_act(ctx: _Ctx, c: _Cue, sa: int) -> bool:
    """Whether the cue's word reports speech here, rather than being a noun ("a new
    report", "the claims", "Dean's comments"), a passive or an infinitive ("is said to",
    "to say"), a restrictive relative clause or speech that has not happened ("will
    say")."""
    tk = ctx.tk
    lw = tk.lower
    p = c.aux0 - 1
    noun_form = lw[c.k0].endswith("s") and lw[c.k0] != "says"
    if lw[c.k0] == c.lemma and c.lemma not in {"say", "tell"}:
        # "a new report", "this claim": a bare form after a singular determiner is a noun.
        for x in range(c.aux0 - 1, max(sa, c.aux0 - 5) - 1, -1):
            if lw[x] in {"a", "an", "this", "every", "each", "another"}:
                return False
            if tk.words[x] in {",", '"'} or lw[x] in _VERBISH:
                break
    if p >= sa and ((lw[p] in _PASSIVE or lw[p] == "to" or lw[p] in _NOUN_BEFORE)
                    and not _went_on_to(lw, p, sa)
                    or (noun_form and (tk.words[p][:1].isdigit() or lw[p] in _NUMBERS))):
        return False  # "is said to", "to say", "the claims", "eight states": not a speech act
    if p >= sa and (lw[p].endswith("'s") or lw[p].endswith("s'")):
        return False  # "Dean's comments": a noun
    if (c.k1 < tk.n and (lw[c.k0] == c.lemma or noun_form) and c.lemma not in {"say", "tell"}
            and c.aux0 == c.k0 and (lw[c.k1] in _FINITE or lw[c.k1] in _MODALS
                                    or lw[c.k1] in {"came", "comes", "drew", "draws"})):
        return False  # "The derogatory comments had two goals": a noun, the subject
    if lw[c.k0] == "told" and p >= sa and lw[p] == "all":
        return False  # "All told, ...": an idiom
    if _noun_before_cue(ctx, c):
        return False  # "refugee advocates also said": the cue word ends the subject
    if (p >= sa and lw[p] in _RELATIVE and not (p - 1 >= sa and tk.words[p - 1] == ",")
            and not _relative_source(ctx, c, p, sa)):
        return False  # "the women who complained": a restrictive relative clause
    if p >= sa and lw[p] in _MODALS and not (p > sa and tk.words[p][:1].isupper()):
        # "she would ask", "will say": speech that has not happened ("Ms. May said" is
        # a name)
        return False
    return True


def _noun_before_cue(ctx: _Ctx, c: _Cue) -> bool:
    """Whether the cue word is a noun ending the subject of the next cue: its bare or
    plural form right before another cue, with at most two adverbs or auxiliaries between
    ("refugee advocates also said", "initial estimates showed", "his second tweet
    claimed")."""
    lw = ctx.tk.lower
    w = lw[c.k0]
    if c.k1 != c.k0 + 1 or c.aux0 != c.k0 or w in {"says", "said"} or not (
            w == c.lemma or (w.endswith("s") and not w.endswith("ss"))):
        return False
    x = c.k1
    while x < ctx.tk.n and x - c.k1 < 2 and lw[x] in _AUX and lw[x] != "and":
        x += 1
    nxt = ctx.cue_at.get(x)
    return nxt is not None and nxt.ctype in {"speech", "stance", "evidence"}


def _relative_source(ctx: _Ctx, c: _Cue, p: int, sa: int) -> bool:
    """"MPs who say ...", "voters who believe ...": a restrictive relative clause whose
    antecedent is a group of people (a plural noun or "those") and whose cue has explicit
    content (a that-clause or, for a belief, intention or stance, a clause or an object)
    reports what that group says or thinks."""
    tk = ctx.tk
    lw = tk.lower
    if lw[p] != "who" or p - 1 < sa or c.strict and lw[c.k1:c.k1 + 1] != ["that"]:
        return False
    ante = _strip_poss(lw[p - 1])
    return (ante in {"those", "people", "others"} or ante in _lex("groups")
            or (ante.endswith("s") and not ante.endswith("ss") and len(ante) > 3
                and not tk.words[p - 1][:1].isupper()))


def _and_second_cue(ctx: _Ctx, c: _Cue, sa: int, sb: int, earlier: _Raw) -> _Raw | None:
    """"... said X and accused Y of Z": a second cue after "and"/"but" shares the subject
    of the ``earlier`` attribution in the sentence."""
    tk = ctx.tk
    lw = tk.lower
    eb_ = _sentence_end(ctx, sa, sb)
    if c.strict and not any(tk.words[x] in {'"', ":"} or lw[x] == "that"
                            for x in range(c.k1, min(c.k1 + 8, eb_))):
        return None
    r = _content_raw(ctx, c.k1, eb_, c, None, "indirect.and_second_cue")
    if r is not None:
        r.elliptic = earlier
        r.clause_a = c.aux0 - 1
    return r


# The tag patterns below return the attribution, False when they claim the cue but give
# none (the content is too short), or None when they do not apply (the next one is tried).


def _content_said_speaker(ctx: _Ctx, c: _Cue, s: _Site) -> _Raw | bool | None:
    """"..., said Ahmed Nasser." (inverted, after the content); a participle after the
    comma (", offering his thoughts", ", calling them welfare") is no inverted tag."""
    tk = ctx.tk
    if tk.lower[c.k0].endswith("ing") and c.aux0 == c.k0:
        return None
    if (s.p >= s.a and tk.words[s.p] == "," and s.p - s.a >= 3 and c.lemma not in _TELL_LIKE
            and _read_np(tk, s.a, c.aux0) is None):
        np_ = _np_after(ctx, c.k1, s.sb)
        if np_ is not None and np_.j >= s.eb - 6 and not s.has_that and np_.j - np_.i <= 10:
            return _content_raw(ctx, s.a, s.p, c, np_, "indirect.content_said_speaker") or False
    return None


def _tag_inside(ctx: _Ctx, c: _Cue, s: _Site) -> _Raw | bool | None:
    """"The plan, an inside source said, is to ...": a tag inside the reported clause; the
    content is the part after the tag."""
    tk = ctx.tk
    lw = tk.lower
    post = s.post
    if (post and tk.words[post[0]] == "," and len(post) >= 4 and not s.has_that
            and not lw[post[1]].endswith("ing") and post[1] not in ctx.cue_at
            and tk.words[post[1]] != '"'):
        m = next((x for x in range(c.aux0 - 1, s.a, -1) if tk.words[x] == ","), None)
        if m is not None and m > s.a:
            np_ = _read_np(tk, m + 1, c.aux0)
            if np_ is not None and np_.j - np_.i <= 8:
                r = _content_raw(ctx, post[0] + 1, s.eb, c, np_, "indirect.tag_inside")
                if r is not None:
                    r.clause_a = m + 1
                    r.lead = (s.a, m)  # the content before the tag (statements)
                    return r
    return None


def _tag_final_start(ctx: _Ctx, s: _Site) -> int:
    """Where the content of a tag after it starts: a conjunction or subordinator is no
    boundary here ("He has spoken since May, he said"; "Hackers broke in, and 10 servers
    were hit, the report said"), so the content runs back to the sentence start or to a
    semicolon, colon or quotation."""
    if s.how != "conj":
        return s.a
    tk = ctx.tk
    j = s.a - 1
    lo = max(s.sa, s.a - _MAX_CONTENT // 2)  # a bound that keeps run-on text linear
    while j > lo and not (tk.words[j - 1] in {";", ":", '"'} or ctx.in_quote[j - 1] >= 0):
        j -= 1
    return max(j, lo)


def _content_speaker_said(ctx: _Ctx, c: _Cue, s: _Site) -> _Raw | bool | None:
    """"..., both officials said." (subject after the content, nothing much after the
    cue)."""
    tk = ctx.tk
    lw = tk.lower
    if lw[c.k0].endswith("ing") and c.aux0 == c.k0:
        return None  # "a superdelegate supporting Clinton": a participle, not a tag
    if c.strict and c.aux0 == c.k0 and lw[c.k0] in {c.lemma, c.lemma + "s"} and any(
            lw[x] in _PREPOSITIONS for x in range(max(s.sa, c.k0 - 4), c.k0)):
        # "voters in battleground states.", "forums on the most important issues.": a cue
        # word common outside reporting, in a prepositional phrase, is a noun
        return None
    a, post = _tag_final_start(ctx, s), s.post
    first_comma = next((x - c.k1 for x in post if tk.words[x] == ","), len(post))
    adverbial = all(
        lw[x] in _TIME_WORDS or lw[x] in _POST_CUE or _is_adverb(lw[x]) or _is_cap(tk.words[x])
        or tk.words[x][:1].isdigit()
        for x in post[:first_comma]
    )
    short_tail = (
        first_comma <= 8 and bool(post) and lw[post[0]] in _PREPOSITIONS and not c.strict
        and not any(lw[x] in _FINITE for x in post[:first_comma])
    )
    if (adverbial or short_tail) and not s.has_that and not s.later_cue and not (
        s.how == "cue" and lw[a] in _PREPOSITIONS
    ):
        # The subject may hold commas itself ("his top aide, Tad Devine, told"): try up to
        # three commas back and keep the farthest that still reads as a noun phrase.
        best = None
        seen = 0
        for m in range(c.aux0 - 1, a, -1):
            if tk.words[m] != ",":
                continue
            if m + 1 >= c.aux0:
                continue
            if m - a < 3 or seen >= 3 or lw[m + 1] in {"and", "but", "or"}:
                break  # ", and 10 servers, the report said": a clause, not the subject
            seen += 1
            np_ = _read_np(tk, m + 1, c.aux0)
            if np_ is None:
                if best is not None:
                    break
                continue
            best = (m, np_)
        if best is not None:
            r = _content_raw(ctx, a, best[0], c, best[1], "indirect.content_speaker_said")
            if r is not None:
                return r
    return None


def _tag_colon(ctx: _Ctx, c: _Cue, s: _Site) -> _Raw | bool | None:
    """"..., insiders said: Trump's lead ...": the content follows the colon."""
    tk = ctx.tk
    a, post = s.a, s.post
    if post and tk.words[post[0]] == ":" and not _read_np(tk, a, c.aux0):
        for m in range(c.aux0 - 1, a, -1):
            if tk.words[m] == "," and m + 1 < c.aux0:
                np_ = _read_np(tk, m + 1, c.aux0)
                if np_ is not None:
                    return _content_raw(ctx, post[0] + 1, s.eb, c, np_,
                                        "indirect.tag_colon") or False
                break
    return None


def _as_tag(ctx: _Ctx, c: _Cue, s: _Site) -> _Raw | bool | None:
    """"As the paper noted, ...": the content follows the tag."""
    tk = ctx.tk
    a, post = s.a, s.post
    if tk.lower[a] == "as" and post and tk.words[post[0]] == "," and a + 1 < c.aux0:
        np_ = _read_np(tk, a + 1, c.aux0)
        if np_ is not None:
            return _content_raw(ctx, post[0] + 1, s.eb, c, np_, "indirect.as_tag") or False
    return None


_TAG_PATTERNS = (_content_said_speaker, _tag_inside, _content_speaker_said, _tag_colon,
                 _as_tag)


def _speaker_said(ctx: _Ctx, c: _Cue, s: _Site,
                  by_sentence: dict[int, list[_Raw]]) -> _Raw | None:
    """Forward: "X said (that) ...", the content after the cue (and its addressee)."""
    tk = ctx.tk
    lw = tk.lower
    if s.how == "cue" and s.a < c.aux0 and lw[s.a] in _PREPOSITIONS:
        return None  # the object of an earlier cue, not a new subject
    subject = _forward_subject(ctx, c, s, by_sentence)
    if subject is None:
        return None
    np_, elliptic, rule, a = subject
    eb = s.eb
    ca, that_found = _content_start(ctx, c, eb)
    has_that = s.has_that or that_found
    explicit = (
        has_that
        or (ca < tk.n and tk.words[ca] in {":", '"'})
        or any(tk.words[x] == '"' for x in range(ca, eb))
        or (c.lemma == "ask" and any(lw[x] in {"if", "whether", "why", "how", "what"}
                                     for x in range(ca, min(ca + 4, eb))))
        # "Neither party knows which nominee that helps": a belief's wh-clause.
        or (c.ctype == "belief" and ca + 1 < eb and lw[ca] in _WH_CLAUSE)
        # "she wants to run", "he plans to veto it": an intention's content is the plan.
        or (c.ctype == "intention" and ca < eb and lw[ca] == "to")
        # "I think he is wrong", "most believe the economy has improved": a belief's
        # clause without "that", opened by a subject and holding a finite verb.
        or ((c.ctype == "belief" or c.lemma in {"hope", "wish"}) and _bare_clause(tk, ca, eb))
        # "voters see Clinton as the stronger candidate": a belief about X, as Y.
        or (c.lemma in _SEE_AS and _as_complement(tk, ca, eb))
        # "The poll shows Clinton ahead": a document's evidence needs no "that".
        or (c.ctype == "evidence" and np_ is not None and np_.j > np_.i
            and _strip_poss(lw[np_.j - 1]) in _lex("documents"))
    )
    if (np_ is not None and elliptic is None and c.aux0 - 1 > np_.i
            and lw[c.aux0 - 1] == "who" and tk.words[c.aux0 - 2] != ","):
        # "Voters who say ...": the source is the relative pronoun, the speaker its
        # antecedent; the content ends at the first comma (the main clause follows).
        np_.extra["source_tokens"] = (c.aux0 - 1, c.aux0)
        rule = "indirect.relative_source"
        eb = next((x for x in range(ca, eb) if tk.words[x] in {",", ";"}), eb)
    inside = any(prev.cs <= tk.starts[c.k0] < prev.ce for prev in by_sentence.get(s.si, [])[-6:])
    if not explicit and elliptic is None and not inside and (
            obj := _object_rule(ctx, c, np_, ca, eb)) is not None:
        # (A stance inside another report's content is part of that content: "He said
        # Hamas had agreed, and he was discussing the release".)
        # "X praised the governor", "X declined to comment": the object is the content.
        rule, explicit = obj, True
        if lw[ca] != "to":
            eb = _object_end(ctx, ca, eb)
    if c.strict and not explicit:
        return None
    r = _content_raw(ctx, ca, eb, c, np_, rule, min_words=1 if rule.endswith("_object") else 2)
    if r is None:
        return None
    r.clause_a = a
    if elliptic is not None:
        r.elliptic = elliptic
    return r


# Words that open a belief's wh-clause ("know which nominee that helps", "wonder if").
_WH_CLAUSE = frozenset("which what whether if how why where who when".split())


# Words that open a clause as its subject ("I think [he] is wrong").
_CLAUSE_SUBJECTS = frozenset("i we you he she it they there this the his her their its our "
                             "my most many some".split())


# Belief cues read with an "as" complement ("see X as Y", "regard X as Y").
_SEE_AS = frozenset({"see", "view", "regard", "consider", "perceive"})


def _as_complement(tk: _Tokens, ca: int, eb: int) -> bool:
    """Whether a short object and "as" follow a belief cue: "see Clinton as", "view the
    deal as" (within five words, no punctuation between)."""
    lw = tk.lower
    for x in range(ca + 1, min(ca + 6, eb)):
        if lw[x] == "as":
            return True
        if not tk.words[x][:1].isalnum():
            return False
    return False


def _bare_clause(tk: _Tokens, ca: int, eb: int) -> bool:
    """Whether a clause opened by a subject, with a finite verb within its first eight
    words, starts at ``ca``: the content of a belief cue without "that" ("think the
    progress on climate change is real", "believe meaningful relief is possible", "think
    Obama advanced the agenda"). A preposition, "to" or an -ing form opens no clause
    ("believe in", "fear losing")."""
    lw = tk.lower
    if ca >= eb or lw[ca] in _PREPOSITIONS or lw[ca] in {"to", "so", "not", "it"} or (
            lw[ca].endswith("ing")) or not tk.words[ca][:1].isalnum():
        return False
    opened = lw[ca] in _CLAUSE_SUBJECTS or _is_cap(tk.words[ca])
    for x in range(ca, min(ca + 8, eb)):
        w = lw[x]
        if tk.words[x] in {",", ";", ":", '"'}:
            return False
        if _verbish(w) or w.endswith(("'s", "'re", "'ll", "'ve", "'d")) or w in _MODALS:
            return True
        # A past form right after a name or a pronoun: "think Obama advanced".
        if opened and x == ca + 1 and (w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4)):
            return True
    return False


def _forward_subject(
    ctx: _Ctx, c: _Cue, s: _Site, by_sentence: dict[int, list[_Raw]]
) -> tuple[_NP | None, _Raw | None, str, int] | None:
    """The subject of a forward cue: a noun phrase before it, or an earlier attribution
    whose speaker it shares. Returns the noun phrase (or None), that attribution (or
    None), the rule id and the token where the clause starts; None if there is none."""
    tk = ctx.tk
    lw = tk.lower
    a, how, sa, si, p = s.a, s.how, s.sa, s.si, s.p
    # ", noting that ...", ", saying ...": a participle after a comma has no subject of its
    # own right before it (the words before the comma are a clause: "The mayor spoke on
    # Monday, noting that ..."); the subject is found by the fallbacks below.
    participle = lw[c.k0].endswith("ing") and p >= sa and tk.words[p] == "," and c.aux0 == c.k0
    if not participle and ((a == sa and lw[a] in _OPENING_SUBORDINATORS) or (
            how == "conj" and a - 1 == sa and lw[sa] in _OPENING_SUBORDINATORS)):
        # "Although Scott lacks a record, officials say": the subject of the main
        # clause stands after the subordinate clause's comma
        comma = next((x for x in range(a + 1, c.aux0) if tk.words[x] == ","), None)
        if comma is not None and comma + 1 < c.aux0:
            a = comma + 1
    np_ = _read_np(tk, a, c.aux0) if a < c.aux0 and not participle and how != "who" else None
    rule = "indirect.speaker_said"
    if np_ is None and how == "conj" and sa < a < c.aux0:
        # The conjunction was inside the subject ("The person, who asked ... because the
        # talks were confidential, described"): read from the sentence start instead.
        np_ = _read_np(tk, sa, c.aux0)
        if np_ is not None:
            a = sa
            rule = "indirect.speaker_said_from_sentence_start"
    elliptic = None
    if np_ is None and lw[c.k0].endswith("ing") and p >= sa and tk.words[p] == ",":
        # "..., Nefzi said, adding, ...": the speaker of the attribution just before.
        before = [x for x in (by_sentence.get(si, [])[-6:] + ctx.quote_raws.get(si, [])[-6:])
                  if x.cue is not None and x.cue.k0 < c.k0]
        if before:
            elliptic = max(before, key=lambda x: x.cue.k0)
            rule = "indirect.adding"
    if np_ is None and elliptic is None and (how in {"who", "conj"} or a < c.aux0):
        fallback = _fallback_subject(ctx, c, a, how, sa)
        if fallback is not None:
            np_, rule = fallback[0], "indirect." + fallback[1]
    if np_ is None and elliptic is None:
        prev = by_sentence.get(si)
        tail = lw[c.aux0 - 1] if c.aux0 - 1 >= sa else ""
        if prev and ((a == c.aux0 and how == "conj") or tail in {"and", "but"}):
            elliptic = prev[-1]
            rule = "indirect.conj_shared_subject"
        else:
            return None
    return np_, elliptic, rule, a


#: Words that open a subordinate clause before the main clause of a sentence.
_OPENING_SUBORDINATORS = frozenset("although though while whereas because since if unless "
                                   "after before when once as".split())


def _content_start(ctx: _Ctx, c: _Cue, eb: int) -> tuple[int, bool]:
    """Where reported content starts after a forward cue: past the addressee ("told
    reporters (on Monday) that ...") and past an opening "that". Returns the token and
    whether a "that" was skipped (for cues other than "tell")."""
    tk = ctx.tk
    lw = tk.lower
    ca = c.k1
    if c.lemma in _TELL_LIKE:
        # Skip the addressee: "told reporters (on Monday) that ...", "told me".
        x = next((x for x in range(ca, min(ca + 9, eb)) if lw[x] == "that"), None)
        if x is not None and not any(tk.words[y] in {",", '"'} for y in range(ca, x)):
            ca = x + 1
        elif not any(lw[y] == "to" for y in range(ca + 1, min(ca + 4, eb))):
            # "told reporters ..." skips the addressee; "told residents to stay indoors"
            # keeps it, as "urged X to Y" does.
            ca += 1
            while ca < eb and _is_cap(tk.words[ca]) and tk.words[ca - 1][:1].isupper():
                ca += 1
        return ca, False
    x = next((x for x in range(ca, min(ca + 7, eb)) if lw[x] == "that"), None)
    if (x is not None and _that_follows(tk, ca, x)
            and not (x + 1 < eb and (lw[x + 1] in _FINITE or lw[x + 1] in _MODALS))):
        return x + 1, True
    return ca, False


def _report_speech(
    ctx: _Ctx, raws: list[_Raw], pendings: list[tuple[_Raw, int]]
) -> list[_Raw]:
    """Pass 2: reported speech around the cues pass 1 left unused, after the quotation
    attributions ``raws``; then the speaker of each pending ``quote.before_adding``
    quotation (its earlier cue's attribution)."""
    raws = list(raws)
    by_sentence: dict[int, list[_Raw]] = {}
    for c in ctx.cues:
        if c.k0 in ctx.used:
            continue
        r = _indirect(ctx, c, by_sentence)
        if r is not None:
            raws.append(r)
            ctx.used.add(c.k0)
            by_sentence.setdefault(ctx.tok_sent[c.k0], []).append(r)
    by_cue = {r.cue.k0: r for r in raws if r.cue is not None}
    for r, k0 in pendings:
        r.elliptic = by_cue.get(k0)
    _stop_at_next_attribution(ctx, by_sentence)
    raws = [r for r in raws if r.ce > r.cs]
    return raws


def _stop_at_next_attribution(ctx: _Ctx, by_sentence: dict[int, list[_Raw]]) -> None:
    """Reported content stops where the next attribution in the sentence begins (its
    clause, its speaker or its cue)."""
    tk = ctx.tk
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
                a.ce = _trim_end(ctx.t, a.cs, min(a.ce, cut))
