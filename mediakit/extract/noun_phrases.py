"""Speaker noun phrases read with word lists instead of a parser.

:func:`_read_np` reads the tokens before a cue (or after an inverted one) as a speaker:
a person's name with its titles, an institution, a group, an unnamed description
("a senior official") or a pronoun, with the description it carries ("Israeli Defense
Minister", an apposition) and a gender where the words give one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    _CONJ,
    _DETERMINERS,
    _IRREGULAR_PAST,
    _LEADERS,
    _NUMBERS,
    _PARTICLES,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE,
    _TIME_STARTS,
    _first_names,
    _is_adverb,
    _lex,
    _lexicon,
    _verbish,
)
from .tokens import _is_cap, _strip_poss, _Tokens


@dataclass
class _NP:
    """A speaker noun phrase read from tokens ``i``..``j`` (exclusive)."""

    i: int
    j: int
    kind: str  # person | institution | group | unnamed | pronoun
    mention: str
    name: str | None = None  # person name without honorific and title
    description: str | None = None
    gender: str | None = None
    plural: bool = False
    extra: dict = field(default_factory=dict)


def _split_chunks(tk: _Tokens, i: int, j: int) -> list[tuple[int, int]]:
    chunks = []
    s = i
    for k in range(i, j):
        if tk.words[k] in {",", "\u2014", "\u2013", "\u2015", "(", ")"} or (
            tk.words[k] == "-" and k > i and tk.starts[k] > tk.ends[k - 1]
        ):
            if k > s:
                chunks.append((s, k))
            s = k + 1
    if j > s:
        chunks.append((s, j))
    return chunks


def _approximate_number(tk: _Tokens, i: int, j: int) -> bool:
    """"About four in 10", "nearly 60 percent": a preposition that only qualifies a number."""
    return (tk.lower[i] in {"about", "around", "over", "under", "nearly", "almost", "some"}
            and i + 1 < j and (tk.words[i + 1][:1].isdigit() or tk.lower[i + 1] in _NUMBERS
                               or tk.lower[i + 1] in {"half", "third", "quarter"}))


def _has_verb(tk: _Tokens, i: int, j: int) -> bool:
    """Whether a chunk holds a verb before any relative pronoun ("as if it had been")."""
    for k in range(i, j):
        if tk.lower[k] in _RELATIVE:
            return False
        if _verbish(tk.lower[k]) or tk.words[k] in {'"', ";", "?", "!"}:
            return True
    return False


def _is_name_chunk(tk: _Tokens, i: int, j: int) -> bool:
    """A chunk made only of capitalised words (and name particles), no possessive."""
    if j - i > 7:
        return False
    any_cap = False
    for k in range(i, j):
        w = tk.words[k]
        lw = tk.lower[k]
        if _is_cap(w):
            if lw.endswith("'s") and k < j - 1:
                return False
            any_cap = True
        elif lw in _PARTICLES or lw in {"of", "the", "for"}:
            continue
        else:
            return False
    return any_cap and tk.lower[i] not in _DETERMINERS and tk.lower[i] not in _LEADERS


def _gender_of_words(words: list[str]) -> str | None:
    f = _lex("female_words")
    m = _lex("male_words")
    for w in words:
        lw = w.lower()
        if lw in f:
            return "f"
        if lw in m:
            return "m"
    return None


def _gender_of_name(tokens: list[str], honorific: str | None) -> str | None:
    if honorific:
        g = _lexicon()["honorifics"].get(honorific.lower())  # type: ignore[union-attr]
        if g:
            return g
    if not tokens:
        return None
    first = tokens[0].lower()
    if first == "abu":
        return "m"
    if first == "umm":
        return "f"
    return _first_names().get(first.split("-")[0])


def _split_title_name(tk: _Tokens, i: int, j: int) -> tuple[int, str | None]:
    """Return the index where the name starts inside a capitalised run, and the honorific.

    ``Israeli Defense Minister Yoav Gallant`` -> index of ``Yoav``; ``Mr. Gallant`` ->
    index of ``Gallant`` with honorific ``Mr.``.
    """
    titles = _lex("titles")
    places = _lex("places")
    hon = _lexicon()["honorifics"]
    k = i
    honorific = None
    while k < j - 1:
        lw = _strip_poss(tk.lower[k])
        if lw in hon:  # type: ignore[operator]
            honorific = tk.words[k]
            k += 1
            continue
        if lw in titles or lw in {"of", "the", "for", "and"} or (
            lw in places and not tk.lower[k].endswith("'s")
        ):
            k += 1
            continue
        break
    return k, honorific


def _classify_capitalised(tk: _Tokens, i: int, j: int) -> _NP:
    """Read a capitalised noun phrase: a person's name (with titles) or an institution."""
    insts = _lex("institutions")
    places = _lex("places")
    groups = _lex("groups")
    titles = _lex("titles")
    words = tk.words[i:j]
    lowers = [_strip_poss(w.lower()) for w in words]
    mention = tk.span(i, j)
    if lowers and lowers[0] == "the":
        lowers_core = lowers[1:]
    else:
        lowers_core = lowers
    if any(w in insts for w in lowers_core) or " ".join(lowers_core) in insts:
        name = " ".join(words[1:] if lowers[0] == "the" else words)
        return _NP(i, j, "institution", mention, name=name)
    if " ".join(lowers_core) in places:
        name = " ".join(words[len(lowers) - len(lowers_core) :])
        return _NP(i, j, "institution", mention, name=name)
    last = lowers[-1]
    if last in groups or (last.endswith("s") and last[:-1] in titles and len(last) > 3):
        return _NP(i, j, "group", mention, plural=True)
    k, honorific = _split_title_name(tk, i, j)
    if all(w in titles or w in {"of", "the", "for", "and"} for w in lowers):
        # Only title words: "Prime Minister", "the President".
        return _NP(i, j, "unnamed", mention, description=mention)
    name_tokens = tk.words[k:j]
    name = " ".join(name_tokens)
    desc = " ".join(tk.words[i:k]) if k > i else None
    if desc and honorific:
        desc = " ".join(w for w in tk.words[i:k] if w != honorific) or None
    gender = _gender_of_name(name_tokens, honorific)
    np_ = _NP(i, j, "person", mention, name=name, description=desc, gender=gender)
    np_.extra["name_start"] = k
    np_.extra["honorific"] = honorific
    return np_


