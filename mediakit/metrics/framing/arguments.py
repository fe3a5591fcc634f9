"""Arguments of a harm mention: the noun phrases of its agent, victims and subjects.

Functions over one tokenised sentence (:class:`~.tokens._Sent`): a token index in, a
``(start, end)`` token span out (None when there is none); the agent finders also
return the agent rule (a key of :data:`~.constructions.AGENT_RULES`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tokens import _Sent
    from .triggers import _Hit

# Words that open a parenthetical between a subject and its verb ("The missile, fired
# from ..., killed"; "Hamas, which controls Gaza, breached"; "gunmen from Hamas, the
# faction that governs Gaza, had killed"; "a strike on a home, near the crossing, had").
_PARENTHETICAL_OPENERS = frozenset({
    "which", "who", "whose", "the", "a", "an", "its", "his", "her", "their",
    "near", "in", "on", "at", "from", "with", "after", "before", "during", "along",
})


_PREPS = frozenset({"of", "by"})
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it"})

# month abbreviations whose full stop does not end a noun phrase ("its Oct. 7 attacks")
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                     "nov", "dec"})


def object_follows(s: _Sent, j: int) -> bool:
    """Does a noun phrase (an object) start at token ``j``?"""
    k = s.next_word(j)
    if k >= s.n or s.is_punct(k):
        return False
    w = s.w(k)
    if w in ("and", "or") and (s.transitive_form(k + 1) or (
            s.w(k + 1).endswith("ed") and len(s.w(k + 1)) > 4)):
        # "killed and wounded dozens", "killed and captured soldiers"
        return object_follows(s, k + 2)
    qa = s.lex.quantity_after.get(w)
    if qa is not None:
        nxt = s.w(k + 1)
        if "#num" in qa:
            return s.num(nxt) or nxt in ("a", "an")
        if "#notime" in qa:
            return nxt not in s.g["time_nouns"]
        return nxt in qa
    if w in s.g["non_object"]:
        return False
    return True


def subject_before(s: _Sent, i: int) -> tuple[int, int] | None:
    """Noun phrase before token ``i`` (the start of the verbal group)."""
    k = _before_verbal_group(s, i)
    if s.w(k) == "," and not s.w(i).endswith("ing"):
        # "The missile, fired from across the river, killed seven": the subject of a
        # finite verb stands before a parenthetical set off by commas. (", killing
        # five" is a participial clause instead: see lede_subject.)
        opening = _parenthetical_start(s, k)
        if opening is not None:
            return subject_before(s, opening)
    return _noun_phrase_ending_at(s, k)


def _before_verbal_group(s: _Sent, i: int) -> int:
    """The last token before the verbal group that starts at or ends before ``i``: past
    its auxiliaries, modals and adverbs, a coordinated manner verb ("shot and killed")
    and the reporting clause of a relative ("which officials said killed")."""
    g = s.g
    k = i - 1
    # skip auxiliaries, modals and adverbs of the verbal group
    while k >= 0 and (
        s.skippable(k) or s.w(k) in g["be_forms"] or s.w(k) in g["have_forms"]
        or s.w(k) in g["modals"]
    ):
        k -= 1
    # "shot and killed": skip the coordinated manner verb
    if s.w(k) in ("and", "or") and s.w(k - 1) in g["coordinated_manner_verbs"]:
        k -= 2
    if s.w(k) in g["speech_words"] or any(s.w(r) in g["speech_words"] for r in range(k + 1, i)):
        # "the strike, which officials said killed 500": the relative pronoun over its
        # reporting clause
        rel = next((r for r in range(k, max(k - 6, -1), -1)
                    if s.w(r) in ("which", "who", "that") and s.w(r - 1) == ","), None)
        if rel is not None and not any(s.is_punct(x) for x in range(rel + 1, k)):
            k = rel
    return k


def _noun_phrase_ending_at(s: _Sent, k: int) -> tuple[int, int] | None:
    """The noun phrase that ends at token ``k`` (reading back), or the antecedent of a
    relative pronoun there; None if there is none."""
    g = s.g
    end = k + 1
    start = end
    used_relative = False
    nearest = False  # the antecedent of ", which": the noun phrase right before
    while k >= 0 and end - k <= 12:
        w = s.w(k)
        if w in ("who", "which", "that") and not used_relative:
            # "those who died", "gunmen who killed": take the antecedent instead
            used_relative = True
            if start == end:
                end = k
                start = k
                k -= 1
                if s.w(k) == "," and k > 0 and not s.is_punct(k - 1):
                    # "caught up in the recent violence, which has killed": the
                    # antecedent is the phrase before the comma, back to a preposition
                    k -= 1
                    end = start = k + 1
                    nearest = True
                continue
            break
        if nearest and w not in g["cause_nouns"] and (
                w in g["action_verbs"] or w in g["speech_words"] or w in _PRONOUNS
                or (w.endswith(("ed", "ing")) and len(w) > 4)):
            break  # "Hamas launched [the assault], which killed"
        if (nearest or used_relative) and start < end and (
                w in g["np_stop_prepositions"] or w in _PREPS) \
                and any(x in g["cause_nouns"] or x in g["conflict_nouns"]
                        or x in g["actor_nouns"] for x in s.low[start:end]):
            break  # "in [the recent violence]", but "[its attacks on southern Israel]"
        if w == "'s":
            start = k
            k -= 1
            continue
        if s.is_punct(k):
            if w == "," and start < end and all(s.num(x) for x in s.low[start:end]):
                # ", 19," an age in apposition: skip it
                end = k
                start = k
                k -= 1
                continue
            if w in ("'",) or (w == "-" and 0 < k) or (w == "." and s.w(k - 1) in _MONTHS):
                # "Hamas's Oct. 7 attack"
                start = k
                k -= 1
                continue
            break
        if w in g["clause_words"] or w in g["be_forms"] or w in g["have_forms"]:
            break
        if (w in s.lex.verb_forms or w in s.lex.intransitive) and not (
                nearest and w in g["cause_nouns"]):
            break  # "were killed and four were wounded": stop at the other verb
        start = k
        k -= 1
    while start < end and s.w(start) in ("and", "or", "but", "then"):
        start += 1
    if start >= end or (nearest and not any(
            x in g["cause_nouns"] or x in g["conflict_nouns"] or x in g["actor_nouns"]
            for x in s.low[start:end])):
        # the antecedent of ", which" is taken only when it names an event or actor
        # ("the recent violence, which has killed"); else, as before, none
        return None
    return (start, end)


def _parenthetical_start(s: _Sent, close: int) -> int | None:
    """The comma opening a parenthetical that ends with the comma at ``close``.

    None unless the stretch between is short (at most 20 tokens), holds no other
    punctuation but hyphens, apostrophes and the full stops of abbreviations ("9
    a.m."; the rules see one sentence at a time), starts as a parenthetical does (a
    relative pronoun, a participle, a determiner or a preposition: "which hit",
    "fired from", "the group that", "near the border"), and a word stands before the
    opening comma.
    """
    for k in range(close - 1, max(close - 21, 0), -1):
        w = s.w(k)
        if w == ",":
            first = s.w(k + 1)
            opens = (first in _PARENTHETICAL_OPENERS
                     or (first.endswith(("ed", "en")) and len(first) > 3)
                     # a reporting clause: "Israel's war, local authorities say, has"
                     or s.w(close - 1) in s.g["speech_words"])
            ok = k > 0 and not s.is_punct(k - 1) and k + 1 < close and opens
            return k if ok else None
        if s.is_punct(k) and w not in ("-", "'", "."):
            return None
    return None


def np_after(s: _Sent, j: int, allow: tuple[str, ...] = ("of",)) -> tuple[int, int] | None:
    """Noun phrase starting at token ``j``."""
    g = s.g
    k = j
    while k < s.n and k - j < 10:
        w = s.w(k)
        if s.is_punct(k) and w != "'s":
            break
        if w in allow:
            k += 1
            continue
        if k > j and w.endswith("ed") and len(w) > 4 and "-" not in w and \
                w not in g["ed_adjectives"]:
            break  # a verb: "the killings by settlers continued"
        if k > j and (w in g["np_stop_prepositions"] or w in g["clause_words"]
                      or w in g["be_forms"] or w in g["have_forms"] or w in ("and", "or")
                      and k + 1 < s.n and s.transitive_form(k + 1)):
            # "at least": keep going
            if w == "at" and s.w(k + 1) in ("least", "most"):
                k += 2
                continue
            break
        k += 1
    if k <= j:
        return None
    return (j, k)


def by_agent(s: _Sent, j: int) -> tuple[tuple[int, int], str] | None:
    """A by-phrase (or "at the hands of") after token ``j``, within the clause, and
    its agent rule."""
    g = s.g
    k = j
    while k < s.n and k - j <= 10:
        w = s.w(k)
        if (w in ("and", "or") and s.participle(k + 1)) or (
                w == "," and s.w(k + 1) in s.lex.verb_forms):
            # coordinated participles share the by-phrase: "killed or taken
            # hostage by Hamas", "displaced, injured or killed by airstrikes"
            k += 2
            continue
        if s.is_punct(k):
            return None
        if w in g["clause_words"] and w != "as":
            return None
        if w == "by":
            if s.w(k + 1) in g["by_blockers"] or s.w(k + 2) in g["by_blockers"] and \
                    s.w(k + 1) == "the":
                return None
            span = np_after(s, k + 1, allow=("of", "from", "'s"))
            return (span, "agent.by_phrase") if span else None
        if w == "hands" and s.w(k - 1) == "the" and s.w(k - 2) == "at" and \
                s.w(k + 1) == "of":
            span = np_after(s, k + 2, allow=("of", "'s"))
            return (span, "agent.at_the_hands_of") if span else None
        # another participle ("a strike carried out by") owns a later by-phrase
        if k > j and (w.endswith("ed") or w in g["irregular_participles"]) and \
                w not in s.lex.verb_forms and w not in g["skippable"]:
            return None
        k += 1
    return None


def subject_agent(s: _Sent, i: int) -> tuple[tuple[int, int] | None, str | None]:
    """The doer of an active verb at token ``i`` and its agent rule: the subject
    before it, or else the main clause's subject."""
    span = subject_before(s, i)
    if span is not None:
        return span, "agent.subject"
    span = clause_subject(s, i)
    if span is not None:
        return span, "agent.clause_subject"
    if _after_relative(s, i):
        return None, None  # "Hamas, which officials say killed": not the main subject
    span = lede_subject(s, i)
    return span, ("agent.main_clause_subject" if span else None)


