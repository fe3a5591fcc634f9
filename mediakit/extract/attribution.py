"""Who is quoted or cited: a rule-based attribution extractor for news prose.

:func:`extract_attributions` finds direct quotes, partial quotes and reported
(indirect) speech in a segmented :class:`~mediakit.text.Document`, with character
offsets, the cue ("said", "according to") and the speaker resolved to a canonical
string (a full name, an institution or an unnamed description). It reads noun phrases
with word lists instead of a parser, so it runs offline and in linear time; the
patterns are documented one by one in ``docs/metrics.md`` (attribution extraction).

:func:`extract_attributions` is the one function boundary a statistical backend
would replace: it takes a Document and returns plain :class:`Attribution` records.

References
----------
Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. LREC.
Asr, F. T., et al. (2021). The Gender Gap Tracker. PLOS ONE 16(1): e0245533.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from ..datafiles import data_lines, read_data_file
from ..errors import ParameterError
from ..text import Document
from ..text.segmentation import _abbreviations

__all__ = [
    "RULES",
    "Attribution",
    "extract_attributions",
    "find_person_descriptions",
    "load_reporting_verbs",
]


@dataclass(frozen=True)
class Attribution:
    """One attributed statement: who said what, where in the text.

    ``start``/``end`` delimit the content (without enclosing quotation marks) in
    ``doc.text``; ``speaker_start``/``speaker_end`` the speaker as written at the cue;
    ``cue_start``/``cue_end`` the cue words. ``role`` and ``side`` are filled later by
    the codebook (:mod:`mediakit.metrics.sources`). ``rule`` names the pattern that produced the
    attribution, a key of :data:`RULES` (None for a record made by another extractor).
    """

    speaker: str | None
    speaker_mention: str | None
    speaker_description: str | None
    named: bool
    kind: str
    cue: str | None
    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    speaker_start: int | None
    speaker_end: int | None
    role: str | None = None
    side: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None

    def to_dict(self) -> dict:
        # Every field is a plain value: a shallow copy is enough (asdict deep-copies).
        return {f: getattr(self, f) for f in _ATTRIBUTION_FIELDS}


_ATTRIBUTION_FIELDS = tuple(f.name for f in fields(Attribution))

#: The patterns that produce an attribution: rule id (``Attribution.rule``) ->
#: what it matches. ``quote.*``: a quotation with a tag of its own (pass 1);
#: ``indirect.*``: reported speech around a cue (pass 2; a report holding quoted
#: fragments gives one partial attribution per fragment, each with the report's rule);
#: ``inherit.*`` and ``unattributed.*``: a quotation without a tag of its own (pass 3).
#: Documented with an example each in docs/metrics.md (attribution rule ids).
RULES: dict[str, str] = {
    "quote.after_speaker_said": 'tag after the quotation: "...," X said',
    "quote.after_said_speaker": 'inverted tag after the quotation: "...," said X',
    "quote.after_according_to": 'after the quotation: "...," according to X',
    "quote.before_speaker_said": 'tag before the quotation: X said: "..."',
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
    "indirect.saying": "participle after a comma: X ..., saying ... (the clause's subject)",
    "indirect.and_said": "coordinated cue: X laughed and said ... (the clause's subject)",
    "indirect.quoted_as": "X was quoted as saying ...",
    "indirect.went_on_to": "X went on to say ...",
    "indirect.by_saying": "X ... by saying ... (the clause's subject)",
    "indirect.conj_shared_subject":
        "a cue right after a conjunction with no subject of its own, in a sentence with "
        "an attribution: ..., while adding that ... (the earlier speaker)",
    "inherit.same_paragraph": 'an interrupted quotation: "A," X said. "B ..." (X)',
    "inherit.next_paragraph": "a paragraph opening with a full-sentence quotation right "
                              "after a paragraph with an attribution (its speaker)",
    "unattributed.quote": "a full-sentence quotation with no tag and no speaker to inherit "
                          "(speaker None)",
}


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=8)
def load_reporting_verbs(path: str | None = None) -> dict[tuple[str, ...], tuple[str, bool]]:
    """Load the reporting-verb list.

    Parameters
    ----------
    path : str or None
        A file in the format of ``mediakit/data/reporting_verbs.txt`` (one lemma and its
        forms per line, ``#`` comments, ``!`` marking cues that need explicit content,
        ``_`` joining the words of a multi-word cue). None loads the packaged list.

    Returns
    -------
    dict
        Maps each form, as a tuple of lower-case words, to ``(lemma, strict)``.
    """
    raw, where = read_data_file("reporting_verbs.txt", path, error=ParameterError)
    forms: dict[tuple[str, ...], tuple[str, bool]] = {}
    for lineno, line in data_lines(raw):
        strict = line.startswith("!")
        words = line.lstrip("!").split()
        if not words:
            raise ParameterError(where, "a '!' with no verb after it", lineno)
        lemma = words[0].replace("_", " ")
        for w in words:
            forms[tuple(w.lower().split("_"))] = (lemma, strict)
    if not forms:
        raise ParameterError(where, "no reporting verbs in the file")
    return forms


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str] | dict[str, str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for _, line in data_lines(read_data_file("attribution_lexicon.txt")[0]):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
            continue
        sections.setdefault(current or "", []).append(line)
    out: dict[str, frozenset[str] | dict[str, str]] = {}
    for name, lines in sections.items():
        if name == "honorifics":
            out[name] = {ln.split()[0].lower(): ln.split()[1] for ln in lines}
        else:
            out[name] = frozenset(
                w.lower().replace("_", " ") for ln in lines for w in ln.split()
            )
    return out


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    names: dict[str, str] = {}
    gender = None
    for _, line in data_lines(read_data_file("attribution_first_names.txt")[0]):
        if line == "[female]":
            gender = "f"
        elif line == "[male]":
            gender = "m"
        elif gender:
            for w in line.split():
                # A name listed under both keeps no gender.
                key = w.lower()
                names[key] = gender if names.get(key, gender) == gender else "?"
    return {k: v for k, v in names.items() if v != "?"}



# ------------------------------------------------------------------ word classes

_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your some any each every "
    "another other both several many few most all no one two three four five six seven "
    "eight nine ten dozens dozen hundreds thousands".split()
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                   "hers": "f", "herself": "f"}
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "1", "we": "1"}
_PARTICLES = frozenset(
    "al el ad as an ar at az bin ibn bint abu umm abd abdel abdul de del della der den di "
    "da du dos van von la le ter y".split()
)
# Words that start a clause or an adverbial, never a speaker noun phrase.
_LEADERS = frozenset(
    "but and yet so still however meanwhile instead separately now also later earlier "
    "then thus therefore moreover indeed nonetheless nevertheless".split()
)
_PREPOSITIONS = frozenset(
    "on in at during after before since while when as if although though despite for from "
    "under with without by through following speaking asked last yesterday today tonight "
    "this earlier later within throughout amid upon over about against into onto until "
    "once because whereas including excluding like unlike across near outside inside among "
    "beyond around along toward towards via per elsewhere amid amidst monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
_AUX = frozenset(
    "has have had also previously repeatedly again later earlier then publicly separately "
    "privately once already recently reportedly often frequently never not just initially "
    "first further still long similarly quickly immediately openly explicitly directly "
    "flatly angrily bluntly simply specifically subsequently consistently personally "
    "and would will could may might can did does do".split()
)
_PASSIVE = frozenset("is was are were be been being 's".split())
_VERBISH = frozenset(
    "is are was were be been being will would can could should shall must may might has have "
    "had do does did".split()
)
_RELATIVE = frozenset("who whom whose which that".split())
_TIME_WORDS = frozenset(
    "on in at last this yesterday today tonight monday tuesday wednesday thursday friday "
    "saturday sunday morning afternoon evening night week month year weekend earlier later "
    "during a an the statement interview briefing conference news told reporters".split()
)


_NOT_ADVERBS = frozenset(
    "family ally assembly rally supply monopoly anomaly lily belly bully jelly daily weekly "
    "monthly quarterly italy july reply".split()
)


_TIME_STARTS = frozenset(
    "back late early shortly soon just minutes hours days weeks months years moments "
    "seconds".split()
)


def _is_adverb(w: str) -> bool:
    return (len(w) > 4 and w.endswith("ly") and w not in _NOT_ADVERBS) or (w in _AUX and w != "and")


def _lex(name: str) -> frozenset[str]:
    return _lexicon()[name]  # type: ignore[return-value]


# --------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:[-'.&][^\W_]+)*\.?|\S")


class _Tokens:
    """Word and punctuation tokens of the normalised text, as parallel lists."""

    __slots__ = ("starts", "ends", "words", "lower", "n", "text")

    def __init__(self, t: str):
        self.text = t
        abbr = _abbreviations()
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for m in _TOKEN.finditer(t):
            w = m.group()
            s, e = m.start(), m.end()
            if len(w) > 1 and w.endswith(".") and "." not in w[:-1]:
                stem = w[:-1]
                keep = stem.lower() in abbr or (len(stem) == 1 and stem.isupper())
                if not keep:
                    starts += [s, e - 1]
                    ends += [e - 1, e]
                    words += [stem, "."]
                    continue
            starts.append(s)
            ends.append(e)
            words.append(w)
        self.starts, self.ends, self.words = starts, ends, words
        self.lower = [w.lower() for w in words]
        self.n = len(words)

    def span(self, i: int, j: int) -> str:
        """The text of tokens i..j (exclusive) as written, with its own spacing."""
        return self.text[self.starts[i] : self.ends[j - 1]] if j > i else ""

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


def _is_cap(w: str) -> bool:
    if not w or not w[0].isalpha():
        return False
    if w[0].isupper():
        return True
    # "al-Ansari", "el-Sisi", "bin Salman" (particle inside a name).
    head = w.split("-", 1)[0].lower()
    return "-" in w and head in _PARTICLES and w.split("-", 1)[1][:1].isupper()


def _strip_poss(w: str) -> str:
    if w.endswith("'s") or w.endswith("'S"):
        return w[:-2]
    if w.endswith("'") and len(w) > 1:
        return w[:-1]
    return w


# ----------------------------------------------------------------- noun phrases


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
        if tk.words[k] in {",", "\u2014", "\u2013", "(", ")"} or (
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


def _verbish(w: str) -> bool:
    return w in _VERBISH or w.endswith("n't")


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


def _read_np(tk: _Tokens, i: int, j: int) -> _NP | None:
    """Read a speaker noun phrase from tokens ``i``..``j``; None if it is not one."""
    while i < j and (tk.lower[i] in _LEADERS or tk.words[i] in {",", '"', "'", "-", "--",
                                                                 "\u2014", "\u2013"}):
        i += 1
    while j > i and (tk.words[j - 1] in {",", '"', "'", "\u2014"} or _is_adverb(tk.lower[j - 1])):
        j -= 1
    if i >= j or j - i > 60 or tk.lower[j - 1] in {"to", "as", "of", "for", "by", "with"}:
        return None  # "went on to", "was quoted as": no subject ends with these
    chunks = _split_chunks(tk, i, j)
    # Adverbial chunks ("On Monday,", "in response to ...,", "however,") are dropped.
    chunks = [
        c for c in chunks
        if not ((tk.lower[c[0]] in _PREPOSITIONS and not _approximate_number(tk, c[0], c[1]))
                or tk.lower[c[0]] in _LEADERS
                or (c[1] - c[0] == 1 and _is_adverb(tk.lower[c[0]]))
                or (c[1] - c[0] <= 3 and tk.lower[c[1] - 1] in {"later", "earlier", "after",
                                                                  "ago", "before"}))
    ]
    # Leading adverbial clauses: "Marking the end of ...,", "Shortly after ...,", "Back in
    # 1999,", "Late last month,".
    while len(chunks) > 1 and not _is_name_chunk(tk, *chunks[0]) and (
        tk.lower[chunks[0][0]] in _TIME_STARTS
        or (tk.lower[chunks[0][0]].endswith("ing") and len(tk.lower[chunks[0][0]]) > 4)
        or _is_adverb(tk.lower[chunks[0][0]])
    ):
        chunks.pop(0)
    # "..., which he promised": the subject inside an object relative clause.
    if chunks and tk.lower[chunks[-1][0]] in {"which", "whom", "that"} and len(chunks) > 1:
        a_, b_ = chunks[-1]
        if 0 < b_ - a_ - 1 <= 6:
            return _read_np(tk, a_ + 1, b_)
        return None
    if len(chunks) > 1 and all(w.isupper() for w in tk.words[chunks[0][0] : chunks[0][1]]):
        chunks = chunks[1:]  # a dateline: "LONDON — Donald Trump said"
    if not chunks:
        return None
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
    core_j = cut
    for k in range(hi, core_j):
        if _verbish(tk.lower[k]):
            return None
        if tk.words[k] in {'"', ";", ":", "?", "!"}:
            return None
    if core_j - hi > 14:
        return None
    others = [c for c in chunks if c != head]
    for a, b in others:
        w0, lw0_ = tk.words[a], tk.lower[a]
        if (w0[:1].islower() and lw0_.endswith("s") and not lw0_.endswith("ss")
                and lw0_ not in _lex("groups") and lw0_ not in _DETERMINERS
                and lw0_ not in {"his", "its", "this", "whose"}):
            return None  # "..., remains committed to ...": a clause, not an apposition
        for k in range(a, b):
            if tk.lower[k] in _RELATIVE:
                break
            if _verbish(tk.lower[k]) or tk.words[k] in {'"', ";", "?", "!"}:
                return None  # a clause, not an apposition ("as if it had been")
    desc_parts = [" ".join(tk.words[a:b]) for a, b in others]
    if cut < hj:
        rel = " ".join(tk.words[cut:hj])
    else:
        rel = None
    lw0 = tk.lower[hi]
    if core_j - hi == 1 and lw0 in _PRONOUNS:
        g = _PRONOUNS[lw0]
        return _NP(hi, core_j, "pronoun", tk.words[hi], gender=g, plural=(g == "p"))
    if _is_cap(tk.words[hi]) and lw0 not in _DETERMINERS and _is_name_chunk(tk, hi, core_j):
        np_ = _classify_capitalised(tk, hi, core_j)
    elif (titled := _titled_name(tk, hi, core_j)) is not None:
        np_ = titled
    else:
        np_ = _read_common_np(tk, hi, core_j)
        if np_ is None:
            return None
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
    return np_


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
    mention = tk.span(i, j)
    # The head noun is the last word before a prepositional tail ("for", "of", "with").
    head_k = j - 1
    for k in range(i + 1, j):
        if tk.lower[k] in {"for", "of", "with", "from", "in", "at", "on", "familiar", "close",
                           "involved", "briefed", "speaking", "who", "to", "near", "inside"}:
            head_k = k - 1
            break
    head = _strip_poss(tk.lower[head_k])
    if head in {"%", "percent", "per"}:
        head = "percent"  # "45% of Republicans", "About four in 10": a share of people
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


_IRREGULAR_PAST = frozenset(
    "held took went made gave met sat came got won lost ran spoke led left kept brought "
    "thought sent stood put began became found hit beat drew wore sought taught".split()
)


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


_ADJECTIVE_END = re.compile(r"(?:al|ive|ous|ful|ic|able|ible|less|est)$")


# ----------------------------------------------------------------- quotations


@dataclass
class _Quote:
    open: int  # offset of the opening mark (or the paragraph start for a missing one)
    close: int | None  # offset of the closing mark
    cs: int
    ce: int
    paragraph: int
    starts_paragraph: bool
    continues: bool = False  # the paragraph re-opens a quote left open by the last one
    open_end: bool = False  # runs to the end of the paragraph without a closing mark
    close_para: int = -1  # paragraph of the closing mark (a quote may run over several)
    full_stop: bool = False  # the quotation ended with a full stop (dropped from cs..ce)


def _direction(orig: str, t: str, i: int, p_start: int, p_end: int) -> str:
    prev = t[i - 1] if i > p_start else " "
    nxt = t[i + 1] if i + 1 < p_end else " "
    prev_space = prev.isspace() or prev in "([{\u2014\u2013-/"
    next_space = nxt.isspace() or nxt in ".,;:!?)]\u2014\u2013"
    if prev_space and not next_space:
        return "open"
    if next_space and not prev_space:
        return "close"
    c = orig[i]
    if c in "\u201c\u201e\u00ab\u201f":
        return "open"
    if c in "\u201d\u00bb":
        return "close"
    return "open" if prev_space else "close"


_OPEN_BEFORE = " \t\n([{\u2014\u2013-/"
_CLOSE_AFTER = " \t\n.,;:!?)]}\u2014\u2013-"


def _single_quotes_as_double(t: str, doc: Document) -> str:
    """British style quotes with single marks (‘...’): in a paragraph with no double
    quotation mark, pair single marks that open at a word start and close at a word end,
    and rewrite them as double marks (same length, so offsets hold). Apostrophes inside
    words ("Israel's") and a lone trailing one ("officials' ") are left alone."""
    if "'" not in t:
        return t
    chars = None
    for p in doc.paragraphs:
        if '"' in t[p.start : p.end] or "'" not in t[p.start : p.end]:
            continue
        pending = None
        pos = t.find("'", p.start, p.end)
        while pos != -1:
            prev = t[pos - 1] if pos > p.start else " "
            nxt = t[pos + 1] if pos + 1 < p.end else " "
            if pending is None:
                if prev in _OPEN_BEFORE and nxt.isalpha():
                    pending = pos
            elif prev not in _OPEN_BEFORE and (nxt in _CLOSE_AFTER) and not (
                prev == "s" and t[pos - 2 : pos - 1].isalpha() and _n_words(t, pending, pos) < 2
            ):
                if _n_words(t, pending, pos) >= 1:
                    if chars is None:
                        chars = list(t)
                    chars[pending] = chars[pos] = '"'
                pending = None
            elif prev in _OPEN_BEFORE and nxt.isalpha():
                pending = pos  # a new opener: the earlier mark was not one
            pos = t.find("'", pos + 1, p.end)
    return t if chars is None else "".join(chars)


def _find_quotes(orig: str, t: str, doc: Document) -> list[_Quote]:
    quotes: list[_Quote] = []
    left_open = False
    for p in doc.paragraphs:
        open_at: int | None = None
        first = True
        opened_here_continues = False
        pos = t.find('"', p.start, p.end)
        while pos != -1:
            d = _direction(orig, t, pos, p.start, p.end)
            if open_at is None:
                if d == "open":
                    open_at = pos
                    opened_here_continues = left_open and first and pos == p.start
                elif first and left_open:
                    # A closing mark with no opener, after an unclosed quote: the quote
                    # continued into this paragraph without the customary opening mark.
                    quotes.append(_Quote(p.start, pos, p.start, pos, p.index, True, True))
            elif d == "close" or t[pos + 1 : pos + 2].isspace() or pos + 1 >= p.end:
                quotes.append(
                    _Quote(open_at, pos, open_at + 1, pos, p.index, open_at == p.start,
                           opened_here_continues)
                )
                open_at = None
            else:
                # Two openers in a row: the first quote lost its closing mark.
                quotes.append(
                    _Quote(open_at, None, open_at + 1, pos, p.index, open_at == p.start,
                           opened_here_continues, True)
                )
                open_at = pos
                opened_here_continues = False
            first = False
            pos = t.find('"', pos + 1, p.end)
        left_open = open_at is not None
        if open_at is not None:
            quotes.append(
                _Quote(open_at, None, open_at + 1, p.end, p.index, open_at == p.start,
                       opened_here_continues, True)
            )
    # A quote left open at the end of a paragraph and re-opened at the start of the next
    # is one quotation running over the paragraph break (the news convention).
    merged: list[_Quote] = []
    for q in quotes:
        q.close_para = q.paragraph
        prev = merged[-1] if merged else None
        if (q.continues and prev is not None and prev.open_end
                and prev.close_para == q.paragraph - 1):
            prev.ce, prev.close, prev.open_end = q.ce, q.close, q.open_end
            prev.close_para = q.paragraph
            continue
        merged.append(q)
    quotes = merged
    # Trim white space inside the marks, and a final comma or full stop.
    for q in quotes:
        while q.cs < q.ce and t[q.cs].isspace():
            q.cs += 1
        while q.ce > q.cs and (t[q.ce - 1].isspace() or t[q.ce - 1] in ",;:"):
            q.ce -= 1
        q.full_stop = t[q.ce - 1 : q.ce] == "."
        if q.full_stop:
            q.ce -= 1
    return [q for q in quotes if q.ce > q.cs]


def _n_words(t: str, s: int, e: int) -> int:
    return len(re.findall(r"[^\W_]+", t[s:e]))


# ----------------------------------------------------------------------- cues


@dataclass
class _Cue:
    k0: int  # first token of the verb (or of "according to")
    k1: int  # one past its last token
    aux0: int  # first token of the auxiliaries before it ("has expressed")
    lemma: str
    strict: bool


def _find_cues(
    tk: _Tokens, verbs: dict[tuple[str, ...], tuple[str, bool]], in_quote: list[int]
) -> list[_Cue]:
    cues: list[_Cue] = []
    lw = tk.lower
    k = 0
    n = tk.n
    while k < n:
        if in_quote[k] >= 0:
            k += 1
            continue
        hit = None
        if k + 1 < n and (lw[k], lw[k + 1]) in verbs:
            hit = (k + 2, *verbs[(lw[k], lw[k + 1])])
        elif (lw[k],) in verbs:
            hit = (k + 1, *verbs[(lw[k],)])
        if hit is None or (tk.words[k][:1].isupper() and lw[k] != "according"):
            # A capitalised "States" or "Reports" is a name or a headline word.
            k += 1
            continue
        k1, lemma, strict = hit
        if lemma == "add" and k1 < n and lw[k1] == "to":
            k = k1  # "added to her lead": an increase, not a statement
            continue
        if " ".join(lw[k1 : k1 + 3]) in {"not to be", "to remain anonymous", "to be named"}:
            k = k1  # "asked not to be named": a condition of anonymity, not a statement
            continue
        aux0 = k
        while aux0 > 0 and lw[aux0 - 1] in {"has", "have", "had"} and k - aux0 < 3:
            aux0 -= 1
        # "has also said", "have repeatedly urged": fold adverbs between aux and verb.
        j = aux0 - 1
        while (j >= 0 and k - j <= 3 and lw[j] in _AUX
               and lw[j] not in {"and", "has", "have", "had"}):
            j -= 1
        if j >= 0 and j < aux0 - 1 and lw[j] in {"has", "have", "had"}:
            aux0 = j
        cues.append(_Cue(k, k1, aux0, lemma, strict))
        k = k1
    return cues


# ------------------------------------------------------------------ extraction


@dataclass
class _Raw:
    cs: int
    ce: int
    kind: str
    cue: _Cue | None
    np: _NP | None
    anchor: int  # offset used for ordering and sentence lookup (cue or content start)
    clause_a: int | None = None  # token where the attribution's clause starts
    quote: bool = False  # the content is one quotation (pass 1)
    inherit: _Raw | None = None
    elliptic: _Raw | None = None  # "..., but says": subject of an earlier cue
    speaker: str | None = None
    stype: str | None = None
    gender: str | None = None
    desc: str | None = None
    named: bool = False
    rule: str = ""  # the pattern that produced it (a key of RULES)


class _Ctx:
    """Per-document state shared by the passes."""

    def __init__(self, doc: Document, verbs_path: str | None):
        self.doc = doc
        self.orig = doc.text
        # Two apostrophes stand for a double quotation mark in some archives (''...'').
        self.t = _single_quotes_as_double(doc.normalized.replace("''", '" '), doc)
        self.tk = _Tokens(self.t)
        self.verbs = load_reporting_verbs(verbs_path)
        tk = self.tk
        self.quotes = _find_quotes(self.orig, self.t, doc)
        self.in_quote = [-1] * tk.n
        qi = 0
        for k in range(tk.n):
            s = tk.starts[k]
            while qi < len(self.quotes) and self.quotes[qi].ce <= s:
                qi += 1
            if qi < len(self.quotes) and self.quotes[qi].cs <= s < self.quotes[qi].ce:
                self.in_quote[k] = qi
        # Token ranges of sentences and paragraphs.
        self.sent_starts = [x.start for x in doc.sentences]
        self.sent_tok = []
        for s in doc.sentences:
            self.sent_tok.append((tk.index_at(s.start), tk.index_at(s.end)))
        self.tok_sent = [0] * tk.n
        for si, (a, b) in enumerate(self.sent_tok):
            for k in range(a, b):
                self.tok_sent[k] = si
        self.para_tok = [(tk.index_at(p.start), tk.index_at(p.end)) for p in doc.paragraphs]
        self.cues = _find_cues(tk, self.verbs, self.in_quote)
        self.cue_at = {c.k0: c for c in self.cues}
        self.cue_k0 = [c.k0 for c in self.cues]
        self.used: set[int] = set()  # cues that introduce an attribution
        self.framed: dict = {}  # quotation index -> its attribution (pass 1)
        self.quote_raws: dict = {}  # sentence -> attributions of quotations (pass 1)

    def sentence_of(self, offset: int) -> int:
        s = self.doc.sentence_at(offset)
        if s is not None:
            return s.index
        i = bisect.bisect_right(self.sent_starts, offset) - 1
        return max(i, 0)

    def para_of(self, offset: int) -> int:
        return self.doc.sentences[self.sentence_of(offset)].paragraph if self.doc.sentences else 0

    def cues_between(self, a: int, b: int) -> list[_Cue]:
        lo = bisect.bisect_left(self.cue_k0, a)
        hi = bisect.bisect_left(self.cue_k0, b)
        return self.cues[lo:hi]


def _span_text(tk: _Tokens, a: int, b: int) -> tuple[int, int]:
    return tk.starts[a], tk.ends[b - 1]


_STOP_AFTER = frozenset(".!?;\"")


def _after_frame(ctx: _Ctx, q: _Quote) -> tuple[_Cue, _NP, str] | None:
    """``"...," X said`` / ``"...," said X`` after a closing quotation mark (the cue,
    the speaker and the rule id)."""
    if q.close is None:
        return None
    tk = ctx.tk
    k = tk.index_at(q.close + 1)
    p_end = ctx.para_tok[q.close_para][1]
    limit = min(k + 45, p_end)
    if k < limit and tk.words[k] in {",", "-", "--", "\u2014", "\u2013"}:
        k += 1
    ends_full_stop = q.full_stop
    for c in ctx.cues_between(k, limit):
        if any(tk.words[x] in _STOP_AFTER for x in range(k, c.aux0)):
            return None
        if c.lemma == "according to":
            np_ = _np_after(ctx, c.k1, limit)
            return (c, np_, "quote.after_according_to") if np_ else None
        if c.aux0 - 1 >= k and (tk.lower[c.aux0 - 1] in _PASSIVE | _MODALS | {"to"}):
            return None  # "was told", "declined to comment", "will say"
        if c.strict and tk.lower[c.k0].endswith("s"):
            return None  # "more diverse states": a noun
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
            np_ = _read_np(tk, k, c.aux0)
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


_NP_AFTER_STOP = frozenset(
    "on in at during after before last referring adding noting as while when told yesterday "
    "today".split()
)


def _np_after(ctx: _Ctx, k: int, limit: int, appos: bool = True) -> _NP | None:
    """The speaker noun phrase after an inverted cue, with an apposition if any."""
    tk = ctx.tk
    e = k
    relative = False
    while e < limit and tk.words[e] not in {",", ".", ";", '"', "!", "?", ":", "\u2014"}:
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
    return np_


def _apposition(tk: _Tokens, comma: int, limit: int, cue_at: dict) -> tuple[str, int] | None:
    """Read ", <description>," after a name; return the description and its end token."""
    a = comma + 1
    if a >= limit:
        return None
    w0 = tk.words[a]
    lw0 = tk.lower[a]
    if not (lw0 in _DETERMINERS or w0[:1].isdigit() or lw0 in {"who", "whose"}
            or (w0[:1].islower() and lw0 not in _LEADERS and lw0 not in {"said", "says"})
            or lw0.endswith("'s")
            or lw0 in _lex("titles")):
        return None
    e = a
    chunks = 0
    while e < limit:
        w = tk.words[e]
        if w in {".", ";", '"', "!", "?", ":"}:
            break
        if w == ",":
            chunks += 1
            seg = tk.words[a:e]
            # An age alone ("36,") goes on to the occupation that follows.
            if not (len(seg) == 1 and seg[0].isdigit()) and not (
                e + 1 < limit and tk.lower[e + 1] in {"who", "whose", "which"}
            ):
                break
        if e in cue_at and lw0 not in {"who", "whose"}:
            return None
        e += 1
        if e - a > 40:
            return None
    if e == a:
        return None
    return " ".join(tk.words[a:e]).replace(" ,", ","), e


_CONJ = frozenset(
    "and but while whereas because although though so or as since when after before if until "
    "where".split()
)
# Subordinators that open a clause even without a comma ("while he said ...").
_SUBORDINATORS = frozenset("while whereas because although though since".split())


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
            inside_subject = c is not None and c.aux0 > 0 and lw[c.aux0 - 1] in _RELATIVE
            if (c is not None and c.k1 <= k and c.k1 - 1 <= j and not inside_subject
                    and c.k0 in ctx.used):
                return c.k1, "cue"
        if lw[j] in _CONJ and (
            (j > sent_a and tk.words[j - 1] in {",", "-", "\u2014", "\u2013", "--"})
            or (lw[j] in _SUBORDINATORS and j + 1 < k and lw[j + 1] not in _DETERMINERS - {"the"})
            or (lw[j] in {"and", "but"} and j + 1 < k and k - j <= 7
                and (lw[j + 1] in _NP_OPENERS or lw[j + 1] in _PRONOUNS)
                and _clause_before(ctx, sent_a, j))
        ) and not (j + 1 < k and lw[j + 1] in _RELATIVE):
            return j + 1, "conj"
        if lw[j] in {"who", "which"} and j > sent_a and tk.words[j - 1] == "," and j == k - 1:
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
    if how == "who" or (lw[p] in {"who"} and p - 1 >= sent_a and tk.words[p - 1] == ","):
        np_, name = _who_subject(ctx, p - 1, sent_a), "who_said"
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
    return _read_np(tk, i, j)


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
    np_ = _read_np(tk, a, c.aux0)
    if np_ is not None:
        return c, np_, None, "quote.before_speaker_said"
    fallback = _fallback_subject(ctx, c, a, how, sent_a)
    if fallback is None:
        return None
    return c, fallback[0], None, "quote.before_" + fallback[1]


def extract_attributions(
    doc: Document, *, verbs_path: str | Path | None = None
) -> list[Attribution]:
    """Find who is quoted or cited in a document.

    Parameters
    ----------
    doc : Document
        A segmented text (:func:`mediakit.text.segment`).
    verbs_path : str or Path, optional
        A reporting-verb list replacing ``mediakit/data/reporting_verbs.txt``.

    Returns
    -------
    list of Attribution
        In text order. Direct quotes (``kind="direct"``), reported speech holding a
        quoted fragment (``"partial"``) and reported speech (``"indirect"``), each
        with content and speaker offsets into ``doc.text`` and a resolved speaker.

    Notes
    -----
    This is the single boundary a statistical backend would replace. The rules are
    described pattern by pattern in ``docs/metrics.md`` (attribution extraction); the run time
    is linear in the length of the text.

    References
    ----------
    Pareti (2016); Newell, Margolin & Ruths (2018); Asr et al. (2021).
    """
    ctx = _Ctx(doc, None if verbs_path is None else str(verbs_path))
    tk = ctx.tk
    t = ctx.t
    raws: list[_Raw] = []
    used = ctx.used
    framed: dict[int, _Raw] = ctx.framed

    # Pass 1: quotations with a frame after or before them.
    pendings: list[tuple[_Raw, int]] = []
    prev_close_tok = 0
    prev_para = -1
    for qi, q in enumerate(ctx.quotes):
        if q.paragraph != prev_para:
            prev_close_tok = ctx.para_tok[q.paragraph][0]
            prev_para = q.paragraph
        words = _n_words(t, q.cs, q.ce)
        hit = _after_frame(ctx, q)
        pending = None
        if hit is None:
            bf = _before_frame(ctx, q, prev_close_tok)
            hit = (bf[0], bf[1], bf[3]) if bf else None
            pending = bf[2] if bf else None
        if hit is not None:
            c, np_, rule = hit
            kind = "direct" if (words >= 4 or not t[q.cs : q.cs + 1].islower()) else "partial"
            r = _Raw(q.cs, q.ce, kind, c, np_, tk.starts[c.k0], quote=True, rule=rule)
            if pending is not None:
                pendings.append((r, pending))
            raws.append(r)
            ctx.quote_raws.setdefault(ctx.tok_sent[c.k0], []).append(r)
            framed[qi] = r
            used.add(c.k0)
        if q.close is not None:
            prev_close_tok = tk.index_at(q.close + 1)

    # Pass 2: reported speech around the remaining cues.
    by_sentence: dict[int, list[_Raw]] = {}
    for c in ctx.cues:
        if c.k0 in used:
            continue
        r = _indirect(ctx, c, by_sentence)
        if r is not None:
            raws.append(r)
            used.add(c.k0)
            by_sentence.setdefault(ctx.tok_sent[c.k0], []).append(r)
    by_cue = {r.cue.k0: r for r in raws if r.cue is not None}
    for r, k0 in pendings:
        r.elliptic = by_cue.get(k0)
    # Reported content stops where the next attribution in the sentence begins.
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
                a.ce = _trim_end(t, a.cs, min(a.ce, cut))
    raws = [r for r in raws if r.ce > r.cs]
    raws = _split_partials(ctx, raws)

    # Pass 3: quotations without a frame of their own inherit the last speaker when news
    # convention says so (an interrupted or "floating" quote), or stay speakerless.
    raws.sort(key=lambda r: r.anchor)
    anchors = [r.anchor for r in raws]
    for qi, q in enumerate(ctx.quotes):
        if qi in framed or any(r.cs <= q.cs < r.ce for r in _near(raws, anchors, q.cs)):
            continue
        words = _n_words(t, q.cs, q.ce)
        src = _previous(raws, anchors, q.open)
        sentence_like = ctx.t[q.cs : q.cs + 1].isupper() or ctx.t[q.cs : q.cs + 1].isdigit()
        src_para = ctx.para_of(max(src.anchor, src.ce - 1)) if src is not None else None
        r = None
        # (A quotation continued from the paragraph before is one span already: see
        # _find_quotes.)
        rule = None
        if src is not None:
            if src_para == q.paragraph and words >= 4:
                rule = "inherit.same_paragraph"
            elif (src_para == q.paragraph - 1 and q.starts_paragraph and sentence_like
                  and words >= 4 and not _has_own_cue(ctx, q)):
                rule = "inherit.next_paragraph"
        if rule is not None:
            r = _Raw(q.cs, q.ce, "direct", src.cue, None, q.cs, inherit=src, rule=rule)
        elif words >= 4 and sentence_like and _starts_sentence(ctx, q) and not _has_own_cue(ctx, q):
            r = _Raw(q.cs, q.ce, "direct", None, None, q.cs, rule="unattributed.quote")
        if r is not None:
            i = bisect.bisect_right(anchors, r.anchor)
            raws.insert(i, r)
            anchors.insert(i, r.anchor)

    return _resolve(ctx, raws)


def _split_partials(ctx: _Ctx, raws: list[_Raw]) -> list[_Raw]:
    """Reported speech holding quoted fragments gives one partial attribution per
    fragment, whose content is the fragment (the words the source is quoted as using)."""
    out = []
    starts = [q.cs for q in ctx.quotes]
    for r in raws:
        if r.kind != "partial" or r.cue is None or r.quote:
            out.append(r)
            continue
        i = bisect.bisect_left(starts, r.cs)
        parts = []
        framed = 0
        while i < len(ctx.quotes) and ctx.quotes[i].cs < r.ce:
            q = ctx.quotes[i]
            if i in ctx.framed:
                # A quotation with its own tag is not part of this report: the report
                # stops before that tag (or before the quotation).
                if not framed:
                    fr = ctx.framed[i]
                    stop = q.open
                    if fr.cue is not None and r.cs < ctx.tk.starts[fr.cue.aux0] < stop:
                        stop = ctx.tk.starts[fr.cue.aux0]
                    cut_end = _trim_end(ctx.t, r.cs, min(r.ce, stop))
                framed += 1
                i += 1
                continue
            parts.append(_Raw(q.cs, min(q.ce, r.ce), "partial", r.cue, r.np, r.anchor,
                              clause_a=r.clause_a, elliptic=r.elliptic, rule=r.rule))
            i += 1
        if parts or not framed:
            out.extend(parts or [r])
        elif _n_words(ctx.t, r.cs, cut_end) >= 2:
            r.ce, r.kind = cut_end, "indirect"
            out.append(r)
    return out


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
# Farthest a subject is looked for before its cue, in tokens.
_MAX_CLAUSE = 80

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
_FINITE = frozenset("is are was were has have had will would can could".split())
_MODALS = frozenset("would will could can may might should shall must".split())
_NUMBERS = frozenset("one two three four five six seven eight nine ten dozen dozens".split())
_TELL_LIKE = frozenset("tell inform assure remind brief".split())
_NOUN_BEFORE = frozenset(
    "the a an his her its their our my your this these those such no any every".split()
)


def _sentence_end(ctx: _Ctx, a: int, b: int) -> int:
    tk = ctx.tk
    while b > a and tk.words[b - 1] in {".", "!", "?", '"', "'", ")"}:
        b -= 1
    return b


def _content_raw(ctx: _Ctx, a: int, b: int, c: _Cue, np_: _NP | None,
                 rule: str) -> _Raw | None:
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
    if _n_words(ctx.t, cs, ce) < 2:
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
    b = c.k0
    while b > a and tk.words[b - 1] in {",", "\u2014", "("}:
        b -= 1
    if b - a >= 3:
        return _content_raw(ctx, a, b, c, np_, "indirect.content_according_to")
    e = np_.j
    while e < eb and tk.words[e] != ",":
        e += 1
    return _content_raw(ctx, e + 1, eb, c, np_, "indirect.according_to_content")


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
            or tk.words[k][:1].isdigit() or w in {",", "again", "also", "later", "then"})


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
    p = c.aux0 - 1
    noun_form = lw[c.k0].endswith("s") and lw[c.k0] != "says"
    if lw[c.k0] == c.lemma and c.lemma not in {"say", "tell"}:
        # "a new report", "this claim": a bare form after a singular determiner is a noun.
        for x in range(c.aux0 - 1, max(sa, c.aux0 - 5) - 1, -1):
            if lw[x] in {"a", "an", "this", "every", "each", "another"}:
                return None
            if tk.words[x] in {",", '"'} or lw[x] in _VERBISH:
                break
    if p >= sa and ((lw[p] in _PASSIVE or lw[p] == "to" or lw[p] in _NOUN_BEFORE)
                    and not _went_on_to(lw, p, sa)
                    or (noun_form and (tk.words[p][:1].isdigit() or lw[p] in _NUMBERS))):
        return None  # "is said to", "to say", "the claims", "eight states": not a speech act
    if p >= sa and (lw[p].endswith("'s") or lw[p].endswith("s'")):
        return None  # "Dean's comments": a noun
    if p >= sa and lw[p] in _RELATIVE and not (p - 1 >= sa and tk.words[p - 1] == ","):
        return None  # "women who complained": a restrictive relative clause
    if p >= sa and lw[p] in _MODALS:
        return None  # "she would ask", "will say": speech that has not happened
    a, how = _clause_start(ctx, sa, c.aux0)
    prev_in_sentence = by_sentence.get(si)
    if (c.aux0 - 1 >= sa and lw[c.aux0 - 1] in {"and", "but"} and prev_in_sentence
            and not lw[c.k0].endswith("ing")):
        # "... said X and accused Y of Z": the subject of the earlier cue.
        eb_ = _sentence_end(ctx, sa, sb)
        if c.strict and not any(tk.words[x] in {'"', ":"} or lw[x] == "that"
                                for x in range(c.k1, min(c.k1 + 8, eb_))):
            return None
        r = _content_raw(ctx, c.k1, eb_, c, None, "indirect.and_second_cue")
        if r is not None:
            r.elliptic = prev_in_sentence[-1]
            r.clause_a = c.aux0 - 1
        return r
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
    # "..., said Ahmed Nasser." (inverted, after the content)
    if (p >= a and tk.words[p] == "," and p - a >= 3 and c.lemma not in _TELL_LIKE
            and _read_np(tk, a, c.aux0) is None):
        np_ = _np_after(ctx, c.k1, sb)
        if np_ is not None and np_.j >= eb - 6 and not has_that and np_.j - np_.i <= 10:
            return _content_raw(ctx, a, p, c, np_, "indirect.content_said_speaker")
    # "The plan, an inside source said, is to ...": a tag inside the reported clause; the
    # content is the part after the tag.
    if (post and tk.words[post[0]] == "," and len(post) >= 4 and not has_that
            and not lw[post[1]].endswith("ing") and post[1] not in ctx.cue_at
            and tk.words[post[1]] != '"'):
        m = next((x for x in range(c.aux0 - 1, a, -1) if tk.words[x] == ","), None)
        if m is not None and m > a:
            np_ = _read_np(tk, m + 1, c.aux0)
            if np_ is not None and np_.j - np_.i <= 8:
                r = _content_raw(ctx, post[0] + 1, eb, c, np_, "indirect.tag_inside")
                if r is not None:
                    r.clause_a = m + 1
                    return r
    # "..., both officials said." (subject after the content, nothing much after the cue)
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
    if (adverbial or short_tail) and not has_that and not later_cue and not (
        how == "cue" and lw[a] in _PREPOSITIONS
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
            if m - a < 3 or seen >= 3:
                break
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
    # "..., insiders said: Trump's lead ...": the content follows the colon.
    if post and tk.words[post[0]] == ":" and not _read_np(tk, a, c.aux0):
        for m in range(c.aux0 - 1, a, -1):
            if tk.words[m] == "," and m + 1 < c.aux0:
                np_ = _read_np(tk, m + 1, c.aux0)
                if np_ is not None:
                    return _content_raw(ctx, post[0] + 1, eb, c, np_, "indirect.tag_colon")
                break
    # "As the paper noted, ...": the content follows the tag.
    if lw[a] == "as" and post and tk.words[post[0]] == "," and a + 1 < c.aux0:
        np_ = _read_np(tk, a + 1, c.aux0)
        if np_ is not None:
            return _content_raw(ctx, post[0] + 1, eb, c, np_, "indirect.as_tag")
    # Forward: "X said (that) ...".
    if how == "cue" and a < c.aux0 and lw[a] in _PREPOSITIONS:
        return None  # the object of an earlier cue, not a new subject
    np_ = _read_np(tk, a, c.aux0) if a < c.aux0 else None
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
    else:
        x = next((x for x in range(ca, min(ca + 7, eb)) if lw[x] == "that"), None)
        if (x is not None and _that_follows(tk, ca, x)
                and not (x + 1 < eb and (lw[x + 1] in _FINITE or lw[x + 1] in _MODALS))):
            ca = x + 1
            has_that = True
    explicit = (
        has_that
        or (ca < tk.n and tk.words[ca] in {":", '"'})
        or any(tk.words[x] == '"' for x in range(ca, eb))
        or (c.lemma == "ask" and any(lw[x] in {"if", "whether", "why", "how", "what"}
                                     for x in range(ca, min(ca + 4, eb))))
    )
    if c.strict and not explicit:
        return None
    r = _content_raw(ctx, ca, eb, c, np_, rule)
    if r is None:
        return None
    r.clause_a = a
    if elliptic is not None:
        r.elliptic = elliptic
    return r


# ------------------------------------------------------------ speaker resolution


@dataclass
class _Person:
    canonical: str
    tokens: tuple[str, ...]
    gender: str | None
    first_pos: int
    descriptions: list[str] = field(default_factory=list)


class _PersonTable(dict):
    """A dict of people that keeps the registry's surname/given-name index up to date."""

    def __init__(self, registry: _Registry):
        super().__init__()
        self._registry = registry

    def __setitem__(self, key: str, person: _Person) -> None:
        super().__setitem__(key, person)
        index = self._registry._index
        index.setdefault(person.tokens[-1], []).append(person)
        index.setdefault("^" + person.tokens[0], []).append(person)


