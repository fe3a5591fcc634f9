"""Checks for exercise 3, who speaks.

The student annotates the attributions of a short article by hand (who says what, and
how: a direct quote, a partial quote inside reported speech, or indirect speech), then
lines their annotation up with mediakit's and decides, for every disagreement, who was
right. An answer key in the gold format (``tests/gold/README.md``) is the reference; with
a teacher's own article and no key, the feedback compares with mediakit instead and
marks nothing right or wrong.

An annotation is a list with one item per attribution: ``(speaker, words, kind)`` or a
dict with those keys, where ``words`` is a few consecutive words of what was said, copied
from the article, and ``kind`` is ``"direct"``, ``"partial"`` or ``"indirect"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..io.articles import Article
from ..metrics.sources import analyze_sources
from ..text import segment
from .feedback import (
    CLOSE,
    CORRECT,
    INFO,
    WRONG,
    Feedback,
    is_unanswered,
    not_answered,
    sentence_case,
    wrong_type,
)
from .samples import AnswerKey

__all__ = ["KINDS", "VERDICTS", "MarkedItem", "check_annotation", "check_roles",
           "check_verdicts", "compare_with_mediakit", "parse_annotation"]

KINDS = ("direct", "partial", "indirect")
VERDICTS = ("mine", "mediakit", "neither")
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "his", "its", "their", "we"}
_FILLER = {"a", "an", "the", "two", "three", "who", "of", "and", "in", "on", "at", "for",
           "to", "by", "with", "mr", "mrs", "ms", "dr", "said", "says", "not", "was", "is"}
_KIND_HINT = {
    "direct": "a direct quote is a whole statement inside quotation marks",
    "partial": "a partial quote is a few quoted words inside otherwise reported speech",
    "indirect": "indirect (reported) speech has no quotation marks",
}


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    return " ".join(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text))


def _tokens(text: str) -> set[str]:
    return set(_norm(text).split()) - _FILLER


@dataclass(frozen=True)
class MarkedItem:
    """One attribution of a student's annotation, normalised."""

    speaker: str
    words: str
    kind: str | None


def parse_annotation(annotation: object) -> list[MarkedItem]:
    """Read a student's annotation.

    Parameters
    ----------
    annotation : sequence
        Items ``(speaker, words)``, ``(speaker, words, kind)`` or dicts with the keys
        ``speaker``, ``words`` and optionally ``kind``.

    Returns
    -------
    list of MarkedItem

    Raises
    ------
    ValueError
        With a message for the student, for an item that cannot be read.
    """
    if isinstance(annotation, (str, bytes)) or not isinstance(annotation, Sequence):
        raise ValueError("the annotation should be a list of (speaker, words, kind) items")
    items = []
    for i, item in enumerate(annotation):
        if isinstance(item, Mapping):
            speaker, words, kind = item.get("speaker"), item.get("words"), item.get("kind")
        elif isinstance(item, (tuple, list)) and len(item) in (2, 3):
            speaker, words, kind = (*item, None) if len(item) == 2 else item
        else:
            raise ValueError(f"item {i} should be (speaker, words, kind); it is {item!r}")
        if not isinstance(speaker, str) or not isinstance(words, str) or not _norm(words):
            raise ValueError(f"item {i}: speaker and words must be non-empty text")
        if kind is not None:
            if not isinstance(kind, str) or kind.strip().lower() not in KINDS:
                raise ValueError(f"item {i}: kind must be one of {', '.join(KINDS)}, not "
                                 f"{kind!r}")
            kind = kind.strip().lower()
        items.append(MarkedItem(speaker.strip(), words.strip(), kind))
    return items


