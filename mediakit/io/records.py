"""Article records: the dataclasses of loading, ids, clutter removal and the one
function every loader ends in (:func:`build_article`).

The loaders (:mod:`mediakit.io.loaders`) and the public entry points
(:mod:`mediakit.io.articles`) both build on this module; it imports neither.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import ArticleError

__all__ = [
    "Article",
    "ClutterLine",
    "Columns",
    "LoadFailure",
    "LoadOptions",
    "LoadedArticles",
    "MissingTextError",
    "blank_clutter",
    "clean_body",
    "load_clutter_patterns",
    "missing_text",
    "slugify",
]

DEFAULT_MAX_BYTES = 5_000_000

@dataclass(frozen=True)
class ClutterLine:
    """A line removed from the body as web clutter (1-based line number in the body)."""

    line: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news article.

    Attributes
    ----------
    id : str
        Stable, file-system-safe slug (``[a-z0-9-]``), unique within one load.
    title, outlet, date, author, url : str or None
        Metadata, when known. ``date`` is an ISO 8601 string.
    body : str
        The text that is measured: the raw body with clutter lines removed.
    raw_body : str
        The body as read, clutter included.
    clutter : tuple of ClutterLine
        The lines removed from ``raw_body``.
    source_path : str or None
        The file the article came from.
    sha256 : str
        SHA-256 of the raw bytes of the file (or of the row, for JSONL and CSV).
    row : int or None
        Line (JSONL) or row (CSV, header = 1) within a multi-article file.
    warnings : tuple of str
        Problems that did not stop loading (e.g. a non-UTF-8 encoding).
    source_id : str or None
        The id exactly as the input gave it (the id field of a JSON, JSONL, CSV or
        Parquet record, ``id`` in Markdown front matter), before it was made safe for
        file names; None when the input gave none.
    extra : tuple of (str, value) pairs
        The record's other fields (those no :class:`Columns` name points at, and not
        the text), in input order, values as read: what a corpus table carries as
        ``meta_<name>`` columns.
    boilerplate : tuple of str
        For a web page: the page's blocks of text that are not the article
        (navigation, notices, embeds, comments), as removed by :mod:`mediakit.io.html`.
    """

    id: str
    title: str | None
    outlet: str | None
    date: str | None
    author: str | None
    url: str | None
    body: str
    raw_body: str
    clutter: tuple[ClutterLine, ...] = ()
    source_path: str | None = None
    sha256: str = ""
    row: int | None = None
    warnings: tuple[str, ...] = ()
    source_id: str | None = None
    extra: tuple[tuple[str, object], ...] = ()
    boilerplate: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """Plain-data copy of the record."""
        return asdict(self)

    @property
    def measured_text(self) -> str:
        """The text the analysis measures, with the geometry of ``raw_body``.

        ``raw_body`` with each removed clutter line, and the line break after it, turned
        into spaces: the same length as ``raw_body``, so every offset in a metrics record
        indexes ``raw_body`` too (``raw_body[start:end]`` is the span as given). Segmented,
        it gives the same paragraphs and sentences as :attr:`body`.
        """
        return blank_clutter(self.raw_body, self.clutter)


def blank_clutter(raw_body: str, clutter: tuple[ClutterLine, ...]) -> str:
    """``raw_body`` with the clutter lines (and their line breaks) as spaces, and lines of
    white space other than spaces and tabs (a no-break space) as plain spaces.

    Parameters
    ----------
    raw_body : str
        The body as read.
    clutter : tuple of ClutterLine
        The lines :func:`clean_body` removed (1-based line numbers).

    Returns
    -------
    str
        A text of the same length as ``raw_body``.

    Examples
    --------
    >>> blank_clutter("A.\nREAD MORE\nB.", (ClutterLine(2, "READ MORE"),))
    'A.\n          B.'
    """
    numbers = {c.line for c in clutter}
    parts = []
    changed = False
    for number, line in enumerate(raw_body.splitlines(keepends=True), start=1):
        if number in numbers:
            parts.append(" " * len(line))
            changed = True
            continue
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if content and not content.strip() and content.strip(" \t") != "":
            # A line of other white space (a no-break space) is a blank line, as
            # clean_body reads it: plain spaces keep it one for the segmenter.
            parts.append(" " * len(content) + line[len(content):])
            changed = True
            continue
        parts.append(line)
    return "".join(parts) if changed else raw_body