class _Registry:
    """Named people in a document, their descriptions, genders and mentions."""

    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.persons = _PersonTable(self)
        self._index: dict[str, list[_Person]] = {}
        self.subjects: list[tuple[int, str, str, str | None]] = []  # pos, kind, name, gender
        self._build()

    def _build(self) -> None:
        ctx = self.ctx
        tk = ctx.tk
        lw = tk.lower
        titles = _lex("titles")
        starters = _sentence_starters()
        first_names = _first_names()
        for a, b in ctx.sent_tok:
            k = a
            first_subject = True
            people: list[tuple[int, str]] = []
            while k < b:
                if not _is_cap(tk.words[k]) or ctx.in_quote[k] >= 0:
                    k += 1
                    continue
                j = k
                while j < b and (
                    _is_cap(tk.words[j])
                    or ((lw[j] in _PARTICLES or lw[j] == "of") and j + 1 < b
                        and _is_cap(tk.words[j + 1]))
                ):
                    j += 1
                    if lw[j - 1].endswith("'s"):
                        break
                i = k
                while i < j and (lw[i] in starters or lw[i] in _DETERMINERS or lw[i] in _LEADERS
                                 or lw[i] in _PREPOSITIONS):
                    i += 1
                k = max(j, k + 1)
                if i >= j:
                    continue
                np_ = _classify_capitalised(tk, i, j)
                if np_.kind == "person":
                    ns = np_.extra["name_start"]
                    name_tokens = [_strip_poss(w) for w in tk.words[ns:j]]
                    if not name_tokens or not name_tokens[-1]:
                        continue
                    hon = np_.extra["honorific"]
                    # "said X" (inverted tag), not "told X" (the addressee).
                    after_cue = (i - 1) >= a and (i - 1) in ctx.cue_at and (
                        ctx.cue_at[i - 1].lemma not in _TELL_LIKE | {"ask", "urge", "call"}
                    )
                    before_cue = j in ctx.cue_at or (j < b and tk.words[j] == ",")
                    known = (
                        name_tokens[0].lower() in first_names
                        or hon is not None
                        or ns > i
                        or after_cue
                        or before_cue
                    )
                    full = len(name_tokens) >= 2 or hon is not None or ns > i
                    canonical = self.lookup(name_tokens, tk.starts[i])
                    if canonical is None and known and full and len(name_tokens) >= 2:
                        canonical = " ".join(name_tokens)
                        self.persons[canonical] = _Person(
                            canonical, tuple(w.lower() for w in name_tokens),
                            _gender_of_name(name_tokens, hon), tk.starts[i],
                        )
                    if canonical is None:
                        continue
                    person = self.persons[canonical]
                    if person.gender is None:
                        person.gender = _gender_of_name(name_tokens, hon)
                    # Pre-modifier titles: "Israeli Defense Minister", "Hamas spokesman".
                    pre = self._premodifier(i, ns, a, titles)
                    if pre:
                        person.descriptions.append(pre)
                    if j < b and tk.words[j] == ",":
                        d = _apposition(tk, j, b, ctx.cue_at)
                        if d:
                            person.descriptions.append(d[0])
                            if person.gender is None:
                                person.gender = _gender_of_words(d[0].split())
                    people.append((j, canonical))
                    if first_subject:
                        self.subjects.append((tk.starts[i], "person", canonical, person.gender))
                        first_subject = False
                elif np_.kind == "institution" and first_subject:
                    self.subjects.append((tk.starts[i], "institution", np_.name or np_.mention,
                                          None))
                    first_subject = False
            if len({c for _, c in people}) == 1:
                # One person in the sentence: a later "his"/"her" there gives the gender.
                j, canonical = people[0]
                person = self.persons[canonical]
                if person.gender is None:
                    seen = {_PRONOUN_GENDER[lw[x]] for x in range(j, b)
                            if lw[x] in _PRONOUN_GENDER and ctx.in_quote[x] < 0}
                    if len(seen) == 1:
                        person.gender = seen.pop()

    def _premodifier(self, i: int, ns: int, a: int, titles: frozenset[str]) -> str | None:
        tk = self.ctx.tk
        lw = tk.lower
        h = i
        hon = _lexicon()["honorifics"]
        while h > a and i - h < 6 and (
            _strip_poss(lw[h - 1]) in titles
            or (lw[h - 1].endswith("'s") and _is_cap(tk.words[h - 1]))
            or (lw[h - 1] in {"of", "for"} and h - 1 > a and _strip_poss(lw[h - 2]) in titles)
        ):
            h -= 1
        words = [w for w in tk.words[h:ns] if w.lower() not in hon]  # type: ignore[operator]
        return " ".join(words) or None

    def lookup(self, name_tokens: list[str], pos: int) -> str | None:
        """Find the registered person a (partial) name refers to."""
        key = tuple(w.lower() for w in name_tokens)
        if not key:
            return None
        joined = " ".join(name_tokens)
        if joined in self.persons:
            return joined
        best = None
        # Only people sharing the last word (a surname) or, for one word, the first word
        # (a given name) can match: an index keeps this independent of the cast's size.
        pool = self._index.get(key[-1], [])
        if len(key) == 1:
            pool = pool + self._index.get("^" + key[0], [])
        for p in pool:
            n = len(key)
            if len(p.tokens) > n and (p.tokens[-n:] == key or (n == 1 and p.tokens[0] == key[0])):
                score = (p.first_pos <= pos, p.first_pos if p.first_pos <= pos else -p.first_pos,
                         p.tokens[-n:] == key)
                if best is None or score > best[0]:
                    best = (score, p.canonical)
        return best[1] if best else None

    def description(self, canonical: str) -> str | None:
        p = self.persons.get(canonical)
        if p is None or not p.descriptions:
            return None
        return _join_descriptions(p.descriptions)


