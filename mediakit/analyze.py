"""The one analysis step: run every metric family over an article, build the record.

Every output path (``mediakit analyze``, the report notebook, corpus tables, Dask)
goes through :class:`Analyzer`, so the numbers are the same everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from .articles import DEFAULT_MAX_BYTES, Article, LoadOptions, article_from_text
from .civilian import civilian_voice
from .codebook import load_codebook
from .errors import ParameterError
from .framing import framing_metrics
from .provenance import provenance
from .readability import readability
from .sentiment import DEFAULT_NEGATIVE_THRESHOLD, DEFAULT_POSITIVE_THRESHOLD, sentiment
from .sources import analyze_sources
from .text import segment

__all__ = ["SCHEMA_VERSION", "Analyzer", "ArticleMetrics", "analyze"]

# Bump when a key of the metrics file is renamed, removed or changes meaning.
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class ArticleMetrics:
    """All metrics of one article; ``to_dict()`` is the metrics-file layout.

    Attributes
    ----------
    article : dict
        ``id, title, outlet, date, author, url, sha256, source_path, words,
        paragraphs, sentences, clutter_removed`` (a count) and ``clutter_lines``.
    readability, sentiment : dict
        The metric families (see ``docs/metrics.md``).
    provenance : dict
        Versions, parameters and the input's SHA-256.
    families : dict
        Further families by name (``sources``, ``civilian_voice``, ``framing``).
    """

    article: dict
    readability: dict
    sentiment: dict
    provenance: dict
    families: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The metrics-file object: top-level keys are stable and documented."""
        record = {
            "schema_version": SCHEMA_VERSION,
            "article": self.article,
            "readability": self.readability,
            "sentiment": self.sentiment,
            "provenance": self.provenance,
        }
        record.update(self.families)
        return record


class Analyzer:
    """A configured analysis (scikit-learn style: parameters stored as given,
    validated when it runs; :meth:`get_params` is the provenance record).

    Parameters
    ----------
    positive_threshold, negative_threshold : float
        VADER compound cut-offs for sentence labels.
    codebook : str or None
        Path of a codebook YAML file; None uses the packaged one.
    clutter_path : str or None
        Path of a clutter-pattern file; None uses the packaged one.
    max_bytes : int
        Largest article accepted.
    """

    def __init__(self, positive_threshold: float = DEFAULT_POSITIVE_THRESHOLD,
                 negative_threshold: float = DEFAULT_NEGATIVE_THRESHOLD,
                 codebook: str | None = None, clutter_path: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES):
        self.positive_threshold = positive_threshold
        self.negative_threshold = negative_threshold
        self.codebook = codebook
        self.clutter_path = clutter_path
        self.max_bytes = max_bytes

    _PARAM_NAMES = ("positive_threshold", "negative_threshold", "codebook", "clutter_path",
                    "max_bytes")

    def get_params(self) -> dict:
        """The parameters as given (JSON-ready)."""
        return {name: getattr(self, name) for name in self._PARAM_NAMES}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"Analyzer({args})"

    def validate(self) -> None:
        """Check the parameters; raise :class:`ParameterError` naming the bad one."""
        for name in ("positive_threshold", "negative_threshold"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not math.isfinite(value) or not -1 <= value <= 1:
                raise ParameterError(None, f"{name} must be a number in [-1, 1], got {value!r}")
        if not self.negative_threshold < self.positive_threshold:
            raise ParameterError(None, "negative_threshold must be below positive_threshold")
        for name in ("codebook", "clutter_path"):
            value = getattr(self, name)
            if value is not None and not Path(value).is_file():
                # A named pipe or device would block or never end: refused unopened.
                what = "not a regular file" if Path(value).exists() else "no such file"
                raise ParameterError(value, f"{name}: {what}")
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int) \
                or self.max_bytes <= 0:
            raise ParameterError(None, f"max_bytes must be a positive integer, got "
                                 f"{self.max_bytes!r}")

    def load_options(self) -> LoadOptions:
        """Loader options implied by these parameters."""
        return LoadOptions(max_bytes=self.max_bytes, clutter_path=self.clutter_path)

    def analyze(self, article: Article | str) -> ArticleMetrics:
        """Analyse one article (or a bare text).

        Parameters
        ----------
        article : Article or str
            An article, or a text (then its id is ``text``).

        Returns
        -------
        ArticleMetrics
        """
        self.validate()
        if isinstance(article, str):
            article = article_from_text(article, options=self.load_options())
        codebook = load_codebook(self.codebook)
        doc = segment(article.body)
        read = readability(doc)
        sent = sentiment(doc, positive_threshold=self.positive_threshold,
                         negative_threshold=self.negative_threshold)
        sources = analyze_sources(doc, codebook=codebook)
        civilian = civilian_voice(doc, sources)
        framing = framing_metrics(doc, [s.compound for s in sent.sentences],
                                  codebook.side_terms)
        info = {
            "id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "date": article.date,
            "author": article.author,
            "url": article.url,
            "sha256": article.sha256,
            "source_path": article.source_path,
            "row": article.row,
            "words": read.counts.words,
            "paragraphs": len(doc.paragraphs),
            "sentences": len(doc.sentences),
            "clutter_removed": len(article.clutter),
            "clutter_lines": [{"line": c.line, "text": c.text} for c in article.clutter],
            "warnings": list(article.warnings),
        }
        return ArticleMetrics(
            article=info,
            readability=read.to_dict(),
            sentiment=sent.to_dict(),
            provenance=provenance(self.get_params(), article.sha256),
            families={"sources": sources.to_dict(), "civilian_voice": civilian.to_dict(),
                      "framing": framing.to_dict()},
        )


def analyze(article: Article | str, analyzer: Analyzer | None = None, **params) -> ArticleMetrics:
    """Analyse one article or text with every metric family.

    Parameters
    ----------
    article : Article or str
        An :class:`~mediakit.articles.Article` or a bare text.
    analyzer : Analyzer, optional
        A configured analysis; otherwise one is made from ``params``.
    **params
        Parameters of :class:`Analyzer` (e.g. ``positive_threshold=0.1``).

    Returns
    -------
    ArticleMetrics
        Use ``.to_dict()`` for the metrics-file layout.
    """
    if analyzer is not None and params:
        raise TypeError("pass either an analyzer or parameters, not both")
    analyzer = analyzer or Analyzer(**params)
    return analyzer.analyze(article)

