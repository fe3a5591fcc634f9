"""Articles: reading files into :class:`Article` records, with ids, hashes and cleaning.

Supported inputs
----------------
``.txt``
    First non-empty line is the title; ``Headline – Outlet`` or ``Headline | Outlet``
    gives the outlet. The rest is the body.
``.md``
    Optional YAML front matter between ``---`` lines (title, outlet, date, author,
    url, id); the rest is the body.
``.json``
    One article object (keys as in :class:`Columns`).
``.jsonl``, ``.csv``
    Many articles, one per line or row; column names are configurable.

Text that is not UTF-8 is decoded as Windows-1252 (falling back to Latin-1) and a
warning naming the file is recorded in :attr:`Article.warnings` and issued with
:mod:`warnings`; it is never refused, since news archives are full of such files.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import re
import stat
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ArticleError, MediakitWarning

__all__ = [
    "Article",
    "Columns",
    "ClutterLine",
    "LoadFailure",
    "LoadedArticles",
    "LoadOptions",
    "MissingTextError",
    "article_at_row",
    "article_from_text",
    "check_input",
    "clean_body",
    "iter_articles",
    "load_articles",
    "load_clutter_patterns",
    "slugify",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".csv")
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

    def to_dict(self) -> dict:
        """Plain-data copy of the record."""
        return asdict(self)


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
    """Names of the fields of JSON, JSONL, CSV and Parquet inputs."""

    text: str = "body"
    title: str = "title"
    outlet: str = "outlet"
    date: str = "date"
    author: str = "author"
    url: str = "url"
    id: str = "id"


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
    if every:
        what, found = f"no record has the '{columns.text}' {kind}", f"{kind}s found"
    else:
        what, found = f"no '{columns.text}' {kind}", f"{kind}s are"
    found = f"{found}: {', '.join(fields)}" if fields else f"there are no {kind}s"
    return MissingTextError(path, f"{what} ({found}; name the text {kind} with "
                            "--text-column)", row, fields)


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


# ----------------------------------------------------------------------- readers

_TITLE_OUTLET = re.compile(r"^(?P<title>.+?)\s+[\u2013\u2014|]\s+(?P<outlet>[^\u2013\u2014|]+)$")


#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one):
#: (mark, codec that reads the text after it, name for messages).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


def _wide_bom(data: bytes) -> tuple[bytes, str, str] | None:
    """The UTF-16 or UTF-32 byte-order mark ``data`` starts with, if any.

    UTF-8 with a mark is left to the UTF-8 path (``utf-8-sig``), as before; text in
    UTF-16 and UTF-32 is full of NUL bytes, so it must be recognised before the NUL
    check that refuses binary files.
    """
    for mark, codec, label in _BOMS:
        if data.startswith(mark):
            return None if codec == "utf-8" else (mark, codec, label)
    return None


def _decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    wide = _wide_bom(data)
    if wide is not None:
        mark, codec, label = wide
        try:
            text = data[len(mark):].decode(codec)
        except UnicodeDecodeError as exc:
            raise ArticleError(path, f"starts with a {label} byte-order mark but is not "
                               f"valid {label} (byte {exc.start + len(mark)})") from None
        if "\x00" in text:
            raise ArticleError(path, "binary file (contains NUL characters), not an article")
        return text, ()
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            enc = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "Latin-1"
        message = (f"{path}: not valid UTF-8 (byte {exc.start}); decoded as {enc}, "
                   "check the characters")
        warnings.warn(message, UnicodeWarning, stacklevel=3)
        return text, (message,)


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
           patterns, max_bytes, source_id=None, extra=()):
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
        source_id=source_id, extra=tuple(extra),
    )


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(path, f"not a regular file ({_file_kind(st.st_mode)})")
        if max_bytes is not None and st.st_size > max_bytes:
            raise ArticleError(path, f"file is {st.st_size} bytes, larger than the limit of "
                               f"{max_bytes} bytes (raise max_bytes to accept it)")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror})") from None


def _from_txt(path: Path, text: str, common: dict) -> Article:
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


def _given_id(value) -> str | None:
    """An id as the input gave it (None when it gave none, or an empty one)."""
    if value is None or _text_field(value) is None:
        return None
    return value if isinstance(value, str) else str(value)


def _extra(record: dict, cols: Columns) -> tuple:
    named = set(asdict(cols).values())
    return tuple((str(k), v) for k, v in record.items() if k not in named)


def _from_mapping(record: dict, common: dict, cols: Columns) -> Article:
    path, row = common["path"], common["row"]
    if not isinstance(record, dict):
        raise ArticleError(path, "expected an object with the article's fields", row)
    if cols.text not in record:
        raise missing_text(path, cols, record, row)
    return _build(source_id=_given_id(record.get(cols.id)), extra=_extra(record, cols),
                  title=record.get(cols.title), outlet=record.get(cols.outlet),
                  date_=record.get(cols.date), author=record.get(cols.author),
                  url=record.get(cols.url), raw_body=record.get(cols.text), **common)


def _record_slug(record, cols: Columns, fallback: str) -> str:
    if isinstance(record, dict) and _text_field(record.get(cols.id)):
        return slugify(str(record[cols.id]), fallback=fallback)
    return fallback


def _iter_file(path: Path, options: LoadOptions, ids: dict[str, int]
               ) -> Iterator[Article | LoadFailure]:
    suffix = path.suffix.lower()
    cols = options.columns
    patterns = load_clutter_patterns(options.clutter_path)
    stem = slugify(path.stem)
    try:
        if suffix in (".txt", ".md", ".json"):
            data = _read_bytes(path, options.max_bytes)
            text, warns = _decode(data, str(path))
            if not text.strip():
                raise ArticleError(path, "file is empty")
            common = dict(slug=stem, path=str(path), sha=hashlib.sha256(data).hexdigest(),
                          row=None, warns=warns, patterns=patterns,
                          max_bytes=options.max_bytes)
            if suffix == ".txt":
                article = _from_txt(path, text, common)
            elif suffix == ".md":
                article = _from_md(path, text, common, cols)
            else:
                try:
                    record = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ArticleError(path, f"malformed JSON: {exc.msg}", exc.lineno) from None
                common["slug"] = _record_slug(record, cols, stem)
                article = _from_mapping(record, common, cols)
            yield replace(article, id=_unique(ids, article.id))
            return
        if suffix == ".jsonl":
            yield from _iter_jsonl(path, options, ids, patterns, stem)
            return
        if suffix == ".csv":
            yield from _iter_csv(path, options, ids, patterns, stem)
            return
        raise ArticleError(path, f"unsupported file type '{suffix}' "
                           f"(expected one of {', '.join(ARTICLE_SUFFIXES)})")
    except ArticleError as exc:
        yield _failure(exc, exc.path or path, exc.row)


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


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines of a .jsonl file with their numbers (from 1), as bytes.

    A file in UTF-16 or UTF-32 (with a byte-order mark) is decoded as it is read and
    its lines are given re-encoded as UTF-8, so that every line decodes the same way.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror})") from None
    found = False
    with handle:
        wide = _wide_bom(handle.read(4))
        handle.seek(0)
        if wide is None:
            lines = enumerate(handle, start=1)
        else:
            mark, codec, label = wide
            handle.seek(len(mark))
            lines = _wide_lines(path, handle, codec, label)
        for number, raw in lines:
            if raw.strip():
                found = True
                yield number, raw
    if not found:
        raise ArticleError(path, "file is empty")


def _wide_lines(path: Path, handle, codec: str, label: str) -> Iterator[tuple[int, bytes]]:
    """Lines of a UTF-16 or UTF-32 file (``handle`` just past its mark) as UTF-8 bytes."""
    import io

    text = io.TextIOWrapper(handle, encoding=codec, newline="\n")
    try:
        for number, line in enumerate(text, start=1):
            yield number, line.encode("utf-8")
    except UnicodeDecodeError:
        # Decoded a block at a time, so the line at fault is not known.
        raise ArticleError(path, f"starts with a {label} byte-order mark but is not valid "
                           f"{label}") from None
    finally:
        text.close()  # and the file under it


def _iter_jsonl(path, options, ids, patterns, stem):
    for number, raw in _jsonl_lines(path):
        try:
            article = _jsonl_article(path, number, raw, options, patterns, stem)
            yield replace(article, id=_unique(ids, article.id))
        except ArticleError as exc:
            yield _failure(exc, path, number)


def _stream_encoding(path: Path) -> tuple[str, tuple[str, ...]]:
    """Check a (possibly very large) file's encoding in one streaming pass.

    Same policy as :func:`_decode` (a UTF-16 or UTF-32 byte-order mark decides, else
    UTF-8, else Windows-1252, else Latin-1, with a warning naming the file), without
    holding the file in memory.
    """
    try:
        with path.open("rb") as handle:
            wide = _wide_bom(handle.read(4))
            if wide is not None:
                return _stream_wide(path, handle, *wide)
            handle.seek(0)
            ok, empty = _stream_narrow(path, handle)
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror})") from None
    if empty:
        raise ArticleError(path, "file is empty")
    if ok["utf-8-sig"]:
        return "utf-8-sig", ()
    enc, label = ("cp1252", "Windows-1252") if ok["cp1252"] else ("latin-1", "Latin-1")
    message = f"{path}: not valid UTF-8; decoded as {label}, check the characters"
    warnings.warn(message, UnicodeWarning, stacklevel=4)
    return enc, (message,)


def _stream_narrow(path: Path, handle) -> tuple[dict, bool]:
    """Which of UTF-8 and Windows-1252 decode the whole file, and whether it is blank."""
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    ok = {"utf-8-sig": True, "cp1252": True}
    empty = True
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        if b"\x00" in chunk:
            raise ArticleError(path, "binary file (contains NUL bytes), not an article")
        empty = empty and not chunk.strip()
        for name, dec in (("utf-8-sig", utf8), ("cp1252", cp1252)):
            if ok[name]:
                try:
                    dec.decode(chunk)
                except UnicodeDecodeError:
                    ok[name] = False
    for name, dec in (("utf-8-sig", utf8), ("cp1252", cp1252)):
        if ok[name]:
            try:
                dec.decode(b"", final=True)
            except UnicodeDecodeError:
                ok[name] = False
    return ok, empty


def _stream_wide(path: Path, handle, mark: bytes, codec: str, label: str
                 ) -> tuple[str, tuple[str, ...]]:
    """Check a UTF-16 or UTF-32 file (``handle`` just past its mark) decodes; return the
    codec that reads it from the start, mark included."""
    decoder = codecs.getincrementaldecoder(codec)()
    empty = True
    offset = len(mark)
    try:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            text = decoder.decode(chunk)
            if "\x00" in text:
                raise ArticleError(path, "binary file (contains NUL characters), not an article")
            empty = empty and not text.strip()
            offset += len(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ArticleError(path, f"starts with a {label} byte-order mark but is not valid "
                           f"{label} (near byte {offset + exc.start})") from None
    if empty:
        raise ArticleError(path, "file is empty")
    return codec[:6], ()  # "utf-16" / "utf-32": these read the mark and drop it


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
    if cols.text not in header:
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


_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISDIR, "a folder"))


def _file_kind(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a file")


def check_input(path: str | Path) -> Path:
    """Refuse an input that is neither a regular file nor a folder, without opening it.

    Reading a named pipe blocks until something writes to it, and a device may never
    end (or do something when opened), so both are refused from their ``stat``.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ArticleError
        ``no such file or folder`` or ``not a regular file (a named pipe)`` and so on.
    """
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise ArticleError(path, "no such file or folder") from None
    except OSError as exc:
        raise ArticleError(path, f"cannot read ({exc.strerror})") from None
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise ArticleError(path, f"not a regular file ({_file_kind(mode)}); give an article "
                           "file or a folder")
    return path


def _names(items: list[str], at_most: int = 5) -> str:
    shown = ", ".join(items[:at_most])
    return shown if len(items) <= at_most else f"{shown} and {len(items) - at_most} more"


def folder_files(folder: str | Path) -> list[Path]:
    """The article files of a folder, in sorted order (not recursive).

    ``README.md``, files of other types and sub-folders are left out silently. Hidden
    article files (``.draft.txt``) and entries that are not regular files (named
    pipes, devices, sockets, broken links) are left out too, and each of these two
    kinds is reported in one :class:`~mediakit.errors.MediakitWarning` line naming
    the folder and the entries.

    Parameters
    ----------
    folder : str or Path

    Returns
    -------
    list of Path
    """
    folder = Path(folder)
    files, hidden, odd = [], [], []
    for p in sorted(folder.iterdir()):
        try:
            mode = p.stat().st_mode
        except OSError:
            odd.append(f"{p.name} (a broken link)")
            continue
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            odd.append(f"{p.name} ({_file_kind(mode)})")
        elif p.suffix.lower() not in ARTICLE_SUFFIXES or p.name.lower() == "readme.md":
            continue
        elif p.name.startswith("."):
            hidden.append(p.name)
        else:
            files.append(p)
    if odd:
        warnings.warn(f"{folder}: skipped {len(odd)} "
                      f"{'entry that is' if len(odd) == 1 else 'entries that are'} not a "
                      f"regular file: {_names(odd)}", MediakitWarning, stacklevel=3)
    if hidden:
        warnings.warn(f"{folder}: skipped {len(hidden)} hidden file(s): {_names(hidden)}",
                      MediakitWarning, stacklevel=3)
    return files


def iter_articles(path: str | Path, options: LoadOptions | None = None
                  ) -> Iterator[Article | LoadFailure]:
    """Stream the articles of a file or folder, yielding failures in place.

    Parameters
    ----------
    path : str or Path
        An article file, a multi-article file (.jsonl, .csv), or a folder of them
        (read in sorted order, not recursively; ``README.md`` and hidden files are
        skipped, see :func:`folder_files`).
    options : LoadOptions, optional
        Column names, size limit and clutter patterns.

    Yields
    ------
    Article or LoadFailure
        Each article, or the reason one could not be read.

    Raises
    ------
    ArticleError
        If ``path`` does not exist, is not a regular file or folder (a named pipe, a
        device), or is a folder with no article files.
    """
    options = options or LoadOptions()
    path = check_input(path)
    ids: dict[str, int] = {}
    if path.is_dir():
        files = folder_files(path)
        if not files:
            raise ArticleError(path, "folder holds no article files "
                               f"({', '.join(ARTICLE_SUFFIXES)})")
        for f in files:
            yield from _iter_file(f, options, ids)
    else:
        yield from _iter_file(path, options, ids)


def article_at_row(path: str | Path, row: int, options: LoadOptions | None = None
                   ) -> Article | LoadFailure | None:
    """The article at one row of a .jsonl or .csv corpus, without building the others.

    The article is the one :func:`iter_articles` yields for that row, except for its id,
    which is the record's own (not made unique against the rows before it): for callers
    that set the id themselves, such as a batch of reports over a large corpus, where
    reading every earlier row again for each article would cost time growing with the
    square of the corpus.

    Parameters
    ----------
    path : str or Path
        A .jsonl or .csv file.
    row : int
        The line (.jsonl) or row (.csv, the header is row 1).
    options : LoadOptions, optional

    Returns
    -------
    Article, LoadFailure or None
        None when no article stands at that row.
    """
    options = options or LoadOptions()
    path = check_input(path)
    patterns = load_clutter_patterns(options.clutter_path)
    stem = slugify(path.stem)
    try:
        if path.suffix.lower() == ".jsonl":
            for number, raw in _jsonl_lines(path):
                if number == row:
                    try:
                        return _jsonl_article(path, number, raw, options, patterns, stem)
                    except ArticleError as exc:
                        return _failure(exc, path, number)
            return None
        if path.suffix.lower() == ".csv":
            return next(_iter_csv(path, options, {}, patterns, stem, only_row=row), None)
    except ArticleError as exc:
        return _failure(exc, exc.path or path, exc.row)
    raise ArticleError(path, "a row can only be read from a .jsonl or .csv file")


def load_articles(path: str | Path, options: LoadOptions | None = None, *,
                  errors: str = "raise") -> LoadedArticles:
    """Load every article of a file or folder.

    Parameters
    ----------
    path : str or Path
        A file or a folder (see :func:`iter_articles`).
    options : LoadOptions, optional
        Column names, size limit and clutter patterns.
    errors : {"raise", "collect"}
        ``"raise"`` stops at the first article that cannot be read;
        ``"collect"`` keeps going and lists them in ``.failures``.

    Returns
    -------
    LoadedArticles
        A list of :class:`Article` with a ``failures`` attribute.

    Raises
    ------
    ArticleError
        Naming the file (and row) and the problem.
    """
    if errors not in ("raise", "collect"):
        raise ValueError("errors must be 'raise' or 'collect'")
    loaded = LoadedArticles()
    for item in iter_articles(path, options):
        if isinstance(item, LoadFailure):
            if errors == "raise":
                raise item.to_error()
            loaded.failures.append(item)
        else:
            loaded.append(item)
    return loaded


def article_from_text(text: str, *, id: str = "text", title: str | None = None,
                      outlet: str | None = None, date: str | None = None,
                      author: str | None = None, url: str | None = None,
                      options: LoadOptions | None = None) -> Article:
    """Make an :class:`Article` from a string (the hash is of its UTF-8 bytes).

    Parameters
    ----------
    text : str
        The body.
    id, title, outlet, date, author, url : optional
        Metadata.
    options : LoadOptions, optional
        Size limit and clutter patterns.

    Returns
    -------
    Article
    """
    options = options or LoadOptions()
    if not isinstance(text, str):
        raise ArticleError(None, f"article text is {type(text).__name__}, not text")
    return _build(slug=slugify(id), title=title, outlet=outlet, date_=date, author=author,
                  url=url, raw_body=text, path=None,
                  sha=hashlib.sha256(text.encode("utf-8")).hexdigest(), row=None, warns=(),
                  patterns=load_clutter_patterns(options.clutter_path),
                  max_bytes=options.max_bytes)