@dataclass(frozen=True)
class LoadFailure:
    """An article that could not be loaded: which file (and row), and why.

    ``fields`` is set when the problem is that the text field is missing: the fields
    (or CSV/Parquet columns) the record has, so a caller can say which exist.
    """

    path: str
    problem: str
    row: int | None = None
    fields: tuple[str, ...] | None = None

    @property
    def message(self) -> str:
        return ArticleError(self.path, self.problem, self.row).message

    def to_error(self) -> ArticleError:
        return ArticleError(self.path, self.problem, self.row)


@dataclass(frozen=True)
class Columns:
    """Names of the fields of JSON, JSONL, CSV and Parquet inputs.

    ``html``, when set, names a field holding a saved web page: its main text (extracted
    as for an ``.html`` file) is the article, and its metadata fills the fields the
    record leaves empty.
    """

    text: str = "body"
    title: str = "title"
    outlet: str = "outlet"
    date: str = "date"
    author: str = "author"
    url: str = "url"
    id: str = "id"
    html: str | None = None


@dataclass(frozen=True)
class LoadOptions:
    """How articles are read.

    Attributes
    ----------
    columns : Columns
        Field names for JSON, JSONL and CSV inputs.
    max_bytes : int
        Largest article accepted (a whole file for .txt/.md/.json, one row's text
        for .jsonl/.csv).
    clutter_path : str or None
        A clutter-pattern file to use instead of the packaged one.
    """

    columns: Columns = field(default_factory=Columns)
    max_bytes: int = DEFAULT_MAX_BYTES
    clutter_path: str | None = None


class MissingTextError(ArticleError):
    """The record (or the header) has no field of the text column's name.

    Attributes
    ----------
    fields : tuple of str
        The fields it has.
    """

    def __init__(self, path, problem: str, row=None, fields=()):
        super().__init__(path, problem, row)
        self.fields = tuple(fields)

    def __reduce__(self):
        return (self.__class__, (self.path, self.problem, self.row, self.fields))


def missing_text(path, columns: Columns, fields, row=None, kind: str = "field",
                 every: bool = False) -> MissingTextError:
    """The error for a record or header without the text field, naming what it has
    (``every``: for a whole input none of whose records has it)."""
    fields = tuple(str(f) for f in fields)
    name, what_in, option = ((columns.html, "page", "--html-column") if columns.html
                             else (columns.text, "text", "--text-column"))
    if every:
        what, found = f"no record has the '{name}' {kind}", f"{kind}s found"
    else:
        what, found = f"no '{name}' {kind}", f"{kind}s are"
    found = f"{found}: {', '.join(fields)}" if fields else f"there are no {kind}s"
    return MissingTextError(path, f"{what} ({found}; name the {what_in} {kind} with "
                            f"{option})", row, fields)


def _failure(exc: ArticleError, path, row) -> LoadFailure:
    return LoadFailure(str(path), exc.problem, row, getattr(exc, "fields", None))


class LoadedArticles(list):
    """A list of articles that also carries the failures met while loading."""

    def __init__(self, articles=(), failures=()):
        super().__init__(articles)
        self.failures: list[LoadFailure] = list(failures)


# --------------------------------------------------------------------------- ids


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(name: str, fallback: str = "article", max_length: int = 80) -> str:
    """Make a safe identifier: lower-case ASCII letters, digits and hyphens.

    The result never contains a path separator or ``..``, so ``out / f"{id}.json"``
    stays inside ``out``.

    Parameters
    ----------
    name : str
        A file stem, a title or a user-given id.
    fallback : str
        Used when nothing safe is left.
    max_length : int
        Longest slug returned.

    Returns
    -------
    str
    """
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    slug = _SLUG_DROP.sub("-", ascii_name.lower()).strip("-")[:max_length].strip("-")
    return slug or fallback