def _trimmed(tk: _Tokens, i: int, j: int) -> tuple[int, int] | None:
    """Tokens ``i``..``j`` without leading conjunctions and punctuation or trailing
    adverbs; None if no subject can end there."""
    while i < j and (tk.lower[i] in _LEADERS or tk.words[i] in {",", '"', "'", "-", "--",
                                                                 "\u2014", "\u2013"}):
        i += 1
    # A capitalised word ending in -ly is a name ("Anna Beverly"), not an adverb.
    while j > i and (tk.words[j - 1] in {",", '"', "'", "\u2014"}
                     or (_is_adverb(tk.lower[j - 1]) and not tk.words[j - 1][:1].isupper())
                     or tk.lower[j - 1] in {"even", "only"} or (
                         j - 1 > i and tk.lower[j - 1] in _SUBJECT_TAIL
                         and _is_cap(tk.words[j - 2]) and tk.lower[j - 2] not in _PRONOUNS)):
        j -= 1
    while i < j and tk.lower[i] == "even":
        i += 1  # "Even an anti-war group said"
    if i >= j or j - i > 60 or tk.lower[j - 1] in {"to", "as", "of", "for", "by", "with"}:
        return None  # "went on to", "was quoted as": no subject ends with these
    return i, j


#: Words that may close a subject of names without being part of the source
#: ("Richards and Menendez both said"); a reflexive ("Cruz himself") stays in it.
_SUBJECT_TAIL = frozenset("both".split())


