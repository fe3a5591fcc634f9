"""The loaders: one :class:`Loader` per input format, registered by file suffix.

A new format is one :func:`register_loader` call (see ``docs/architecture.md``, "How to
add a loader"). :func:`mediakit.io.articles.iter_articles` looks a file's suffix up in
:data:`LOADERS`; :func:`mediakit.io.articles.article_at_row` uses a loader's ``at_row``,
for formats whose rows a report can address.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..errors import ArticleError
from .decoding import _decode, _jsonl_lines, _read_bytes, _stream_encoding
from .html import HTML_SUFFIXES, extract_page
from .records import (
    Article,
    Columns,
    LoadFailure,
    LoadOptions,
    _build,
    _extra,
    _failure,
    _given_id,
    _record_slug,
    _unique,
    load_clutter_patterns,
    missing_text,
    slugify,
)

__all__ = ["LOADERS", "Loader", "article_suffixes", "loader_for", "register_loader"]

#: ``iter(path, options, ids)``: the articles (or failures) of one file, ids made unique
#: against ``ids``. It may raise :class:`~mediakit.errors.ArticleError` for the whole file.
LoaderFn = Callable[[Path, LoadOptions, dict], Iterator[Article | LoadFailure]]
#: ``at_row(path, row, options)``: the article at one row (its own id), or None.
RowFn = Callable[[Path, int, LoadOptions], "Article | LoadFailure | None"]


@dataclass(frozen=True)
class Loader:
    """How one input format is read.

    Attributes
    ----------
    name : str
        The format's name, for messages and docs.
    suffixes : tuple of str
        Lower-case file suffixes, with the dot (``".txt"``).
    iter : callable
        ``iter(path, options, ids)`` yields each :class:`Article` or
        :class:`LoadFailure` of the file; ``ids`` is shared across a folder.
    at_row : callable or None
        ``at_row(path, row, options)``: the article at one row, for multi-article
        formats whose rows a report can address; None for the others.
    """

    name: str
    suffixes: tuple[str, ...]
    iter: LoaderFn
    at_row: RowFn | None = None

    @property
    def addressable(self) -> bool:
        """Whether a single row can be read (:func:`~mediakit.io.articles.article_at_row`)."""
        return self.at_row is not None


#: Loaders by suffix, in registration order.
LOADERS: dict[str, Loader] = {}


def register_loader(loader: Loader) -> Loader:
    """Register ``loader`` under each of its suffixes (a later one replaces an earlier).

    Parameters
    ----------
    loader : Loader

    Returns
    -------
    Loader
        ``loader``, so a module can write ``HTML = register_loader(Loader(...))``.
    """
    for suffix in loader.suffixes:
        if not (suffix.startswith(".") and suffix == suffix.lower()):
            raise ValueError(f"a loader suffix is lower case with its dot: {suffix!r}")
        LOADERS[suffix] = loader
    return loader


def article_suffixes() -> tuple[str, ...]:
    """The suffixes of every registered loader, in registration order."""
    return tuple(LOADERS)


def loader_for(path: Path) -> Loader:
    """The loader for ``path``'s suffix.

    Raises
    ------
    ArticleError
        ``unsupported file type '.xyz' (expected one of ...)``.
    """
    suffix = path.suffix.lower()
    try:
        return LOADERS[suffix]
    except KeyError:
        raise ArticleError(path, f"unsupported file type '{suffix}' "
                           f"(expected one of {', '.join(article_suffixes())})") from None


# ----------------------------------------------------------------------- formats


_TITLE_OUTLET = re.compile(r"^(?P<title>.+?)\s+[\u2013\u2014|]\s+(?P<outlet>[^\u2013\u2014|]+)$")


def _from_txt(path: Path, text: str, common: dict, cols: Columns) -> Article:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ArticleError(path, "article text is empty")
    if not any(line.strip() for line in lines[first + 1:]):
        raise ArticleError(path, "only a title line, no body (the first line of a .txt "
                           "file is its title)")
    heading = lines[first].strip()
    m = _TITLE_OUTLET.match(heading)
    title, outlet = (m.group("title"), m.group("outlet")) if m else (heading, None)
    raw_body = "\n".join(lines[first + 1:]).strip("\n")
    return _build(title=title, outlet=outlet, date_=None, author=None, url=None,
                  raw_body=raw_body, **common)


def _front_matter(path: Path, text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    if lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            header = "".join(lines[1:i])
            body = "".join(lines[i + 1:])
            break
    else:
        raise ArticleError(path, "front matter opened with '---' is never closed", 1)
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for '---'
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ArticleError(path, f"malformed front matter: {problem}", line) from None
    if not isinstance(meta, dict):
        raise ArticleError(path, "front matter is not a mapping of keys to values", 2)
    return meta, body


def _from_md(path: Path, text: str, common: dict, cols: Columns) -> Article:
    meta, body = _front_matter(path, text)
    if meta.get(cols.id) is not None:
        common["slug"] = slugify(str(meta[cols.id]))
    common.update(source_id=_given_id(meta.get(cols.id)), extra=_extra(meta, cols))
    title = meta.get(cols.title)
    if title is None:  # a leading Markdown heading is the title
        m = re.match(r"\s*#\s+(.+)\n", body)
        if m:
            title, body = m.group(1), body[m.end():]
    return _build(title=title, outlet=meta.get(cols.outlet), date_=meta.get(cols.date),
                  author=meta.get(cols.author), url=meta.get(cols.url),
                  raw_body=body.strip("\n"), **common)

def _from_mapping(record: dict, common: dict, cols: Columns) -> Article:
    path, row = common["path"], common["row"]
    if not isinstance(record, dict):
        raise ArticleError(path, "expected an object with the article's fields", row)
    if cols.html is not None:
        return _from_html_field(record, common, cols)
    if cols.text not in record:
        raise missing_text(path, cols, record, row)
    return _build(source_id=_given_id(record.get(cols.id)), extra=_extra(record, cols),
                  title=record.get(cols.title), outlet=record.get(cols.outlet),
                  date_=record.get(cols.date), author=record.get(cols.author),
                  url=record.get(cols.url), raw_body=record.get(cols.text), **common)


def _from_html_field(record: dict, common: dict, cols: Columns) -> Article:
    """A record whose ``cols.html`` field is a saved page: its main text is the article;
    the record's own metadata wins over the page's."""
    path, row = common["path"], common["row"]
    if cols.html not in record:
        raise missing_text(path, cols, record, row)
    html = record[cols.html]
    if not isinstance(html, str):
        raise ArticleError(path, f"the '{cols.html}' field is "
                           f"{type(html).__name__}, not a web page", row)
    page = extract_page(html, path, row)
    meta = {k: record.get(getattr(cols, k)) for k in ("title", "outlet", "date", "author",
                                                       "url")}
    return _build(source_id=_given_id(record.get(cols.id)), extra=_extra(record, cols),
                  **{("date_" if k == "date" else k): v if v not in (None, "")
                     else getattr(page, k) for k, v in meta.items()},
                  raw_body=page.body, boilerplate=page.boilerplate,
                  **{**common, "warns": (*common["warns"], *page.warnings)})


def _whole_file(parse: Callable[[Path, str, dict, Columns], Article]) -> LoaderFn:
    """A loader for a file that is one article: read (within the size limit), hashed,
    decoded, then ``parse(path, text, common, columns)``."""

    def iter_file(path: Path, options: LoadOptions, ids: dict[str, int]
                  ) -> Iterator[Article | LoadFailure]:
        data = _read_bytes(path, options.max_bytes)
        text, warns = _decode(data, str(path))
        if not text.strip():
            raise ArticleError(path, "file is empty")
        common = dict(slug=slugify(path.stem), path=str(path),
                      sha=hashlib.sha256(data).hexdigest(), row=None, warns=warns,
                      patterns=load_clutter_patterns(options.clutter_path),
                      max_bytes=options.max_bytes)
        article = parse(path, text, common, options.columns)
        yield replace(article, id=_unique(ids, article.id))

    return iter_file


def _from_json(path: Path, text: str, common: dict, cols: Columns) -> Article:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(path, f"malformed JSON: {exc.msg}", exc.lineno) from None
    common["slug"] = _record_slug(record, cols, common["slug"])
    return _from_mapping(record, common, cols)


def _jsonl_article(path, number, raw, options, patterns, stem) -> Article:
    """The article on one line of a .jsonl file (its id not yet made unique)."""
    text, warns = _decode(raw, f"{path}, line {number}")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(path, f"malformed JSON: {exc.msg}", number) from None
    slug = _record_slug(record, options.columns, f"{stem}-{number}")
    common = dict(slug=slug, path=str(path), sha=hashlib.sha256(raw.rstrip(b"\r\n"))
                  .hexdigest(), row=number, warns=warns, patterns=patterns,
                  max_bytes=options.max_bytes)
    return _from_mapping(record, common, options.columns)


def _iter_jsonl(path, options, ids, patterns, stem):
    for number, raw in _jsonl_lines(path):
        try:
            article = _jsonl_article(path, number, raw, options, patterns, stem)
            yield replace(article, id=_unique(ids, article.id))
        except ArticleError as exc:
            yield _failure(exc, path, number)


def _iter_csv(path, options, ids, patterns, stem, only_row=None):
    encoding, warns = _stream_encoding(path)
    csv.field_size_limit(max(options.max_bytes * 2, 131072))
    # Rows are read one at a time from the file, so a corpus of any size streams.
    with path.open("r", encoding=encoding, newline="") as handle:
        yield from _csv_rows(csv.reader(handle), path, options, ids, patterns, stem, warns,
                             only_row)


def _csv_rows(reader, path, options, ids, patterns, stem, warns, only_row=None):
    cols = options.columns
    try:
        header = next(reader)
    except StopIteration:
        raise ArticleError(path, "file is empty") from None
    except csv.Error as exc:
        raise ArticleError(path, f"malformed CSV header: {exc}", 1) from None
    if (cols.html or cols.text) not in header:
        raise missing_text(path, cols, header, 1, kind="column")
    while True:
        number = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if only_row is None or number == only_row:
                yield LoadFailure(str(path), f"malformed CSV row: {exc}", number)
            continue
        if only_row is not None and number != only_row:
            continue  # article_at_row: rows before it are only read past
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield LoadFailure(str(path), f"row has {len(values)} fields, the header has "
                              f"{len(header)}", number)
            continue
        record = dict(zip(header, values))
        try:
            row_bytes = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
            slug = _record_slug(record, cols, f"{stem}-{number}")
            common = dict(slug=slug, path=str(path), sha=hashlib.sha256(row_bytes).hexdigest(),
                          row=number, warns=warns, patterns=patterns,
                          max_bytes=options.max_bytes)
            article = _from_mapping(record, common, cols)
            yield replace(article, id=_unique(ids, article.id))
        except ArticleError as exc:
            yield _failure(exc, path, number)
        if only_row is not None:
            return


def _iter_jsonl_file(path: Path, options: LoadOptions, ids: dict[str, int]):
    patterns = load_clutter_patterns(options.clutter_path)
    yield from _iter_jsonl(path, options, ids, patterns, slugify(path.stem))


def _jsonl_at_row(path: Path, row: int, options: LoadOptions):
    patterns = load_clutter_patterns(options.clutter_path)
    for number, raw in _jsonl_lines(path):
        if number == row:
            try:
                return _jsonl_article(path, number, raw, options, patterns, slugify(path.stem))
            except ArticleError as exc:
                return _failure(exc, path, number)
    return None


def _iter_csv_file(path: Path, options: LoadOptions, ids: dict[str, int]):
    patterns = load_clutter_patterns(options.clutter_path)
    yield from _iter_csv(path, options, ids, patterns, slugify(path.stem))


def _csv_at_row(path: Path, row: int, options: LoadOptions):
    patterns = load_clutter_patterns(options.clutter_path)
    return next(_iter_csv(path, options, {}, patterns, slugify(path.stem), only_row=row),
                None)


def _iter_html(path: Path, options: LoadOptions, ids: dict[str, int]):
    """A saved web page (see :mod:`mediakit.io.html`)."""
    data = _read_bytes(path, options.max_bytes)
    page = extract_page(data, str(path))
    article = _build(slug=slugify(path.stem), title=page.title, outlet=page.outlet,
                     date_=page.date, author=page.author, url=page.url, raw_body=page.body,
                     path=str(path), sha=hashlib.sha256(data).hexdigest(), row=None,
                     warns=page.warnings, boilerplate=page.boilerplate,
                     patterns=load_clutter_patterns(options.clutter_path),
                     max_bytes=options.max_bytes)
    yield replace(article, id=_unique(ids, article.id))


# --------------------------------------------------------------------- registry

register_loader(Loader("text", (".txt",), _whole_file(_from_txt)))
register_loader(Loader("markdown", (".md",), _whole_file(_from_md)))
register_loader(Loader("json", (".json",), _whole_file(_from_json)))
register_loader(Loader("jsonl", (".jsonl",), _iter_jsonl_file, _jsonl_at_row))
register_loader(Loader("csv", (".csv",), _iter_csv_file, _csv_at_row))
register_loader(Loader("html", HTML_SUFFIXES, _iter_html))