def _unique(ids: dict[str, int], slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3``, ... if taken: never an id given out before,
    also when an input's own id looks like a made one (``a``, ``a-2``, ``a``)."""
    n = ids.get(slug, 0) + 1
    ids[slug] = n
    if n == 1:
        return slug
    while f"{slug}-{n}" in ids:
        n += 1
    ids[slug] = n
    ids[f"{slug}-{n}"] = 1
    return f"{slug}-{n}"


# ----------------------------------------------------------------------- clutter


@lru_cache(maxsize=8)
def load_clutter_patterns(path: str | None = None) -> tuple[re.Pattern, ...]:
    """Read clutter patterns (one regular expression a line, ``#`` comments).

    Parameters
    ----------
    path : str or None
        A pattern file; None reads the packaged ``mediakit/data/clutter.txt``.

    Returns
    -------
    tuple of re.Pattern
        Case-insensitive patterns matched against whole stripped lines.
    """
    if path is None:
        raw = resources.files("mediakit.data").joinpath("clutter.txt").read_text("utf-8")
        source = "mediakit/data/clutter.txt"
    else:
        source = path
        try:
            raw = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ArticleError(path, f"cannot read clutter file ({exc.strerror})") from None
    patterns = []
    for number, line in enumerate(raw.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            patterns.append(re.compile(line, re.IGNORECASE))
        except re.error as exc:
            raise ArticleError(source, f"bad clutter pattern ({exc})", number) from None
    return tuple(patterns)


def clean_body(raw_body: str, patterns: tuple[re.Pattern, ...] | None = None
               ) -> tuple[str, tuple[ClutterLine, ...]]:
    """Remove web-clutter lines from a body and say which.

    Parameters
    ----------
    raw_body : str
        The body as read.
    patterns : tuple of re.Pattern, optional
        Clutter patterns; default :func:`load_clutter_patterns`.

    Returns
    -------
    body : str
        The body without clutter lines (runs of blank lines left behind are
        folded to one, and the ends stripped).
    removed : tuple of ClutterLine
        The removed lines with their 1-based line numbers in ``raw_body``.
    """
    patterns = load_clutter_patterns() if patterns is None else patterns
    kept, removed = [], []
    for number, line in enumerate(raw_body.splitlines(), start=1):
        stripped = line.strip()
        if stripped and any(p.fullmatch(stripped) for p in patterns):
            removed.append(ClutterLine(number, stripped))
        else:
            kept.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return body, tuple(removed)


def _iso_date(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value).strip() or None


def _text_field(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    text = str(value).strip()
    return text or None


def _build(*, slug, title, outlet, date_, author, url, raw_body, path, sha, row, warns,
           patterns, max_bytes, source_id=None, extra=(), boilerplate=()):
    if not isinstance(raw_body, str):
        raise ArticleError(path, f"article text is {type(raw_body).__name__}, not text", row)
    if len(raw_body.encode("utf-8")) > max_bytes:
        raise ArticleError(path, f"article text is larger than the limit of {max_bytes} bytes "
                           "(raise max_bytes to accept it)", row)
    if not raw_body.strip():
        raise ArticleError(path, "article text is empty", row)
    body, clutter = clean_body(raw_body, patterns)
    if not body.strip():
        raise ArticleError(path, "article text is empty once web clutter is removed", row)
    return Article(
        id=slug, title=_text_field(title), outlet=_text_field(outlet), date=_iso_date(date_),
        author=_text_field(author), url=_text_field(url), body=body, raw_body=raw_body,
        clutter=clutter, source_path=path, sha256=sha, row=row, warnings=tuple(warns),
        source_id=source_id, extra=tuple(extra), boilerplate=tuple(boilerplate),
    )



def _given_id(value) -> str | None:
    """An id as the input gave it (None when it gave none, or an empty one)."""
    if value is None or _text_field(value) is None:
        return None
    return value if isinstance(value, str) else str(value)


def _extra(record: dict, cols: Columns) -> tuple:
    named = set(asdict(cols).values())
    return tuple((str(k), v) for k, v in record.items() if k not in named)



def _record_slug(record, cols: Columns, fallback: str) -> str:
    if isinstance(record, dict) and _text_field(record.get(cols.id)):
        return slugify(str(record[cols.id]), fallback=fallback)
    return fallback

