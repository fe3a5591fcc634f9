"""Counting once per text: words, sentences, syllables, letters, and the word classes
the formulas need."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass
class _Tally:
    """Running counts of one pass over the text (see :func:`count_readability`)."""

    sentences: int = 0
    words: int = 0
    tokens: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0
    polysyllabic: int = 0
    complex_: int = 0
    long_: int = 0
    unfamiliar_ts: int = 0
    linsear_easy: int = 0
    linsear_hard: int = 0
    linsear_sentences: int = 0
    difficult: set = field(default_factory=set)
    per_paragraph: dict = field(default_factory=dict)
    # Every word token, for the Dale-Chall name rule and count.
    seen: list = field(default_factory=list)
    lower_case_forms: set = field(default_factory=set)
    name_candidates: set = field(default_factory=set)

    def add_word(self, tok: _Token, first_in_sentence: bool) -> None:
        """Count one word token (``first_in_sentence``: no word before it)."""
        if self.words < LINSEAR_WORDS:
            if tok.syllables >= 3:
                self.linsear_hard += 1
            elif tok.syllables > 0:
                self.linsear_easy += 1
            if first_in_sentence:
                self.linsear_sentences += 1
        self.words += 1
        if tok.syllables >= 3:
            self.polysyllabic += 1
            if not tok.familiar_list:
                self.complex_ += 1
        if tok.syllables >= 2 and not tok.familiar_list:
            self.difficult.add(tok.word)
        if tok.letters > 6:
            self.long_ += 1
        if not tok.familiar_list:
            self.unfamiliar_ts += 1
        self.seen.append(tok)
        lower = tok.word.lower()
        if tok.word[0].islower():
            self.lower_case_forms.add(lower)
        elif not first_in_sentence:
            self.name_candidates.add(lower)

    def add_sentence(self, raw_tokens: list[str], paragraph: int, words_path: str | None) -> None:
        """Count one sentence's white-space tokens."""
        s_words = s_syllables = 0
        for raw in raw_tokens:
            tok = _token(raw, words_path)
            self.tokens += 1
            self.characters += len(raw)
            self.letters += tok.letters
            if not tok.word:
                continue
            self.add_word(tok, s_words == 0)
            s_words += 1
            s_syllables += tok.syllables
        if s_words:
            self.sentences += 1
            self.syllables += s_syllables
            row = self.per_paragraph.setdefault(paragraph, [0, 0, 0])
            row[0] += 1
            row[1] += s_words
            row[2] += s_syllables

    def unfamiliar_by_the_rules(self) -> tuple[int, int]:
        """Unfamiliar words by the published rules, and the names counted as familiar.

        Names of persons and places are familiar (Dale & Chall 1948). Without a parser a
        name is a word that is capitalised every time it occurs and at least once where
        capitals are not forced (inside a sentence). Places and people pass; so do
        organisations, which the rule does not name.
        """
        names = self.name_candidates - self.lower_case_forms
        unfamiliar = familiar_names = 0
        for tok in self.seen:
            if tok.familiar_rules:
                continue
            if tok.capitalised and tok.word.lower() in names:
                familiar_names += 1
            else:
                unfamiliar += 1
        return unfamiliar, familiar_names


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
    t = _Tally()
    for sentence in doc.sentences:
        t.add_sentence(doc.normalized[sentence.start:sentence.end].split(), sentence.paragraph,
                       words_path)
    unfamiliar, familiar_names = t.unfamiliar_by_the_rules()
    counts = ReadabilityCounts(
        sentences=t.sentences,
        paragraphs=len(t.per_paragraph),
        words=t.words,
        tokens=t.tokens,
        syllables=t.syllables,
        letters=t.letters,
        characters=t.characters,
        polysyllabic_words=t.polysyllabic,
        complex_words=t.complex_,
        difficult_words=len(t.difficult),
        long_words=t.long_,
        unfamiliar_words_textstat=t.unfamiliar_ts,
        unfamiliar_words=unfamiliar,
        familiar_names=familiar_names,
        linsear_easy_words=t.linsear_easy,
        linsear_hard_words=t.linsear_hard,
        linsear_sentences=t.linsear_sentences,
    )
    paragraphs = tuple((i, *row) for i, row in sorted(t.per_paragraph.items()))
    return counts, paragraphs
