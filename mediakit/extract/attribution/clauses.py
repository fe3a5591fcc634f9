"""Where a cue's subject is: clause boundaries and the subject patterns the plain
"X said" reading misses (", saying", "X laughed and said", ", who said", "was quoted as",
"went on to", "by saying"), shared by the quotation and reported-speech patterns."""

from __future__ import annotations

from ..lexicon import (
    _CONJ,
    _DETERMINERS,
    _IRREGULAR_PAST,
    _PARTICLES,
    _PRONOUNS,
    _RELATIVE,
    _is_adverb,
    _lex,
    _verbish,
)
from ..noun_phrases import _NP, _TIME_NOUNS, _apposition, _read_np, _state_stop
from ..tokens import _is_cap
from .context import _Ctx
from .cues import _Cue

_NP_AFTER_STOP = frozenset(
    "on in at during after before last referring adding noting as while when told yesterday "
    "today".split()
)


def _np_after(ctx: _Ctx, k: int, limit: int, appos: bool = True) -> _NP | None:
    """The speaker noun phrase after an inverted cue, with an apposition if any."""
    tk = ctx.tk
    e = k
    relative = False
    while e < limit and (tk.words[e] not in {",", ".", ";", '"', "!", "?", ":", "\u2014"}
                         or _state_stop(tk, e, limit)):
        relative = relative or tk.lower[e] in _RELATIVE
        if e > k and not relative and tk.lower[e] in _NP_AFTER_STOP and not _is_cap(tk.words[e]):
            break
        e += 1
    if e == k or e - k > 20:
        return None
    np_ = _read_np(tk, k, e)
    if np_ is None:
        return None
    if np_.kind != "person" and e + 1 < limit and tk.words[e] == ",":
        # "said their neighbour, Rami Saad": the name after the description.
        f = e + 1
        while f < limit and (_is_cap(tk.words[f]) or tk.lower[f] in _PARTICLES):
            f += 1
        if f > e + 1 and (f >= limit or tk.words[f] in {".", ",", '"', ";", "!", "?"}):
            named = _read_np(tk, k, f)
            if named is not None and named.kind == "person":
                return named
    # Apposition after the name: "said Ahmed Nasser, 29, a software engineer."
    if appos and e < limit and tk.words[e] == ",":
        d = _apposition(tk, e, limit, ctx.cue_at)
        if d:
            np_.description = f"{np_.description}; {d[0]}" if np_.description else d[0]
            np_.extra["full"] = (np_.i, d[1])
    return np_


# Subordinators that open a clause even without a comma ("while he said ...").
_SUBORDINATORS = frozenset("while whereas because although though since".split())


# Temporal subordinators: a clause boundary only after a clause ("came after the mayor").
_TEMPORAL = frozenset("after before when until once".split())


_NP_OPENERS = frozenset("a an the another other some several".split())


def _clause_before(ctx: _Ctx, a: int, j: int) -> bool:
    """Whether tokens a..j hold a finite verb (and no relative pronoun), so an "and" at j
    joins two clauses rather than two nouns ("with his wife and three children")."""
    tk = ctx.tk
    found = False
    for k in range(max(a, j - 30), j):
        w = tk.lower[k]
        if w in _RELATIVE:
            return False
        if w in {"is", "are", "was", "were", "has", "have", "had", "will", "would"} or (
            k in ctx.used
        ):
            found = True
    return found


#: Subordinators read by :func:`_subordinate_subject` besides the temporal ones.
_AS_LIKE = frozenset({"as", "amid"})


def _subordinate_subject(ctx: _Ctx, sent_a: int, j: int, k: int) -> bool:
    """Whether the word at ``j`` opens a subordinate clause whose subject (a pronoun, a
    determiner's noun phrase or a name, at most five words) stands right before the cue
    at ``k``, after a clause with a finite verb ("... as they", "... after Trump"); not
    "as well as", "such as"."""
    lw = ctx.tk.lower
    if lw[j] not in _TEMPORAL | _AS_LIKE or not 0 < k - j - 1 <= 5 or j <= sent_a:
        return False
    if lw[j] == "as" and (lw[j - 1] in {"well", "such", "many", "much", "same", "known"}
                          or lw[j + 1] in {"well", "much", "many", "if", "a", "an"}
                          or "as" in lw[max(sent_a, j - 3):j]):
        return False  # "as well as", "as bad as she said": no clause
    cue = ctx.cue_at.get(k)
    if lw[j] in _AS_LIKE and cue is not None and lw[cue.k0] in {cue.lemma, cue.lemma + "s"}:
        return False  # "as the gun control advocate": a noun, not a verb
    nxt = ctx.tk.words[j + 1]
    if not (lw[j + 1] in _NP_OPENERS or lw[j + 1] in _PRONOUNS or _is_cap(nxt)):
        return False
    if any(not ctx.tk.words[x][:1].isalnum() for x in range(j + 1, k)):
        return False
    return _past_verb_before(ctx, sent_a, j) or any(
        lw[x] in _VERB_NOW for x in range(max(sent_a, j - 8), j))


