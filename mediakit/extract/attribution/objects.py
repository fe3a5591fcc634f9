"""Attributions whose content is a noun phrase or an infinitive rather than a clause:
stances and speech acts with an object ("blasted the plan", "praised the governor",
"declined to say whether ..."), intentions with an object ("she wants a recount"). Used by the
forward pattern of pass 2 (:mod:`.indirect`); rule ids ``indirect.*_object``."""

from __future__ import annotations

from ..lexicon import _DETERMINERS, _lex
from ..noun_phrases import _NP
from ..tokens import _is_cap
from .context import _Ctx
from .cues import _Cue

#: The object rules of pass 2: rule id -> what it matches; part of
#: :data:`mediakit.extract.attribution.RULES` (through :data:`.indirect.INDIRECT_RULES`).
OBJECT_RULES: dict[str, str] = {
    "indirect.stance_object":
        "a stance cue with a noun-phrase object or an infinitive: X praised the governor, "
        "X called for a recount, X declined to say whether ... (typed negated; the object is "
        "the content)",
    "indirect.intention_object":
        "an intention cue with a noun-phrase object: X wants a recount, X seeks the "
        "nomination (the object is the content)",
    "indirect.speech_object":
        "a speech cue of attribution_lexicon.txt [speech_objects] with a noun-phrase "
        "object: X mentioned the deficit, X proposed a ban (the object is the content)",
}

# Words that open a noun-phrase object ("praised the governor", "backs him").
_OBJECT_OPENERS = frozenset(
    _DETERMINERS | {"him", "her", "them", "it", "himself", "herself", "themselves", "itself",
                    "us", "me", "you", "what", "how", "why", "whether"}
)

# Objects that name a person or a group ("backs him").
_PERSONAL_OBJECTS = frozenset("him her them himself herself themselves us me you".split())

# Particles after a stance word that make it another verb ("backed away", "backed down").
_NOT_OBJECT = frozenset("away down off out up over by into through".split())

# Cues whose content is an infinitive ("declined to comment", "refused to say").
_INFINITIVE = frozenset({"decline", "refuse", "seek", "plan", "hope", "want", "decide", "aim",
                         "intend", "prefer", "vow", "threaten", "promise", "pledge"})

# Cues too common in other senses to take a bare object: "groups like X", "to buy back".
_NOT_OBJECT_CUES = frozenset({"like", "back"})

# Forms of "be" before a participle cue ("is supporting", "was backing").
_BE = frozenset("is are was were be been am".split())

# Longest subject (tokens) an object cue takes: a longer one is seldom a source.
_MAX_SUBJECT = 8

# Words that end an object: a new clause or an adjunct of the sentence.
_OBJECT_END = frozenset(
    "and but while because after before when as although though since if which who "
    "saying adding calling".split()
)


def _object_rule(ctx: _Ctx, c: _Cue, np_: _NP | None, ca: int, eb: int) -> str | None:
    """The rule id if the cue at ``c`` takes an object that is its content (starting at
    token ``ca``): a stance or intention cue with a subject of its own, followed by a
    noun phrase, a name or (for "decline", "refuse", ...) an infinitive; else None. A cue
    marked strict in ``cue_types.txt`` (a stance) takes only a name or a personal pronoun as
    object, unless its subject is a person."""
    speech = c.ctype == "speech" and c.lemma in _lex("speech_objects")
    if (np_ is None or (c.ctype not in {"stance", "intention"} and not speech) or ca >= eb
            or c.lemma in _NOT_OBJECT_CUES or np_.j - np_.i > _MAX_SUBJECT):
        return None
    lw = ctx.tk.lower
    if lw[np_.j - 1] in {"and", "but", "yet", "or", "both", "who", "which", "that"}:
        return None  # "Rubio broke ranks and supported": no subject of its own
    if lw[c.k0].endswith("ing") and not (c.k0 > 0 and lw[c.k0 - 1] in _BE):
        return None  # "the super PAC supporting Bush": a participle modifier
    if lw[c.k0] == c.lemma and lw[c.k0 - 1 if c.k0 else 0] in {"to", "would", "will"}:
        return None  # "to defend", "would support": not a stance taken
    w = lw[ca]
    if speech and (w in {"to", "what", "how", "why", "whether", "itself", "himself", "herself",
                         "themselves"} or _tagged_later(ctx, c, eb) or _naming(ctx, c)):
        return None  # "promised to", "announced what": a clause; "revealed itself"
    if w == "to":
        # "declined to say whether ...": the infinitive with what it is about; a bare
        # "declined to comment" reports no content and is left out.
        ok = (c.lemma in _INFINITIVE and ca + 2 < eb and ctx.tk.words[ca + 1][:1].islower()
              and ctx.tk.words[ca + 2][:1].isalnum())
        if ok and c.lemma == "decline":
            c.negated = True  # a refusal to speak is no statement: typed negated
    elif c.strict and c.ctype == "stance" and not _personal(np_):
        # A stance cue common in other senses ("the rebels attacked the town", "banks
        # backed the loan") takes a name or a personal pronoun as object, unless a person
        # is its subject ("Christie defended his record").
        ok = (_is_cap(ctx.tk.words[ca]) and w not in _DETERMINERS) or w in _PERSONAL_OBJECTS
    else:
        ok = ((w in _OBJECT_OPENERS or _is_cap(ctx.tk.words[ca])
               or ctx.tk.words[ca][:1].isdigit())
              and w not in _NOT_OBJECT)
    if not ok:
        return None
    if speech:
        return "indirect.speech_object"
    return "indirect.stance_object" if c.ctype == "stance" else "indirect.intention_object"


def _naming(ctx: _Ctx, c: _Cue) -> bool:
    """Whether "called" names something rather than reporting speech: a past form with no
    auxiliary right after an indefinite common noun ("a group called Black Votes Matter",
    "a program called"; "the mayor called the plan a disgrace" is speech)."""
    if c.lemma != "call" or c.aux0 != c.k0 or c.k0 == 0:
        return False
    lw = ctx.tk.lower
    prev = ctx.tk.words[c.k0 - 1]
    return (prev[:1].islower() and prev.lower() not in _PERSONAL_OBJECTS | {"they", "we", "i"}
            and any(w in {"a", "an"} for w in lw[max(0, c.k0 - 5):c.k0 - 1]))


def _tagged_later(ctx: _Ctx, c: _Cue, eb: int) -> bool:
    """Whether a tag later in the sentence reports the clause holding the cue ("X
    proposed a compromise, according to officials", "..., said Y"; a participle ", saying"
    is none): the act is that tag's content."""
    sb = ctx.sent_tok[ctx.tok_sent[c.k0]][1]
    return any(x.lemma == "according to" or (ctx.tk.words[x.aux0 - 1] == ","
                                             and not ctx.tk.lower[x.k0].endswith("ing"))
               for x in ctx.cues_between(c.k1, sb))


def _personal(np_: _NP) -> bool:
    """Whether a subject is one person: a name, or "he"/"she"."""
    return np_.kind == "person" or (np_.kind == "pronoun" and np_.gender in {"m", "f"})


def _object_end(ctx: _Ctx, ca: int, eb: int) -> int:
    """Where a noun-phrase object ends: before a comma, a semicolon, a dash, a parenthesis
    or a word opening a new clause, at most at ``eb``."""
    tk = ctx.tk
    k = ca + 1
    while k < eb:
        if tk.words[k] in {",", ";", ":", "\u2014", "\u2013", "(", "--"} or (
                tk.lower[k] in _OBJECT_END):
            break
        k += 1
    return k