def _join_descriptions(parts: list[str]) -> str | None:
    """Join description pieces, dropping repeats and pieces another one contains."""
    flat: list[str] = []
    for d in parts:
        flat.extend(x.strip() for x in d.split("; ") if x.strip())
    keep: list[str] = []
    for d in flat:
        if any(d in k for k in keep):
            continue
        keep = [k for k in keep if k not in d]
        keep.append(d)
    return "; ".join(keep) or None


@lru_cache(maxsize=1)
def _sentence_starters() -> frozenset[str]:
    from ..text.segmentation import _sentence_starters as starters

    return frozenset(w.lower() for w in starters())


def _compatible(pron_gender: str, cand_gender: str | None) -> bool:
    return cand_gender is None or cand_gender == pron_gender


def _lower_first(s: str) -> str:
    first, _, rest = s.partition(" ")
    if first.lower() in _DETERMINERS:
        return first.lower() + (" " + rest if rest else "")
    return s


def _resolve(ctx: _Ctx, raws: list[_Raw]) -> list[Attribution]:
    tk = ctx.tk
    reg = _Registry(ctx)
    subj_pos = [s[0] for s in reg.subjects]
    done: list[_Raw] = []
    out: list[Attribution] = []
    seen_spans: set[tuple[int, int]] = set()
    for r in raws:
        if (r.cs, r.ce) in seen_spans:
            continue
        seen_spans.add((r.cs, r.ce))
        src = r.inherit or r.elliptic
        np_ = r.np
        if np_ is not None and np_.kind == "pronoun" and np_.gender == "1":
            continue  # "I"/"we": the writer's own voice, not a source
        if src is not None and src.np is not None and src.np.kind == "pronoun" and (
            src.np.gender == "1"
        ):
            continue
        if src is not None and src.stype is None and src.np is not None:
            # The earlier clause was split into quoted fragments: read its subject now.
            _resolve_np(ctx, reg, src, src.np, done, subj_pos)
        if r.inherit is not None or (np_ is None and r.elliptic is not None):
            r.speaker, r.stype, r.gender = src.speaker, src.stype, src.gender
            r.desc, r.named = src.desc, src.named
        elif np_ is not None:
            _resolve_np(ctx, reg, r, np_, done, subj_pos)
        done.append(r)
        anchor = tk.starts[r.cue.k0] if (r.cue is not None and r.inherit is None) else r.cs
        if r.inherit is not None:
            np_ = None
        si = ctx.sentence_of(anchor)
        para = ctx.doc.sentences[si].paragraph if ctx.doc.sentences else 0
        mention = ss = se = None
        # A quote interrupted by its tag ("A," X said. "B.") keeps the tag's cue and
        # mention; a floating quote paragraph has none of its own.
        root = r
        while root.inherit is not None and ctx.para_of(root.inherit.anchor) == ctx.para_of(r.cs):
            root = root.inherit
        if root.inherit is not None:
            root = _Raw(r.cs, r.ce, r.kind, None, None, r.cs)
        subject = root
        while subject.np is None and subject.elliptic is not None:
            subject = subject.elliptic  # "... but says": the subject of the first verb
        if subject.np is not None:
            ss, se = _span_text(tk, subject.np.i, subject.np.j)
            mention = ctx.orig[ss:se]
        cue = None
        cs_ = ce_ = None
        if root.cue is not None:
            cs_, ce_ = tk.starts[root.cue.aux0], tk.ends[root.cue.k1 - 1]
            cue = ctx.orig[cs_:ce_]
        out.append(
            Attribution(
                speaker=r.speaker,
                speaker_mention=mention,
                speaker_description=r.desc,
                named=r.named,
                kind=r.kind,
                cue=cue,
                text=ctx.orig[r.cs : r.ce],
                start=r.cs,
                end=r.ce,
                sentence=si,
                paragraph=para,
                speaker_start=ss,
                speaker_end=se,
                cue_start=cs_,
                cue_end=ce_,
                rule=r.rule,
            )
        )
    out.sort(key=lambda a: (a.start, a.end))
    return out


