"""The document: a text with its paragraphs and sentences, all offsets into one string.

Further layers (quotation marks normalised, codebook term hits, and whatever an extractor
shares with the families) are computed on first use and kept on the document, so every
family that needs one reads the same result and nothing is worked out twice.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any

from .normalize import normalize_quotes

__all__ = ["Document", "Paragraph", "Sentence"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: a block of text between blank lines (or a single line)."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Sentence:
    """A sentence, with the index of the paragraph that holds it."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """A segmented text. All offsets index into :attr:`text`."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    @cached_property
    def normalized(self) -> str:
        """:attr:`text` with quotes normalised (:func:`normalize_quotes`), computed once.

        Of the same length as :attr:`text`, so every offset holds:
        ``doc.normalized[s.start:s.end]`` is sentence ``s`` normalised.
        """
        return normalize_quotes(self.text)

    def layer(self, key: Hashable, build: Callable[[Document], Any]) -> Any:
        """A layer of this document, computed by ``build(self)`` on first use, then kept.

        Parameters
        ----------
        key : hashable
            Names the layer and what it depends on, e.g. ``("codebook.places", path)``:
            two families asking for the same key share one result.
        build : callable
            ``build(document) -> layer``; run once per document and key.

        Returns
        -------
        object
            The layer. Treat it as read-only: it is shared.
        """
        cache = self.__dict__.setdefault("_layers", {})
        if key not in cache:
            cache[key] = build(self)
        return cache[key]

    def sentences_in(self, paragraph: int) -> tuple[Sentence, ...]:
        """Return the sentences of one paragraph, in order."""
        return tuple(s for s in self.sentences if s.paragraph == paragraph)

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing character ``offset``, or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None
