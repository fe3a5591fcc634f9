"""The one analysis step: run every metric family over an article, build the record.

Every output path (``mediakit analyze``, the report notebook, corpus tables, Dask)
goes through :class:`Analyzer`, so the numbers are the same everywhere.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field, replace

from ..codebook import load_codebook
from ..io.articles import Article, LoadOptions, article_from_text
from ..metrics.integrity import text_without
from ..metrics.registry import (
    FIXED_DATA_FILES,
    FamilyInput,
    all_parameters,
    families,
    family,
)
from ..provenance import data_file_record, provenance
from ..text import segment

__all__ = ["SCHEMA_VERSION", "Analyzer", "ArticleMetrics", "analyze"]

# Bump when a key of the metrics file is renamed, removed or changes meaning.
# 2.0: every ``paragraph`` number (and ``first_paragraph``, ``paragraphs``) counts from 1.
SCHEMA_VERSION = "2.0"


@dataclass(frozen=True)
class ArticleMetrics:
    """All metrics of one article; ``to_dict()`` is the metrics-file layout.

    Attributes
    ----------
    article : dict
        ``id, title, outlet, date, author, url, sha256, source_path, words,
        paragraphs, sentences, clutter_removed`` (a count) and ``clutter_lines``;
        ``boilerplate_removed`` and ``boilerplate_blocks`` for a web page's removed blocks.
    provenance : dict
        Versions, parameters, data files and the input's SHA-256.
    families : dict
        Each registered family's output by name (``readability``, ``sentiment``,
        ``sources``, ``civilian_voice``, ``framing``; see
        :mod:`mediakit.metrics.registry`).
    """

    article: dict
    provenance: dict
    families: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The metrics-file object: top-level keys are stable and documented."""
        record = {
            "schema_version": SCHEMA_VERSION,
            "article": self.article,
            "provenance": self.provenance,
        }
        record.update(self.families)
        return record


class Analyzer:
    """A configured analysis (scikit-learn style: parameters stored as given,
    validated when it runs; :meth:`get_params` is the provenance record).

    The parameters are declared once, in :mod:`mediakit.metrics.registry`: the
    document's (``codebook``, ``clutter_path``, ``max_bytes``) and each registered
    family's (e.g. ``positive_threshold``, ``harm_lexicon``). ``inspect.signature``
    lists them with their defaults
    (the declarations: :func:`~mediakit.metrics.registry.all_parameters`).

    Raises
    ------
    TypeError
        For a keyword that is no declared parameter (as a Python signature would).
    """

    def __init__(self, **params):
        declared = {p.name for p in all_parameters()}
        for name in params:
            if name not in declared:
                raise TypeError(f"Analyzer() got an unexpected keyword argument {name!r}")
        for p in all_parameters():
            setattr(self, p.name, params.get(p.name, p.default))

    def get_params(self) -> dict:
        """The parameters as given (JSON-ready), in declaration order."""
        return {p.name: getattr(self, p.name) for p in all_parameters()}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"Analyzer({args})"

    def validate(self) -> None:
        """Check the parameters; raise :class:`ParameterError` naming the bad one."""
        params = self.get_params()
        for p in all_parameters():
            p.validate(params[p.name])
        for fam in families():
            if fam.validate is not None:
                fam.validate(params)

    def load_options(self) -> LoadOptions:
        """Loader options implied by these parameters."""
        return LoadOptions(max_bytes=self.max_bytes, clutter_path=self.clutter_path)

    def analyze(self, article: Article | str) -> ArticleMetrics:
        """Analyse one article (or a bare text) with every registered family.

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
        params = self.get_params()
        codebook = load_codebook(self.codebook)
        # Measured on the text as given, clutter lines blanked: offsets in the record
        # index the text given to analyze (Article.measured_text).
        doc = segment(article.measured_text)
        meta = dict(article.extra)
        results: dict = {}
        if params.get("exclude_flagged"):
            # Integrity reads the whole text; every other family the text without the
            # sentences it flags.
            flagged = family("integrity").compute(FamilyInput(doc, params, results, codebook,
                                                              meta))
            results["integrity"] = replace(flagged, excluded_from_metrics=True)
            doc = segment(text_without(doc, flagged.flagged_indices))
        for fam in families():
            if fam.name not in results:
                results[fam.name] = fam.compute(FamilyInput(doc, params, results, codebook,
                                                            meta))
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
            "words": results["readability"].counts.words,
            "paragraphs": len(doc.paragraphs),
            "sentences": len(doc.sentences),
            "clutter_removed": len(article.clutter),
            "clutter_lines": [{"line": c.line, "text": c.text} for c in article.clutter],
            "boilerplate_removed": len(article.boilerplate),
            "boilerplate_blocks": list(article.boilerplate),
            "warnings": list(article.warnings),
        }
        return ArticleMetrics(
            article=info,
            provenance=provenance(params, article.sha256,
                                  data_files=data_file_record(all_parameters(), params,
                                                               FIXED_DATA_FILES)),
            families={name: result.to_dict() for name, result in results.items()},
        )


Analyzer.__signature__ = inspect.Signature([
    inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=p.default,
                      annotation=f"{p.type.__name__} | None" if p.optional else p.type.__name__)
    for p in all_parameters()])


def analyze(article: Article | str, analyzer: Analyzer | None = None, **params) -> ArticleMetrics:
    """Analyse one article or text with every metric family.

    Parameters
    ----------
    article : Article or str
        An :class:`~mediakit.io.articles.Article` or a bare text.
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