def _resolve_personal_pronoun(ctx: _Ctx, reg: _Registry, r: _Raw, g: str, pos: int,
                              para: int, done: list[_Raw], subj_pos: list[int]) -> None:
    """Resolve "he"/"she": the nearest earlier speaker or sentence subject of the same
    gender within three paragraphs; failing that, the nearest of unknown gender."""
    tk = ctx.tk
    cands: list[tuple[int, str, str, str | None, str | None, bool]] = []
    for prev in reversed(done[-30:]):
        if prev.speaker is None or prev.stype not in {"person", "unnamed"}:
            continue
        ppos = tk.starts[prev.np.i] if prev.np is not None else prev.anchor
        if ppos >= pos:
            continue
        if ctx.para_of(prev.anchor) < para - 3:
            break
        gender = prev.gender
        if prev.speaker in reg.persons:
            gender = reg.persons[prev.speaker].gender or gender
        cands.append((ppos, prev.speaker, prev.stype, gender, prev.desc, prev.named))
    i = bisect.bisect_left(subj_pos, pos) - 1
    while i >= 0:
        spos, kind, name, gender = reg.subjects[i]
        if ctx.para_of(spos) < para - 3:
            break
        if kind == "person":
            gender = reg.persons[name].gender if name in reg.persons else gender
            cands.append((spos, name, "person", gender, reg.description(name), True))
        i -= 1
    cands.sort(key=lambda x: -x[0])
    pick = next((x for x in cands if x[3] == g), None)
    if pick is None:
        pick = next((x for x in cands if x[3] is None), None)
    if pick is None:
        r.stype, r.gender = "person", g
        return
    _, r.speaker, r.stype, r.gender, r.desc, r.named = pick
    if r.speaker in reg.persons and reg.persons[r.speaker].gender is None:
        reg.persons[r.speaker].gender = g
    r.gender = r.gender or g