def _read_np(tk: _Tokens, i: int, j: int) -> _NP | None:
    """Read a speaker noun phrase from tokens ``i``..``j``; None if it is not one."""
    span = _trimmed(tk, i, j)
    if span is None:
        return None
    i, j = span
    chunks = _drop_adverbials(tk, _split_chunks(tk, i, j))
    # "..., which he promised": the subject inside an object relative clause.
    if chunks and tk.lower[chunks[-1][0]] in {"which", "whom", "that"} and len(chunks) > 1:
        a_, b_ = chunks[-1]
        if 0 < b_ - a_ - 1 <= 6:
            return _read_np(tk, a_ + 1, b_)
        return None
    if len(chunks) > 1 and all(w.isupper() for w in tk.words[chunks[0][0] : chunks[0][1]]):
        chunks = chunks[1:]  # a dateline: "LONDON — Donald Trump said"
    chunks = _after_agency_dateline(tk, chunks)
    if len(chunks) > 1 and chunks[-1][1] - chunks[-1][0] == 1 and tk.lower[
            chunks[-1][0]] in _PRONOUNS:
        # "A few minutes later, he said", "An economic downturn, he said": a pronoun takes
        # no description before it; what precedes it is an adverbial or the content.
        chunks = chunks[-1:]
    if not chunks:
        return None
    picked = _pick_head(tk, chunks)
    if picked is None:
        return None
    head, chunks = picked
    hi, hj = head
    # Cut a relative clause off the head: "an Israeli official who spoke ...".
    cut = hj
    for k in range(hi, hj):
        if tk.lower[k] in _RELATIVE and k > hi:
            cut = k
            break
    if cut < hj and tk.lower[cut] in {"whom", "which", "that"} and head == chunks[-1]:
        # "the preacher whom Erdogan accuses": the subject is inside the relative clause.
        if 0 < hj - cut - 1 <= 6:
            return _read_np(tk, cut + 1, hj)
        return None
    core_j = _before_affiliation(tk, hi, _before_time_adverbial(tk, hi, cut))
    if _is_clause(tk, hi, core_j):
        return None

    for k in range(hi, core_j):
        if _verbish(tk.lower[k]) and not (k > hi and tk.words[k][:1].isupper()):
            return None  # a verb, not a name ("Theresa May", "Ms. May" are names)
        if tk.words[k] in {'"', ";", ":", "?", "!"}:
            return None
    if core_j - hi > 14:
        return None
    others = [c for c in chunks if c != head]
    if not _are_appositions(tk, others):
        return None
    desc_parts = [" ".join(tk.words[a:b]) for a, b in others]
    if cut < hj:
        rel = " ".join(tk.words[cut:hj])
    else:
        rel = None
    lw0 = tk.lower[hi]
    full = _source_extent(tk, head, chunks, core_j)
    if core_j - hi == 1 and lw0 in _PRONOUNS:
        g = _PRONOUNS[lw0]
        return _NP(hi, core_j, "pronoun", tk.words[hi], gender=g, plural=(g == "p"),
                   extra={"full": full})
    np_ = _read_head(tk, hi, core_j)
    if np_ is None:
        return None
    if (cut_at := _cut_at_predicate(tk, head, chunks, core_j)) is not None:
        np_, desc_parts, full, rel = (*cut_at, None)
    if rel:
        if np_.kind == "person":
            desc_parts.insert(0, rel)
        elif np_.description:
            np_.description = f"{np_.description} {rel}"
        else:
            np_.description = rel
    if desc_parts:
        extra = ", ".join(desc_parts)
        np_.description = f"{np_.description}; {extra}" if np_.description else extra
    if np_.gender is None:
        np_.gender = _gender_of_words(tk.words[i:j])
    np_.extra["full"] = full
    return np_


#: Words that may follow a subject pronoun inside a speaker ("they both said").
_AFTER_PRONOUN = frozenset("both all each alone too himself herself themselves itself "
                           "myself ourselves".split())
#: Contractions of a pronoun and "is" or "has": "That's a small fraction" is a clause.
_PRONOUN_IS = frozenset("that's it's he's she's there's here's what's this's".split())


def _is_clause(tk: _Tokens, hi: int, hj: int) -> bool:
    """Whether the head ``hi``..``hj`` is a clause, not a noun phrase: a subject pronoun
    with words after it ("he refuses to discuss potential appointees"), or a pronoun
    contracted with "is" ("That's a small fraction of the minimum $20 million experts")."""
    lw = tk.lower
    if hj - hi > 1 and lw[hi] in {"he", "she", "they", "we", "i"} and any(
            w not in _AFTER_PRONOUN for w in lw[hi + 1:hj]):
        return True
    return any(w.replace("\u2019", "'") in _PRONOUN_IS for w in lw[hi:hj])