def _after_relative(s: _Sent, i: int) -> bool:
    """Is the verb at ``i`` that of a relative clause, over a reporting clause (",
    which Israeli authorities say killed")? Its subject is the relative's antecedent,
    never the main clause's."""
    k = _before_verbal_group(s, i)
    return s.w(k) in ("which", "who") and s.w(k - 1) == ","


def clause_subject(s: _Sent, i: int) -> tuple[int, int] | None:
    """Subject of the subordinate or relative clause that ends at the comma before a
    participial clause at token ``i``: after a clause opener (``clause_openers``: "after
    [gunmen from Hamas] burst across the fence on Oct. 7, killing") the words up to its
    verb; before "who" or "that" ("an assault by [gunmen] who overwhelmed the border,
    killing") the antecedent. None when no such clause stands there (no punctuation
    between it and the comma)."""
    g = s.g
    comma = s.prev_word(i)
    if s.w(comma) != "," or not s.w(i).endswith("ing"):
        return None
    for c in range(comma - 1, max(comma - 25, -1), -1):
        w = s.w(c)
        if s.is_punct(c) and not (w == "." and s.w(c - 1) in _MONTHS):
            return None
        if w in ("who", "that") and c > 0:
            return _antecedent(s, c)
        if w in g["clause_openers"]:
            for q in range(c + 2, min(comma, c + 8)):
                v = s.w(q)
                if s.is_punct(q) and not (v == "." and s.w(q - 1) in _MONTHS):
                    return None
                if v in g["lede_verbs"] or v in g["action_verbs"] or v in g["have_forms"] \
                        or (v.endswith("ed") and len(v) > 4 and v not in g["ed_adjectives"]):
                    return (c + 1, q)
            return None
        if w in g["clause_words"]:
            return None
    return None


