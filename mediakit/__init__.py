"""mediakit: reproducible analysis of news articles.

Readability, sentiment, who speaks, civilian voice and harm framing, per article and
across corpora. The public API is re-exported here; see ``docs/`` for the metrics.

The package is laid out by layer (``docs/architecture.md``): ``mediakit.text`` (the
document and its units), ``mediakit.extract`` (who speaks), ``mediakit.metrics`` (one
module per family, and their registry), ``mediakit.io`` (loaders, writers),
``mediakit.run`` (analyzer, corpus, reports) and ``mediakit.cli``. ``mediakit.readability``
and ``mediakit.sentiment`` are the functions; their modules are
``mediakit.metrics.readability`` and ``mediakit.metrics.sentiment``.
"""

__version__ = "0.1.0"

from .codebook import Codebook, load_codebook  # noqa: E402
from .errors import ArticleError, CodebookError, MediakitError, ParameterError  # noqa: E402
from .io.articles import (  # noqa: E402
    Article,
    Columns,
    LoadOptions,
    article_from_text,
    iter_articles,
    load_articles,
)
from .metrics.civilian import civilian_voice  # noqa: E402
from .metrics.framing import framing_metrics  # noqa: E402
from .metrics.readability import readability  # noqa: E402
from .metrics.sentiment import sentiment  # noqa: E402
from .metrics.sources import analyze_sources  # noqa: E402
from .run.analyzer import Analyzer, ArticleMetrics, analyze  # noqa: E402
from .text import Document, segment  # noqa: E402

__all__ = [
    "Analyzer",
    "Article",
    "Codebook",
    "ArticleError",
    "ArticleMetrics",
    "CodebookError",
    "Columns",
    "Document",
    "LoadOptions",
    "MediakitError",
    "ParameterError",
    "__version__",
    "analyze",
    "agreement",
    "analyze_frame",
    "analyze_sources",
    "article_from_text",
    "civilian_voice",
    "framing_metrics",
    "iter_articles",
    "load_articles",
    "load_codebook",
    "readability",
    "segment",
    "sentiment",
    "show",
]


def __getattr__(name: str):
    # pandas costs a noticeable share of start-up: `analyze_frame` (and with it pandas) is
    # imported on first use only (PEP 562).
    if name == "analyze_frame":
        from .run.frame import analyze_frame

        return analyze_frame
    if name == "show":
        from .run.article_view import show

        return show
    if name == "agreement":  # pandas and krippendorff, on first use
        from .coding.agreement import agreement

        return agreement
    raise AttributeError(f"module 'mediakit' has no attribute {name!r}")