def _after_agency_dateline(tk: _Tokens, chunks: list[tuple[int, int]]
                           ) -> list[tuple[int, int]]:
    """The chunks after a news agency's dateline: "WASHINGTON (Reuters) - Donald Trump
    said", "(AP) — The mayor said" (a dash right after a closing parenthesis)."""
    for n in range(len(chunks) - 1, 0, -1):
        b = chunks[n][0]
        if b >= 2 and tk.words[b - 1] in _DASHES and tk.words[b - 2] == ")":
            return chunks[n:]
    return chunks


_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2015"})


def _drop_adverbials(tk: _Tokens, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The chunks of a would-be subject without its adverbial chunks and leading
    adverbial clauses."""
    # A place's second part after a prepositional chunk ending in a place name ("in Cedar
    # Rapids, Iowa, Rubio said"; "in Carthage, Ill., she said") goes with it.
    chunks = [c for n, c in enumerate(chunks)
              if not (0 < n < len(chunks) - 1 and c[1] - c[0] <= 3
                      and _is_name_chunk(tk, *c)
                      and tk.lower[chunks[n - 1][0]] in _PREPOSITIONS
                      and _is_cap(tk.words[chunks[n - 1][1] - 1]))]
    # Adverbial chunks ("On Monday,", "in response to ...,", "however,") are dropped; a
    # chunk naming members of the one before ("Several candidates, including Trump,",
    # "Fields, along with Ben Terris,") or dated by "then"/"now" describes it and stays.
    chunks = [
        c for n, c in enumerate(chunks)
        if (n > 0 and (_members(tk, *c) or _then_description(tk, *c))) or not (
            (tk.lower[c[0]] in _PREPOSITIONS and not _approximate_number(tk, c[0], c[1]))
            or tk.lower[c[0]] in _LEADERS
            or (c[1] - c[0] == 1 and _is_adverb(tk.lower[c[0]])
                and not _name_not_adverb(tk, c[0], n == len(chunks) - 1))
            or (c[1] - c[0] <= 3 and tk.lower[c[1] - 1] in {"later", "earlier", "after",
                                                              "ago", "before"}))
    ]
    # Leading time phrases ("Two hours after his tweet,", "The day after the primary,") and
    # participial clauses ("Led by the speaker,").
    while len(chunks) > 1 and (_time_phrase(tk, *chunks[0]) or _participial(tk, *chunks[0])):
        chunks.pop(0)
    # Leading adverbial clauses: "Marking the end of ...,", "Shortly after ...,", "Back in
    # 1999,", "Late last month,".
    while len(chunks) > 1 and not _is_name_chunk(tk, *chunks[0]) and (
        tk.lower[chunks[0][0]] in _TIME_STARTS
        or (tk.lower[chunks[0][0]].endswith("ing") and len(tk.lower[chunks[0][0]]) > 4)
        or _is_adverb(tk.lower[chunks[0][0]])
    ):
        chunks.pop(0)
    return chunks


#: Units of time that make a phrase a time adverbial with "after", "before", "ago" ...
_TIME_UNITS = frozenset("minute minutes hour hours day days week weeks month months year "
                        "years decade decades moments".split())
_TIME_LINKS = frozenset("after before ahead ago later earlier since following".split())


def _name_not_adverb(tk: _Tokens, k: int, last: bool) -> bool:
    """Whether a capitalised word in -ly is a name, not an adverb: the subject's last chunk
    ("Kelly said"), or a known first name ("Kelly, a senator, said"); "Finally, the mayor
    said" is an adverb."""
    w = tk.words[k]
    return w[:1].isupper() and (last or tk.lower[k] in _first_names())


def _members(tk: _Tokens, a: int, b: int) -> bool:
    """Whether a chunk names members or companions of the noun phrase before it:
    "including ...", "along with ...", "like ..." followed by a name or a determiner."""
    lw = tk.lower
    k = a + 2 if lw[a] == "along" and a + 1 < b and lw[a + 1] == "with" else a + 1
    if lw[a] == "along":
        return k == a + 2 and k < b
    return (lw[a] in {"including", "like"} and k < b
            and (_is_cap(tk.words[k]) or lw[k] in _DETERMINERS))


def _time_phrase(tk: _Tokens, a: int, b: int) -> bool:
    """Whether a chunk is a time adverbial: a unit of time with "after", "before", "ago"
    ... ("Two hours after his initial tweet", "The day after the primary", "A few weeks
    ahead of the vote", "Days later")."""
    lw = tk.lower[a:b]
    first = tk.lower[a]  # a capitalised first word is a name, unless a number or article
    return (any(w in _TIME_UNITS for w in lw[:5]) and any(w in _TIME_LINKS for w in lw[:6])
            and (first in _NUMBER_WORDS or first in _DETERMINERS or not _is_cap(tk.words[a])))


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten a few several "
                          "many some".split())


