"""mediakit: reproducible analysis of news articles.

Readability, sentiment, who speaks, civilian voice and harm framing, per article and
across corpora. The public API is re-exported here; see ``docs/`` for the metrics.
"""

from .articles import Article, Columns, LoadOptions, article_from_text, iter_articles, load_articles
from .errors import ArticleError, CodebookError, MediakitError, ParameterError
from .text import Document, segment

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "CodebookError",
    "Columns",
    "Document",
    "LoadOptions",
    "MediakitError",
    "ParameterError",
    "__version__",
    "article_from_text",
    "iter_articles",
    "load_articles",
    "segment",
]