def _same_words(words: str, content: str) -> bool:
    """The student's words are part of the attributed content, or hold all of it."""
    a, b = _norm(words), _norm(content)
    return bool(a) and bool(b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _sentence_of(text: str, sentences: Sequence[str]) -> int | None:
    """Index of the (normalised) sentence holding the start of a (normalised) text."""
    head = " ".join(text.split()[:8])
    if not head:
        return None
    return next((i for i, s in enumerate(sentences) if f" {head} " in f" {s} "), None)


def _same_speaker(name: str, names: Sequence[str]) -> bool:
    """A student's speaker names the same person or group as one of ``names``."""
    mine = _tokens(name)
    if not mine or mine <= _PRONOUNS:
        return False
    for other in names:
        if _norm(name) == _norm(other):
            return True
        theirs = _tokens(other) - _PRONOUNS
        if theirs and (mine & theirs):
            return True
    return False


def _align(words: Sequence[str], contents: Sequence[str], article: Article) -> dict[int, int]:
    """Pair a student's items with attributions, one to one.

    First by text (the student's words are part of the content, or hold it), then by
    sentence (the student copied other words of the sentence that holds the content, such
    as the unquoted part of a partial quote). Returns item index -> content index.
    """
    sentences = [_norm(s.text) for s in segment(article.body).sentences]
    used: set[int] = set()
    out: dict[int, int] = {}
    for i, w in enumerate(words):
        for j, content in enumerate(contents):
            if j not in used and _same_words(w, content):
                out[i] = j
                used.add(j)
                break
    where = [_sentence_of(_norm(c), sentences) for c in contents]
    for i, w in enumerate(words):
        if i in out:
            continue
        sentence = _sentence_of(_norm(w), sentences)
        if sentence is None:
            continue
        for j in range(len(contents)):
            if j not in used and where[j] == sentence:
                out[i] = j
                used.add(j)
                break
    return out


def _paragraph_of(article: Article, content: str) -> int | None:
    """The number (from 1) of the paragraph holding ``content``, or None."""
    doc = segment(article.body)
    start = article.body.find(content)
    if start < 0:
        return None
    return next((p.index + 1 for p in doc.paragraphs if p.start <= start < p.end), None)


def _mediakit(article: Article) -> list[dict]:
    """mediakit's attributions of the article, as in a metrics file."""
    return analyze_sources(segment(article.body)).to_dict()["attributions"]


def check_annotation(article: Article, annotation: object, key: AnswerKey | None) -> Feedback:
    """Task 3.1: the student's hand annotation against the answer key.

    Returns
    -------
    Feedback
        How many of the key's attributions were found; the paragraph (from 1) of a
        missed one; items that are no attribution; wrong speakers and kinds, with a hint
        about the convention involved. Without a key: ``info``, compared with mediakit.
    """
    task = "3.1 your annotation"
    if is_unanswered(annotation) or (isinstance(annotation, Sequence) and not annotation):
        return not_answered(task, "a list of (speaker, words, kind) items")
    try:
        items = parse_annotation(annotation)
    except ValueError as exc:
        return Feedback(task, WRONG, (sentence_case(str(exc)) + ".",))
    if key is None:
        found = _mediakit(article)
        pairs = _align([it.words for it in items], [a["text"] for a in found], article)
        return Feedback(task, INFO, (
            "There is no answer key for this article, so your annotation is compared with "
            "mediakit's, which can be wrong too.",
            f"{len(pairs)} of your {len(items)} items are also among mediakit's "
            f"{len(found)} attributions; look at the others in task 3.2."))
    rows = key.attributions
    pairs = _align([it.words for it in items], [r.content for r in rows], article)
    messages: list[str] = [f"You found {len(pairs)} of the {len(rows)} attributions in the "
                           "answer key."]
    problems = 0
    sentences = [_norm(s.text) for s in segment(article.body).sentences]
    where_item = {j: _sentence_of(_norm(rows[j].content), sentences) for j in pairs.values()}
    for i, item in enumerate(items):
        if i not in pairs:
            problems += 1
            here = _sentence_of(_norm(item.words), sentences)
            partner = next((k for k, j in pairs.items()
                            if here is not None and where_item[j] == here), None)
            if partner is not None:
                messages.append(f"Item {i} is part of the same attribution as item "
                                f"{partner}: one item per speech verb, even when it "
                                "reports two things or mixes reported and quoted words.")
            else:
                messages.append(f"Item {i} (“{item.words[:40]}”) is not an attribution in "
                                "the key: is someone saying these words, or do the "
                                "quotation marks do something else (a name, a term kept "
                                "at arm's length)?")
            continue
        row = rows[pairs[i]]
        if not _same_speaker(item.speaker, (*row.names(), row.mention)):
            problems += 1
            pronoun = row.mention.lower() in _PRONOUNS
            hint = ("who does the pronoun refer to?" if pronoun else
                    "read the whole sentence and the one before it.")
            messages.append(f"Item {i}: right words, but not the speaker you named: {hint}")
        elif item.kind is not None and item.kind != row.kind:
            problems += 1
            messages.append(f"Item {i}: right words and speaker, but not '{item.kind}': "
                            f"{_KIND_HINT[item.kind]}.")
    missed = [j for j in range(len(rows)) if j not in pairs.values()]
    by_paragraph: dict[int | None, int] = {}
    for j in missed:
        paragraph = _paragraph_of(article, rows[j].content)
        by_paragraph[paragraph] = by_paragraph.get(paragraph, 0) + 1
    for n, (paragraph, count) in enumerate(by_paragraph.items()):
        if n == 2:
            messages.append(f"... and {sum(list(by_paragraph.values())[2:])} more.")
            break
        where = f"paragraph {paragraph}" if paragraph is not None \
            else "the article"
        messages.append(f"You missed {'one' if count == 1 else count} in {where}.")
    problems += len(missed)
    if problems == 0:
        return Feedback(task, CORRECT, (messages[0], "Speakers and kinds are right too."))
    status = CLOSE if problems <= 2 and len(pairs) >= 0.75 * len(rows) else WRONG
    return Feedback(task, status, tuple(messages))


def _table_rows(article: Article, items: list[MarkedItem]) -> list[dict]:
    found = _mediakit(article)
    pairs = _align([it.words for it in items], [a["text"] for a in found], article)
    rows: list[dict] = []
    for i, item in enumerate(items):
        j = pairs.get(i)
        theirs = found[j] if j is not None else None
        if theirs is None:
            agreement = "only yours"
        elif _same_speaker(item.speaker,
                           (theirs["speaker"] or "", theirs["speaker_mention"] or "")):
            agreement = "both"
        else:
            agreement = "speaker differs"
        rows.append({"your_speaker": item.speaker, "your_words": item.words,
                     "mediakit_speaker": None if theirs is None else theirs["speaker"],
                     "mediakit_words": None if theirs is None else theirs["text"],
                     "agreement": agreement})
    for j, theirs in enumerate(found):
        if j not in pairs.values():
            rows.append({"your_speaker": None, "your_words": None,
                         "mediakit_speaker": theirs["speaker"], "mediakit_words": theirs["text"],
                         "agreement": "only mediakit's"})
    return rows


def compare_with_mediakit(article: Article, annotation: object):
    """Line a hand annotation up with mediakit's attributions (task 3.2).

    Parameters
    ----------
    article : Article
    annotation : list
        The student's annotation (see :func:`parse_annotation`).

    Returns
    -------
    pandas.DataFrame
        One row per attribution of either: ``your_speaker``, ``your_words``,
        ``mediakit_speaker``, ``mediakit_words`` and ``agreement`` (``both``,
        ``speaker differs``, ``only yours``, ``only mediakit's``); the index numbers the
        rows that :func:`check_verdicts` refers to.
    """
    import pandas as pd

    return pd.DataFrame(_table_rows(article, parse_annotation(annotation)),
                        columns=["your_speaker", "your_words", "mediakit_speaker",
                                 "mediakit_words", "agreement"])


def _right_verdict(row: dict, key: AnswerKey, article: Article) -> str:
    words = row["your_words"] if row["your_words"] is not None else row["mediakit_words"]
    pairs = _align([words], [r.content for r in key.attributions], article)
    match = key.attributions[pairs[0]] if 0 in pairs else None
    if match is None:
        # Not an attribution: whoever left it out was right.
        return "mediakit" if row["agreement"] == "only yours" else "mine"
    names = (*match.names(), match.mention)
    mine_ok = row["your_speaker"] is not None and _same_speaker(row["your_speaker"], names)
    theirs_ok = (row["mediakit_speaker"] is not None
                 and _same_speaker(row["mediakit_speaker"], names))
    if mine_ok and not theirs_ok:
        return "mine"
    if theirs_ok and not mine_ok:
        return "mediakit"
    return "neither" if not mine_ok else "mine"


def check_verdicts(article: Article, annotation: object, verdicts: object,
                   key: AnswerKey | None) -> Feedback:
    """Task 3.3: for every disagreement, who was right.

    Parameters
    ----------
    article : Article
    annotation : list
        The student's annotation (as in task 3.1; correct it first if you like).
    verdicts : dict
        Row number of :func:`compare_with_mediakit`'s table -> ``"mine"``, ``"mediakit"``
        or ``"neither"``, for every row whose agreement is not ``both``.
    key : AnswerKey or None

    Returns
    -------
    Feedback
        Rows left out, and rows judged wrongly (with what to look at, not the verdict).
    """
    task = "3.3 who was right"
    if is_unanswered(verdicts):
        return not_answered(task, "a dict {row: \"mine\" | \"mediakit\" | \"neither\"}")
    if not isinstance(verdicts, Mapping):
        return wrong_type(task, "a dict of row numbers to verdicts", verdicts)
    try:
        rows = _table_rows(article, parse_annotation(annotation))
    except ValueError as exc:
        return Feedback(task, WRONG, (sentence_case(str(exc)) + ".",))
    disputed = [i for i, r in enumerate(rows) if r["agreement"] != "both"]
    if disputed and not verdicts:
        return not_answered(task, "a verdict for each row that is not 'both'")
    if not disputed:
        return Feedback(task, CORRECT, ("You and mediakit agree on every attribution: "
                                        "nothing to judge.",))
    verdicts = {k: v.strip().lower() if isinstance(v, str) else v
                for k, v in verdicts.items()}
    unknown = [v for v in verdicts.values() if v not in VERDICTS]
    if unknown:
        return Feedback(task, WRONG, (f"Verdicts are {', '.join(VERDICTS)}; not "
                                      f"{unknown[0]!r}.",))
    messages = []
    left_out = [i for i in disputed if i not in verdicts]
    if left_out:
        messages.append(f"Give a verdict for row{'s' if len(left_out) > 1 else ''} "
                        f"{', '.join(map(str, left_out))}.")
    extra = [i for i in verdicts if i not in disputed]
    if extra:
        messages.append(f"Row{'s' if len(extra) > 1 else ''} {', '.join(map(str, extra))}: "
                        "you and mediakit agree there (or there is no such row).")
    if key is None:
        messages.insert(0, "No answer key for this article: your verdicts are for "
                           "discussion, not marked.")
        return Feedback(task, INFO, tuple(messages))
    wrong = [i for i in disputed
             if i in verdicts and verdicts[i] != _right_verdict(rows[i], key, article)]
    for i in wrong[:3]:
        messages.append(f"Row {i}: look again at the sentence; is this an attribution at "
                        "all, and who is speaking?")
    if not messages:
        return Feedback(task, CORRECT, (f"All {len(disputed)} verdicts are right. Which "
                                        "errors were mediakit's, which yours, and why?",))
    status = CLOSE if len(wrong) + len(left_out) == 1 and not extra else WRONG
    return Feedback(task, status, tuple(messages))


def _match_speakers(names: Sequence[str],
                    aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Student's speaker names -> reference speakers, one to one: exact names (or
    aliases) first, then a shared content word."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for name in names:
            if name in out:
                continue
            for ref, known in aliases.items():
                if ref in used:
                    continue
                if (any(_norm(name) == _norm(k) for k in known) if exact
                        else _same_speaker(name, known)):
                    out[name] = ref
                    used.add(ref)
                    break
    return out


def check_roles(roles: object, key: AnswerKey | None, article: Article | None = None,
                codebook_roles: Sequence[str] | None = None) -> Feedback:
    """Task 3.4: the role of each speaker (government, military, civilian ...).

    Parameters
    ----------
    roles : dict
        Speaker -> role, for every speaker of the key (names as in the article).
    key : AnswerKey or None
        The reference; without one, the roles mediakit gives ``article``'s speakers.
    article : Article, optional
        Needed when there is no key.
    codebook_roles : sequence of str, optional
        The allowed roles (default: those of the packaged codebook).

    Returns
    -------
    Feedback
        The speakers whose role differs (not the right role), and speakers left out.
    """
    task = "3.4 roles"
    if is_unanswered(roles):
        return not_answered(task, "a dict {speaker: role}")
    if not isinstance(roles, Mapping):
        return wrong_type(task, "a dict of speakers to roles", roles)
    if not roles:
        return not_answered(task, "a role for each speaker")
    if codebook_roles is None:
        from ..codebook import load_codebook

        codebook_roles = load_codebook().roles
    bad = sorted({str(r) for r in roles.values() if r not in codebook_roles})
    if bad:
        return Feedback(task, WRONG, (f"Roles are {', '.join(codebook_roles)}; not "
                                      f"{', '.join(bad)}.",))
    if key is not None:
        reference = {s: key.role_of(s) for s in key.speakers()}
        aliases = {s: tuple(dict.fromkeys(n for a in key.attributions if a.speaker == s
                                          for n in (*a.names(), a.mention)))
                   for s in reference}
        status_if_done = CORRECT
    elif article is not None:
        sources = analyze_sources(segment(article.body)).speakers
        reference = {s.speaker: s.role for s in sources}
        aliases = {s.speaker: (s.speaker,) for s in sources}
        status_if_done = INFO
    else:
        raise ValueError("check_roles needs an answer key or the article")
    messages = []
    differ = 0
    unmatched = []
    matched = _match_speakers([str(k) for k in roles], aliases)
    for speaker, role in roles.items():
        ref = matched.get(str(speaker))
        if ref is None:
            unmatched.append(str(speaker))
        elif role != reference[ref]:
            differ += 1
            messages.append(f"{speaker}: not '{role}'. Look at how the article introduces "
                            "them, and at the role definitions in the codebook."
                            if key is not None else
                            f"{speaker}: mediakit gives another role than '{role}'.")
    left = [s for s in reference if s not in set(matched.values())]
    if unmatched:
        where = "a speaker in the key" if key else "among mediakit's speakers"
        messages.append(f"Not {where} (or named twice): {', '.join(unmatched)}.")
    if left:
        messages.append(f"{len(left)} speaker{'s' if len(left) > 1 else ''} without a role "
                        "yet.")
    if not messages:
        return Feedback(task, status_if_done, (f"All {len(reference)} roles agree with the "
                                               f"{'key' if key else 'mediakit'}.",))
    if key is None:
        return Feedback(task, INFO, ("No answer key: these are differences from mediakit's "
                                     "roles, for discussion.", *messages))
    status = CLOSE if differ + len(left) + len(unmatched) == 1 else WRONG
    return Feedback(task, status, tuple(messages))