def _participial(tk: _Tokens, a: int, b: int) -> bool:
    """Whether a chunk is a participial clause: a past participle and "by" ("Led by the
    council speaker", "Backed by unions")."""
    w = tk.lower[a]
    return b - a > 2 and tk.lower[a + 1] == "by" and (
        w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4))


_TIME_NOUNS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december week weekend month year morning "
    "afternoon evening night today yesterday tonight".split()
)


def _source_extent(tk: _Tokens, head: tuple[int, int], chunks: list[tuple[int, int]],
                   core_j: int) -> tuple[int, int]:
    """The source as PolNeAR marks it: the head with the chunks after it (appositions,
    affiliations) and one description right before it ("his campaign manager, Jeff
    Weaver"), without a trailing time adverbial ("the director in May")."""
    n = chunks.index(head) if head in chunks else 0
    if n > 0:
        a, b = chunks[n - 1]
        lw0 = tk.lower[a]
        if (b == head[0] - 1 and not _has_verb(tk, a, b)
                and (lw0 in _DETERMINERS or lw0.endswith("'s") or lw0 in _lex("titles"))):
            n -= 1
    start, end = chunks[n][0], chunks[-1][1]
    if head == chunks[-1] and core_j < head[1] and _before_time_adverbial(
            tk, head[0], head[1]) == core_j:
        end = core_j
    return start, end


def _before_time_adverbial(tk: _Tokens, i: int, j: int) -> int:
    """Where a noun phrase stops before a trailing time adverbial: "Paul Ryan on
    Thursday", "the director in May", "officials last week"."""
    for k in range(i + 1, j):
        w, nxt = tk.lower[k], tk.lower[k + 1] if k + 1 < j else ""
        if (w in {"on", "in", "at", "during", "early", "late", "earlier", "later", "last",
                  "this"} and nxt in _TIME_NOUNS) or (w == "in" and nxt == "may"):
            return k
    return j


def _cut_at_predicate(tk: _Tokens, head: tuple[int, int], chunks: list[tuple[int, int]],
                      core_j: int) -> tuple[_NP, list[str], tuple[int, int]] | None:
    """"Clinton attacked Trump and said": the subject stops at its own predicate. Returns
    the noun phrase before it, the descriptions before the head and the source extent;
    None when the subject has no predicate of its own."""
    hi = head[0]
    pred = _before_predicate(tk, hi, core_j)
    if pred >= core_j or (np_ := _read_head(tk, hi, pred)) is None:
        return None
    n = chunks.index(head)
    kept = [*chunks[:n], (hi, pred)]
    desc_parts = [" ".join(tk.words[a:b]) for a, b in chunks[:n]]
    return np_, desc_parts, _source_extent(tk, kept[-1], kept, pred)


def _before_predicate(tk: _Tokens, i: int, j: int) -> int:
    """Where a subject stops before a verb of its own: a lower-case past form, perhaps
    after adverbs, right after a capitalised word or a pronoun ("Clinton attacked Trump",
    "Sanders hit back", "Ali famously converted"), or after a common noun when an object
    or, after an irregular past form, an infinitive follows it ("The senator sought to
    calm", "the appearance lent its weight"; "a report released on Monday", "the section
    devoted to" are participle modifiers)."""
    for k in range(i + 1, j):
        w = tk.words[k]
        if not (w[:1].islower() and (tk.lower[k] in _IRREGULAR_PAST
                                     or (len(w) > 4 and w.endswith("ed")))):
            continue
        b = k
        while b - 1 > i and tk.words[b - 1][:1].islower() and (
                _is_adverb(tk.lower[b - 1]) and tk.lower[b - 1] not in {"has", "have", "had"}):
            b -= 1
        prev = tk.words[b - 1]
        lp = prev.lower()
        if lp.endswith(("'s", "\u2019s")):
            continue  # "the UN's integrated office"
        if _is_cap(prev) or lp in _PRONOUNS:
            return b
        nxt = tk.lower[k + 1] if k + 1 < j else ""
        if (prev[:1].islower() and lp not in _DETERMINERS and not _ADJECTIVE_END.search(lp)
                and (nxt in _OBJECT_START or (nxt == "to" and tk.lower[k] in _IRREGULAR_PAST))
                and b - 1 > i):  # "devoted to racial issues" is a modifier
            return b
    return j