def _antecedent(s: _Sent, rel: int) -> tuple[int, int] | None:
    """The short noun phrase right before the relative pronoun at ``rel`` ("by [the
    gunmen] who"): back over at most three modifiers to a determiner, preposition or
    verb."""
    g = s.g
    a = rel
    while a > 0 and rel - a < 4:
        w = s.w(a - 1)
        if s.is_punct(a - 1) or w in g["np_stop_prepositions"] or w in _PREPS or \
                w in g["clause_words"] or w in s.lex.verb_forms or w in g["be_forms"] \
                or w in g["have_forms"] or w.endswith("ing"):
            break
        a -= 1
        if w in g["determiners"]:
            break
    return (a, rel) if a < rel and s.w(a) not in g["determiners"] or rel - a > 1 else None


def lede_subject(s: _Sent, i: int) -> tuple[int, int] | None:
    """Subject of the main clause, for a participial clause (", killing five"), also
    before an appositive between commas ("[One settler], an off-duty soldier, opened
    fire, killing")."""
    g = s.g

    def verb(k: int) -> bool:
        w = s.w(k)
        return w in g["lede_verbs"] or (w.endswith("ed") and len(w) > 4) \
            or w in g["have_forms"] or w in g["be_forms"]

    for k in range(0, min(i, 12)):
        w = s.w(k)
        if w == "," and k > 0:
            close = next((q for q in range(k + 2, min(k + 9, i)) if s.w(q) == ","), None)
            return (0, k) if close is not None and verb(close + 1) else None
        if s.is_punct(k) or w in g["clause_words"]:
            return None
        if k > 0 and verb(k):
            return (0, k)
    return None