#: Present forms that make a clause before a subordinator ("comes just days after").
_VERB_NOW = frozenset("comes come arrives arrive spreads spread begins begin is are".split())


def _past_verb_before(ctx: _Ctx, a: int, j: int) -> bool:
    """Whether the words just before ``j`` hold a finite verb ("The vote came", "Talks
    resumed"), read from the verb forms alone."""
    if any(k in ctx.used for k in range(max(a, j - 30), j)):
        return False  # "told X the plan would wait until Y confirmed": inside a report
    for k in range(max(a, j - 8), j):
        w = ctx.tk.lower[k]
        if _verbish(w) or w in _IRREGULAR_PAST or (
                len(w) > 4 and w.endswith("ed") and not ctx.tk.words[k][:1].isupper()):
            return True
    return False


def _clause_start(ctx: _Ctx, sent_a: int, k: int) -> tuple[int, str | None]:
    """Scan back from token ``k`` to where the clause holding a cue's subject starts.

    Returns the start token and the boundary kind: None (sentence start), "conj"
    (after ", and" / ", but"), "punct" (after ; : or a quotation mark), "cue"
    (after an earlier cue and its "that"), "who" (", who said": subject before it).
    """
    tk = ctx.tk
    lw = tk.lower
    j = k - 1
    sent_a = max(sent_a, k - _MAX_CLAUSE)
    while j >= sent_a:
        w = tk.words[j]
        if w in {";", ":", '"'} or ctx.in_quote[j] >= 0:
            return j + 1, "punct"
        if lw[j] == "that" and j > sent_a:
            return j + 1, "cue"
        if j in ctx.cue_at or (j - 1 >= sent_a and (j - 1) in ctx.cue_at):
            c = ctx.cue_at.get(j) or ctx.cue_at.get(j - 1)
            inside_subject = c is not None and c.aux0 > 0 and (
                lw[c.aux0 - 1] in _RELATIVE or _after_who(tk, c.aux0, sent_a) is not None)
            if (c is not None and c.k1 <= k and c.k1 - 1 <= j and not inside_subject
                    and c.k0 in ctx.used):
                return c.k1, "cue"
        if lw[j] in _CONJ and (
            (j > sent_a and tk.words[j - 1] in {",", "-", "\u2014", "\u2013", "--"})
            or (lw[j] in _SUBORDINATORS and j + 1 < k and lw[j + 1] not in _DETERMINERS - {"the"})
            or (lw[j] in {"and", "but"} and j + 1 < k and k - j <= 7
                and (lw[j + 1] in _NP_OPENERS or lw[j + 1] in _PRONOUNS)
                and _clause_before(ctx, sent_a, j))
            # "The vote came after the mayor said ...": a subordinate clause's subject.
            or (lw[j] in _TEMPORAL and j + 1 < k and k - j <= 7
                and (lw[j + 1] in _NP_OPENERS or lw[j + 1] in _PRONOUNS)
                and _past_verb_before(ctx, sent_a, j))
            # "erupted into cheers as they learned", "comes three days after Trump said":
            # a subordinate clause with a subject of its own, after a clause
            or _subordinate_subject(ctx, sent_a, j, k)
        ) and not (j + 1 < k and lw[j + 1] in _RELATIVE):
            return j + 1, "conj"
        if lw[j] in {"who", "which"} and j > sent_a and tk.words[j - 1] == "," and (
                j == k - 1 or (lw[j] == "who" and _adverbial_run(tk, j + 1, k))):
            # ", who said", ", who on Tuesday endorsed": the subject is before the comma
            return j + 1, "who"
        j -= 1
    return sent_a, None


def _fallback_subject(
    ctx: _Ctx, c: _Cue, a: int, how: str | None, sent_a: int
) -> tuple[_NP, str] | None:
    """Subjects the plain "NP cue" reading misses: ", saying", "X laughed and said",
    ", who said". Returns the subject and the pattern's name, which ends the rule id
    (``quote.before_<name>``, ``indirect.<name>``)."""
    tk = ctx.tk
    lw = tk.lower
    p = c.aux0 - 1
    if p < sent_a:
        return None
    who = a - 1 if how == "who" else p
    if how == "who" or (lw[p] in {"who"} and p - 1 >= sent_a and tk.words[p - 1] == ","):
        np_, name = _who_subject(ctx, who - 1, sent_a), "who_said"
        if np_ is not None and lw[who] == "who":
            # The source as PolNeAR marks it is the relative pronoun; the speaker is the
            # antecedent it refers to.
            np_.extra["source_tokens"] = (who, who + 1)
    elif tk.words[p] == "," and lw[c.k0].endswith("ing"):
        np_, name = _sentence_subject(ctx, min(a, p), p), "saying"
    elif lw[p] in {"and", "but"}:
        np_, name = _sentence_subject(ctx, sent_a, p), "and_said"
    elif _quoted_as(lw, p, sent_a):
        np_, name = _sentence_subject(ctx, sent_a, p), "quoted_as"
    elif _went_on_to(lw, p, sent_a):
        np_, name = _sentence_subject(ctx, sent_a, p), "went_on_to"
    elif lw[p] == "by" and lw[c.k0].endswith("ing"):
        # "X distanced himself ... by saying": the subject of the sentence speaks.
        np_, name = _sentence_subject(ctx, sent_a, p), "by_saying"
    else:
        return None
    return None if np_ is None else (np_, name)


