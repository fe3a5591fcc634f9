"""Counting once per text: words, sentences, syllables, letters, and the word classes
the formulas need."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...text import Document, segment
from .formulas import LINSEAR_WORDS
from .words import _Token, _token

# ------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class ReadabilityCounts:
    """What the formulas count, once per text.

    Attributes
    ----------
    sentences : int
        Sentences (from :func:`mediakit.text.segment`) holding at least one word.
    paragraphs : int
        Paragraphs holding at least one such sentence.
    words : int
        textstat's words: white-space separated, punctuation removed, non-empty.
    tokens : int
        White-space separated tokens, punctuation-only ones included (ARI's divisor).
    syllables, letters, characters : int
        Syllables (textstat's rule); word characters; non-space characters.
    polysyllabic_words : int
        Words of three or more syllables (SMOG).
    complex_words : int
        Words of three or more syllables not on the familiar list (textstat's Gunning
        fog rule).
    difficult_words : int
        textstat's ``difficult_words``: distinct words (case kept) of two or more
        syllables not on the familiar list.
    long_words : int
        Words of more than six letters.
    unfamiliar_words_textstat : int
        Words not on the familiar list, inflections included (textstat's Dale-Chall).
    unfamiliar_words : int
        Words unfamiliar by the published Dale-Chall rules.
    familiar_names : int
        Words counted familiar as names of persons or places (capitalised wherever they
        occur in the text, at least once inside a sentence, not on the list).
    linsear_easy_words, linsear_hard_words, linsear_sentences : int
        Linsear Write's sample (the first 100 words): words of 1-2 and of 3+ syllables,
        and the sentences they fall in.
    """

    sentences: int = 0
    paragraphs: int = 0
    words: int = 0
    tokens: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0
    polysyllabic_words: int = 0
    complex_words: int = 0
    difficult_words: int = 0
    long_words: int = 0
    unfamiliar_words_textstat: int = 0
    unfamiliar_words: int = 0
    familiar_names: int = 0
    linsear_easy_words: int = 0
    linsear_hard_words: int = 0
    linsear_sentences: int = 0

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def count_readability(
    text_or_document: str | Document, *, familiar_words_path: str | Path | None = None
) -> tuple[ReadabilityCounts, tuple[tuple[int, int, int, int], ...]]:
    """Count everything the readability formulas need, in one pass.

    Parameters
    ----------
    text_or_document : str or Document
        A text (segmented here) or a segmented :class:`~mediakit.text.Document`.
    familiar_words_path : str or Path, optional
        Another Dale-Chall list (default: textstat 0.7.8's).

    Returns
    -------
    counts : ReadabilityCounts
        Counts over the whole text.
    paragraphs : tuple of (index, sentences, words, syllables)
        Per paragraph that holds at least one sentence with a word.
    """
    doc = segment(text_or_document) if isinstance(text_or_document, str) else text_or_document
    words_path = None if familiar_words_path is None else str(familiar_words_path)

    sentences = words = tokens = syllables = letters = characters = 0
    polysyllabic = complex_ = long_ = unfamiliar_ts = 0
    difficult: set[str] = set()
    linsear_easy = linsear_hard = linsear_sentences = 0
    per_paragraph: dict[int, list[int]] = {}
    # Every word token, for the Dale-Chall name rule and count.
    seen: list[_Token] = []
    lower_case_forms: set[str] = set()
    name_candidates: set[str] = set()

    for sentence in doc.sentences:
        raw_tokens = doc.normalized[sentence.start:sentence.end].split()
        s_words = s_syllables = 0
        for raw in raw_tokens:
            tok = _token(raw, words_path)
            tokens += 1
            characters += len(raw)
            letters += tok.letters
            if not tok.word:
                continue
            first_in_sentence = s_words == 0
            s_words += 1
            s_syllables += tok.syllables
            if words < LINSEAR_WORDS:
                if tok.syllables >= 3:
                    linsear_hard += 1
                elif tok.syllables > 0:
                    linsear_easy += 1
                if first_in_sentence:
                    linsear_sentences += 1
            words += 1
            if tok.syllables >= 3:
                polysyllabic += 1
                if not tok.familiar_list:
                    complex_ += 1
            if tok.syllables >= 2 and not tok.familiar_list:
                difficult.add(tok.word)
            if tok.letters > 6:
                long_ += 1
            if not tok.familiar_list:
                unfamiliar_ts += 1
            seen.append(tok)
            lower = tok.word.lower()
            if tok.word[0].islower():
                lower_case_forms.add(lower)
            elif not first_in_sentence:
                name_candidates.add(lower)
        if s_words:
            sentences += 1
            syllables += s_syllables
            row = per_paragraph.setdefault(sentence.paragraph, [0, 0, 0])
            row[0] += 1
            row[1] += s_words
            row[2] += s_syllables

    # Names of persons and places are familiar (Dale & Chall 1948). Without a parser a
    # name is a word that is capitalised every time it occurs and at least once where
    # capitals are not forced (inside a sentence). Places and people pass; so do
    # organisations, which the rule does not name.
    names = name_candidates - lower_case_forms
    unfamiliar = familiar_names = 0
    for tok in seen:
        if tok.familiar_rules:
            continue
        if tok.capitalised and tok.word.lower() in names:
            familiar_names += 1
        else:
            unfamiliar += 1

    counts = ReadabilityCounts(
        sentences=sentences,
        paragraphs=len(per_paragraph),
        words=words,
        tokens=tokens,
        syllables=syllables,
        letters=letters,
        characters=characters,
        polysyllabic_words=polysyllabic,
        complex_words=complex_,
        difficult_words=len(difficult),
        long_words=long_,
        unfamiliar_words_textstat=unfamiliar_ts,
        unfamiliar_words=unfamiliar,
        familiar_names=familiar_names,
        linsear_easy_words=linsear_easy,
        linsear_hard_words=linsear_hard,
        linsear_sentences=linsear_sentences,
    )
    paragraphs = tuple((i, *row) for i, row in sorted(per_paragraph.items()))
    return counts, paragraphs