def _resolve_np(ctx: _Ctx, reg: _Registry, r: _Raw, np_: _NP, done: list[_Raw],
                subj_pos: list[int]) -> None:
    tk = ctx.tk
    pos = tk.starts[np_.i]
    para = ctx.para_of(pos)
    if np_.kind == "pronoun":
        g = np_.gender
        r.stype = "person" if g in {"m", "f"} else ("group" if g == "p" else "institution")
        if g in {"1"}:
            r.stype = "person"
            return
        if g in {"m", "f"}:
            _resolve_personal_pronoun(ctx, reg, r, g, pos, para, done, subj_pos)
            return
        cand = None
        # Earlier speakers, nearest first.
        for prev in reversed(done[-30:]):
            if prev.speaker is None or (prev.np is not None and tk.starts[prev.np.i] >= pos):
                continue
            if ctx.para_of(prev.anchor) < para - 3:
                break
            if (g in {"m", "f"} and prev.stype in {"person", "unnamed"}
                    and _compatible(g, prev.gender)):
                cand = (prev.anchor, prev.speaker, prev.stype, prev.gender, prev.desc, prev.named)
                break
            if g == "p" and (prev.stype in {"group", "institution"}):
                cand = (prev.anchor, prev.speaker, prev.stype, prev.gender, prev.desc, prev.named)
                break
            if g == "n" and prev.stype == "institution":
                cand = (prev.anchor, prev.speaker, prev.stype, prev.gender, prev.desc, prev.named)
                break
        # Sentence subjects between that speaker and the pronoun are nearer antecedents.
        i = bisect.bisect_left(subj_pos, pos) - 1
        lo = cand[0] if cand else -1
        while i >= 0 and reg.subjects[i][0] > lo:
            spos, kind, name, gender = reg.subjects[i]
            if ctx.para_of(spos) < para - 2:
                break
            if g in {"m", "f"} and kind == "person":
                gender = reg.persons[name].gender if name in reg.persons else gender
                if _compatible(g, gender):
                    cand = (spos, name, "person", gender, reg.description(name), True)
                    break
            if g == "n" and kind == "institution":
                cand = (spos, name, "institution", None, None, False)
                break
            i -= 1
        if cand is not None:
            _, r.speaker, r.stype, r.gender, r.desc, r.named = cand
            if r.stype == "person" and r.speaker in reg.persons and r.gender is None:
                reg.persons[r.speaker].gender = g
        else:
            r.gender = g if g in {"m", "f"} else None
        return
    if np_.kind == "person":
        tokens = [_strip_poss(w) for w in tk.words[np_.extra.get("name_start", np_.i) : np_.j]]
        canonical = reg.lookup(tokens, pos)
        if canonical is None:
            canonical = " ".join(tokens)
            if len(tokens) >= 2:
                reg.persons[canonical] = _Person(
                    canonical, tuple(w.lower() for w in tokens), np_.gender, pos
                )
        person = reg.persons.get(canonical)
        if person is not None and np_.description:
            if np_.description not in person.descriptions:
                person.descriptions.append(np_.description)
        r.speaker = canonical
        r.stype = "person"
        r.named = True
        r.gender = (person.gender if person else None) or np_.gender
        r.desc = reg.description(canonical) if person else np_.description
        return
    if np_.kind == "institution":
        name = np_.name or np_.mention
        if name.lower().startswith("the ") and name[4:5].isupper():
            name = name[4:]
        r.speaker = _lower_first(name)
        r.stype = "institution"
        r.desc = np_.description
        # A specific institution ("Qatar", "the Israeli military") is an identified
        # source; "the ministry" becomes one when it resolves to an earlier name.
        r.named = any(w[:1].isupper() for w in name.split()[:-1]) or name[:1].isupper()
        if name.lower().startswith("the ") and len(name.split()) <= 3:
            head = name.split()[-1].lower()
            for prev in reversed(done[-30:]):
                if prev.stype == "institution" and prev.speaker and head in prev.speaker.lower():
                    r.speaker, r.desc, r.named = prev.speaker, prev.desc, prev.named
                    break
        return
    # "a resident who gave his name only as Abu Ali": a person named in the description.
    m = _NAME_AS.search(np_.description or "")
    if m and np_.kind == "unnamed":
        r.speaker, r.stype, r.named = m.group(1).strip(), "person", True
        r.desc, r.gender = np_.description, np_.gender or _gender_of_words(
            (np_.description or "").split())
        return
    # Unnamed people and groups: the noun phrase up to a participle ("a 9-year-old boy
    # standing beside her" -> "a 9-year-old boy").
    words = np_.mention.split()
    for n, w in enumerate(words[1:], 1):
        if w.endswith("ing") and w.islower() and len(w) > 4:
            words = words[:n]
            break
    speaker = _lower_first(" ".join(words))
    r.stype = np_.kind
    r.gender = np_.gender
    r.desc = np_.description
    first = np_.mention.split()[0].lower()
    if first in {"the", "both"} and len(np_.mention.split()) <= 3:
        head = _strip_poss(np_.mention.split()[-1].lower()).rstrip("s")
        for prev in reversed(done[-30:]):
            if prev.stype in {"unnamed", "group"} and prev.speaker and head in prev.speaker.lower():
                r.speaker, r.desc, r.gender = prev.speaker, prev.desc, prev.gender
                return
    r.speaker = speaker


_NAME_AS = re.compile(
    r"\b(?:gave|give|gives|giving|identified|identify)\b[^.;]{0,30}?\bas ((?:[A-Z][\w'-]+ ?){1,3})"
)


def find_person_descriptions(doc: Document) -> dict[str, str]:
    """Map each named person in a document to the descriptions the text gives them.

    Parameters
    ----------
    doc : Document
        A segmented text.

    Returns
    -------
    dict of str to str
        Canonical full name -> descriptions from pre-modifying titles ("Israeli
        Defense Minister") and appositions ("36, a taxi driver from Gaza City"),
        joined with "; " in text order. People with no description are left out.
    """
    reg = _Registry(_Ctx(doc, None))
    out = {}
    for name in reg.persons:
        d = reg.description(name)
        if d:
            out[name] = d
    return out