#: Words that open the object of a finite verb ("sought to", "lent his", "hit the").
_OBJECT_START = frozenset("the a an his her their its our my him them this these".split())


def _before_affiliation(tk: _Tokens, i: int, j: int) -> int:
    """Where a name stops before its affiliation: "Ana Ruiz with the health authority",
    "Dan Hale at Northgate Capital" (the source span keeps the affiliation)."""
    for k in range(i + 2, j - 1):
        if tk.lower[k] in {"with", "at", "from"} and all(
                _is_cap(w) for w in tk.words[i:k]):
            return k
    return j


def _pick_head(
    tk: _Tokens, chunks: list[tuple[int, int]]
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """The head chunk of a subject and the chunks kept around it; None if the head would
    be a relative clause."""
    # The mention is the first name-like chunk; chunks before it that read as clauses
    # are a leading subordinate clause, dropped; the others describe it.
    head = None
    for n, c in enumerate(chunks):
        if _is_name_chunk(tk, *c):
            head = c
            chunks = [x for x in chunks[:n] if not _has_verb(tk, *x)] + chunks[n:]
            break
    if head is None:
        head = chunks[0]
        last = chunks[-1]
        if (_has_verb(tk, *head) and len(chunks) > 1 and last[1] - last[0] == 1
                and tk.lower[last[0]] in _PRONOUNS):
            # "Kasich offered the man a job, he says": the clause before is the content.
            head = last
            chunks = [head]
        # A relative clause or a participle starting the chunk cannot be the head.
        if tk.lower[head[0]] in _RELATIVE:
            return None
    return head, chunks


def _are_appositions(tk: _Tokens, others: list[tuple[int, int]]) -> bool:
    """Whether the chunks besides the head describe it, rather than being clauses."""
    for a, b in others:
        w0, lw0_ = tk.words[a], tk.lower[a]
        if (w0[:1].islower() and lw0_.endswith("s") and not lw0_.endswith("ss")
                and lw0_ not in _lex("groups") and lw0_ not in _DETERMINERS
                and lw0_ not in {"his", "its", "this", "whose"}):
            return False  # "..., remains committed to ...": a clause, not an apposition
        for k in range(a, b):
            if tk.lower[k] in _RELATIVE:
                break
            if _verbish(tk.lower[k]) or tk.words[k] in {'"', ";", "?", "!"}:
                return False  # a clause, not an apposition ("as if it had been")
    return True


def _read_head(tk: _Tokens, hi: int, hj: int) -> _NP | None:
    """Read the head of a subject: a capitalised name, a name after a lower-case title, or
    a common noun phrase."""
    if _is_cap(tk.words[hi]) and tk.lower[hi] not in _DETERMINERS and _is_name_chunk(tk, hi, hj):
        return _classify_capitalised(tk, hi, hj)
    titled = _titled_name(tk, hi, hj)
    if titled is not None:
        return titled
    return _read_common_np(tk, hi, hj)


def _titled_name(tk: _Tokens, i: int, j: int) -> _NP | None:
    """A name after a lower-case title: "Trump campaign manager Corey Lewandowski",
    "Qatar's foreign ministry spokesman Majed al-Ansari"."""
    r = j
    while r > i and (_is_cap(tk.words[r - 1]) or tk.lower[r - 1] in _PARTICLES):
        r -= 1
    if r == j or r == i or j - r > 5:
        return None
    before = tk.lower[r - 1]
    if not tk.words[r - 1][:1].islower() or before in _PREPOSITIONS or before.endswith("ed"):
        return None
    if any(_verbish(tk.lower[k]) or tk.words[k] in {'"', ";", ":"} for k in range(i, r)):
        return None
    if _has_past_verb(tk.lower[i:r]):
        return None
    np_ = _classify_capitalised(tk, r, j)
    if np_.kind != "person":
        return None
    np_.i = i
    prefix = " ".join(tk.words[i:r])
    np_.description = f"{prefix} {np_.description}" if np_.description else prefix
    np_.mention = tk.span(i, j)
    np_.extra.setdefault("name_start", r)
    return np_


def _read_common_np(tk: _Tokens, i: int, j: int) -> _NP | None:
    """Read a noun phrase that does not start with a name: "two U.S. officials",
    "the ministry", "Gallant's office", "a spokesperson for the National Security Council"."""
    insts = _lex("institutions")
    groups = _lex("groups")
    words = tk.words[i:j]
    lowers = tk.lower[i:j]
    if all(w in {"the", "a", "an", "this", "that"} for w in lowers):
        return None  # a determiner alone is no noun phrase
    mention = tk.span(i, j)
    # The head noun is the last word before a prepositional tail ("for", "of", "with").
    head_k = j - 1
    for k in range(i + 1, j):
        if tk.lower[k] in {"for", "of", "with", "from", "in", "at", "on", "familiar", "close",
                           "involved", "briefed", "speaking", "who", "to", "near", "inside"}:
            head_k = k - 1
            break
    head = _strip_poss(tk.lower[head_k])
    if head in {"%", "percent", "per"} or (head in _SHARES and head_k + 1 < j
                                            and tk.lower[head_k + 1] == "of"):
        head = "percent"  # "45% of Republicans", "half of GOP voters": a share of people
    if not head or not head[0].isalnum():
        return None
    if head in {"said", "says", "told"}:
        return None
    # A possessive institution: "Gallant's office", "Qatar's foreign ministry".
    if head in insts:
        return _NP(i, j, "institution", mention, description=None)
    plural = head in groups or (head.endswith("s") and not head.endswith("ss")) or (
        head == "percent" or head[0].isdigit() or head in _NUMBERS
    )
    kind = "group" if plural else "unnamed"
    # A lower-case head that is a verb form is not a noun phrase ("he then went").
    if lowers[0] not in _DETERMINERS and not _is_cap(words[0]) and not plural and j - i > 3:
        return None
    # An adjective is no head ("Trump's often controversial comments").
    if (head not in _lex("titles") and head not in groups and head not in insts
            and _ADJECTIVE_END.search(head)):
        return None
    # "Clinton held a roundtable ... and": a clause, not a noun phrase.
    if _has_past_verb(lowers):
        return None
    return _NP(i, j, kind, mention, plural=plural, description=mention)


def _has_past_verb(lowers: list[str]) -> bool:
    """Whether a would-be subject holds a past-tense verb before any relative pronoun."""
    for n, w in enumerate(lowers[1:], 1):
        if w in _RELATIVE or w in {"by", "of", "for", "with"}:
            return False  # "officials who met", "a delegation led by"
        verb = w in _IRREGULAR_PAST or (
            w.endswith("ed") and len(w) > 4 and w not in _lex("titles")
            and lowers[n - 1] not in _DETERMINERS
        )
        # A finite verb takes an object here ("flipped his choice"); a participle modifier
        # does not ("a document filed Thursday", "a woman later identified as").
        following = lowers[n + 1] if n + 1 < len(lowers) else None
        if verb and (following in _DETERMINERS or following in ("him", "them")):
            return True
    return False


# Words naming a share of a group ("half of GOP voters", "a majority of Democrats").
_SHARES = frozenset("half third quarter majority minority plurality most many some all none "
                    "number share".split())


_ADJECTIVE_END = re.compile(r"(?:al|ive|ous|ful|ic|able|ible|less|est)$")


def _apposition(tk: _Tokens, comma: int, limit: int, cue_at: dict) -> tuple[str, int] | None:
    """Read ", <description>," after a name; return the description and its end token."""
    a = comma + 1
    if a >= limit:
        return None
    w0 = tk.words[a]
    lw0 = tk.lower[a]
    if _verbish(lw0) or lw0 in {"are", "is", "was", "were", "will", "would"} or (
            lw0 in _CONJ and lw0 not in {"as"}):
        # "according to Ms. Epstein, are 16 ...", "according to the poll, although ...":
        # a clause, not an apposition
        return None
    if not (lw0 in _DETERMINERS or w0[:1].isdigit() or lw0 in {"who", "whose"}
            or (w0[:1].islower() and lw0 not in _LEADERS and lw0 not in {"said", "says"})
            or _then_description(tk, a, limit)
            or lw0.endswith("'s")
            or lw0 in _lex("titles")):
        return None
    e = a
    chunks = 0
    while e < limit:
        w = tk.words[e]
        if w in {".", ";", '"', "!", "?", ":"} and not _state_stop(tk, e, limit):
            break
        if w == ",":
            chunks += 1
            seg = tk.words[a:e]
            # An age alone ("36,") goes on to the occupation that follows; a second
            # description ("founder of Evercore, a boutique bank") or a state after a town
            # (", Fla.") belongs to the same apposition.
            if not (len(seg) == 1 and seg[0].isdigit()) and not (
                e + 1 < limit and tk.lower[e + 1] in {"who", "whose", "which"}
            ) and not _apposition_goes_on(tk, e, limit):
                break
        if e in cue_at and lw0 not in {"who", "whose"} and not _noun_use(tk, e, a):
            # "a lawyer for the club, who has accused ...": a description stops before the
            # relative clause holding a cue of its own (None if there is none).
            cut = next((x for x in range(e - 1, a, -1)
                        if tk.lower[x] in {"who", "whose", "which", "that"}), None)
            if cut is None or lw0 not in {"a", "an", "the"}:
                return None
            while cut > a + 1 and tk.words[cut - 1] == ",":
                cut -= 1
            return " ".join(tk.words[a:cut]).replace(" ,", ","), cut
        e += 1
        if e - a > 40:
            return None
    if e == a:
        return None
    return " ".join(tk.words[a:e]).replace(" ,", ","), e


def _state_stop(tk: _Tokens, k: int, limit: int) -> bool:
    """Whether the full stop at ``k`` closes a US state's abbreviation inside a phrase
    ("Tampa, Fla., who", "(D-Conn.)"): ``attribution_lexicon.txt`` [state_abbreviations],
    with a comma or a closing parenthesis after it."""
    if tk.words[k] != "." or k == 0 or k + 1 >= limit or tk.words[k + 1] not in {",", ")"}:
        return False
    stem = tk.lower[k - 1].rpartition("-")[2]
    return stem in _lex("state_abbreviations")


def _then_description(tk: _Tokens, a: int, limit: int) -> bool:
    """A description dated by "then" or "now" ("Rev. Kyev Tatum, then senior pastor at",
    "Mr. Lewandowski, now a paid CNN commentator", "Mr. Sperling, then 38")."""
    if tk.lower[a] not in {"then", "now"} or a + 1 >= limit:
        return False
    w = tk.words[a + 1]
    return (tk.lower[a + 1] in _DETERMINERS or w[:1].isdigit() or tk.lower[a + 1] in _lex("titles")
            or (w[:1].islower() and not _verbish(tk.lower[a + 1])
                and tk.lower[a + 1] not in {"said", "says", "is", "was", "are", "were"}))


def _noun_use(tk: _Tokens, k: int, a: int) -> bool:
    """Whether the cue word at ``k``, inside a description starting at ``a``, is a noun:
    after a determiner, a possessive or an adjective ("a liberal think tank", "land-use
    and environmental issues", "the group's report")."""
    if k <= a:
        return False
    prev = tk.lower[k - 1]
    return (prev in _DETERMINERS or prev.endswith(("'s", "\u2019s"))
            or bool(_ADJECTIVE_END.search(prev)))


def _apposition_goes_on(tk: _Tokens, comma: int, limit: int) -> bool:
    """Whether an apposition goes on past the comma at ``comma``: a description opened by
    "a"/"an"/"the" ("Roger Altman, founder of Evercore, a boutique bank"), or one to three
    capitalised words closing the sentence or the apposition (", Fla.", ", United
    Technologies")."""
    a = comma + 1
    if a >= limit:
        return False
    if tk.lower[a] in {"a", "an", "the"}:
        return True
    e = a
    while e < limit and e - a < 4 and _is_cap(tk.words[e]):
        e += 1
    return a < e <= a + 3 and (e >= limit or tk.words[e] in {".", ",", '"', ";"})
