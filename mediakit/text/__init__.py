"""Text units: the document, its paragraphs, sentences and word tokens, with offsets.

Knows nothing of metrics or reports. :func:`segment` makes the :class:`Document` every
metric family reads.
"""

from .document import Document, Paragraph, Sentence
from .normalize import normalize_quotes
from .segmentation import segment, split_paragraphs, split_sentences
from .tokens import word_tokens

__all__ = [
    "Document",
    "Paragraph",
    "Sentence",
    "normalize_quotes",
    "segment",
    "split_paragraphs",
    "split_sentences",
    "word_tokens",
]