def possessor(s: _Sent, k: int) -> tuple[int, int] | None:
    """Noun phrase before the possessive "'s" at token ``k``."""
    b = k
    a = k - 1
    while a - 1 >= 0 and s.t[a - 1].text[:1].isupper() and not s.is_punct(a - 1) \
            and s.w(a - 1) not in s.g["determiners"] and k - a < 4:
        a -= 1
    if a < 0 or s.is_punct(a):
        return None
    return (a, b)


def coordinated_active(s: _Sent, h: _Hit, hits: list[_Hit]) -> _Hit | None:
    """The active harm verb among ``hits`` that ``h`` is coordinated with ("killed
    seven people and wounded 19"), if only its object stands between them and
    "and"/"or"."""
    g = s.g
    conj = s.prev_word(h.i)
    if s.w(conj) not in ("and", "or"):
        return None
    prev = next((o for o in reversed(hits) if o.i < h.i and o.kind == "verb"
                 and o.construction == "active_agent"), None)
    if prev is None or conj - prev.j > 10:
        return None
    for k in range(prev.j, conj):
        w = s.w(k)
        if (s.is_punct(k) and w != ",") or w in g["clause_words"] \
                or w in g["be_forms"] or w in g["have_forms"] \
                or w in s.lex.verb_forms:
            return None
    return prev