def _quoted_as(lw: list[str], p: int, a: int) -> bool:
    """"X was quoted as saying": the speech is X's."""
    return lw[p] == "as" and p - 1 >= a and lw[p - 1] == "quoted"


def _went_on_to(lw: list[str], p: int, a: int) -> bool:
    """"X went on to say": a report, unlike "refused to say"."""
    return (lw[p] == "to" and p - 2 >= a and lw[p - 1] == "on"
            and lw[p - 2] in {"went", "goes", "go"})


def _sentence_subject(ctx: _Ctx, a: int, b: int) -> _NP | None:
    """The subject at the start of a clause, for a participle cue (", saying ...") or a
    coordinated verb ("he laughed and said"): the noun phrase before the first verb."""
    tk = ctx.tk
    lw = tk.lower
    for k in range(a + 1, min(b, a + 40)):
        w = lw[k]
        verb = _verbish(w) or w in _IRREGULAR_PAST or (
            not _is_cap(tk.words[k]) and len(w) > 3 and (w.endswith("ed") or w.endswith("s"))
            and w not in _lex("groups") and k > a and tk.words[k - 1] not in {",", "the", "a"}
            and lw[k - 1] not in _DETERMINERS
        ) or k in ctx.cue_at
        if verb:
            j = k
            while j > a and (_is_adverb(lw[j - 1]) or lw[j - 1] in {"has", "have", "had"}):
                j -= 1
            return _read_np(tk, a, j)
    return None


#: Words of a short adverbial between a relative pronoun and its verb ("who on Tuesday
#: endorsed", "who has in the past described", "who last year threatened").
_ADVERBIAL_WORDS = frozenset(
    "on in at during last this the past once long since earlier later previously has have "
    "had also already recently often never first then now still publicly openly".split()
) | _TIME_NOUNS


def _adverbial_run(tk, a: int, b: int) -> bool:
    """Whether tokens ``a``..``b`` are a short adverbial (at most four words of
    :data:`_ADVERBIAL_WORDS`, adverbs in -ly or a year), holding a time word or an adverb."""
    if not 0 < b - a <= 4:
        return False
    words = tk.lower[a:b]
    return all(w in _ADVERBIAL_WORDS or _is_adverb(w) or (w.isdigit() and len(w) == 4)
               for w in words)


def _after_who(tk, k: int, sent_a: int) -> int | None:
    """The token of ", who" before token ``k`` across a short adverbial (None if none)."""
    for j in range(k - 1, max(sent_a, k - 6), -1):
        if tk.lower[j] == "who":
            return j if tk.words[j - 1] == "," and _adverbial_run(tk, j + 1, k) else None
    return None


def _who_subject(ctx: _Ctx, comma: int, sent_a: int) -> _NP | None:
    """The antecedent of ", who said": the name or noun phrase before the comma."""
    tk = ctx.tk
    j = comma
    i = j
    while i > sent_a and j - i < 8 and tk.words[i - 1] not in {",", ";", ":", '"', "("} and (
        _is_cap(tk.words[i - 1]) or tk.lower[i - 1] in _PARTICLES
        or tk.lower[i - 1] in _lex("titles")
    ):
        i -= 1
    if i == j:
        return None
    if i - 2 > sent_a and tk.words[i - 1] == "," and _is_cap(tk.words[i - 2]):
        # "Alan Berger, a gynecologist from Englewood, New Jersey, who said": a place
        # after a place in a prepositional phrase is no antecedent; the noun phrase
        # before the apposition holding them is
        k = i - 2
        while k > sent_a and _is_cap(tk.words[k - 1]):
            k -= 1
        p = k - 1
        if tk.lower[p] in _lex("place_prepositions"):
            m = p - 1
            while m > sent_a and tk.words[m] != "," and p - m < 8:
                if tk.lower[m] in _DETERMINERS:
                    if tk.words[m - 1] == ",":  # ", a gynecologist from ...": apposition
                        return _who_subject(ctx, m - 1, sent_a)
                    return _read_np(tk, m, p)  # "the mayor of Austin, Texas, who"
                m -= 1
            if m > sent_a and tk.words[m] == ",":
                return _who_subject(ctx, m, sent_a)
            return _read_np(tk, p - 1, p)  # "officials in Paris, France, who"
    return _read_np(tk, i, j)


# Farthest a subject is looked for before its cue, in tokens.
_MAX_CLAUSE = 80
