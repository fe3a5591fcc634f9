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

import hashlib
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

from ..errors import ArticleError, MediakitWarning
from .decoding import _file_kind
from .loaders import LOADERS, Loader, article_suffixes, loader_for, register_loader
from .records import (  # noqa: F401  (re-exported: the loader's rules, used by run.corpus)
    DEFAULT_MAX_BYTES,
    Article,
    ClutterLine,
    Columns,
    LoadedArticles,
    LoadFailure,
    LoadOptions,
    MissingTextError,
    _build,
    _failure,
    _given_id,
    _unique,
    clean_body,
    load_clutter_patterns,
    missing_text,
    slugify,
)

__all__ = [
    "Article",
    "Columns",
    "ClutterLine",
    "LOADERS",
    "LoadFailure",
    "LoadedArticles",
    "LoadOptions",
    "Loader",
    "MissingTextError",
    "article_at_row",
    "article_from_text",
    "article_suffixes",
    "check_input",
    "clean_body",
    "iter_articles",
    "load_articles",
    "load_clutter_patterns",
    "register_loader",
    "slugify",
]


def _iter_file(path: Path, options: LoadOptions, ids: dict[str, int]
               ) -> Iterator[Article | LoadFailure]:
    """The articles of one file, by its suffix's loader; a whole-file problem is yielded
    as one failure."""
    try:
        yield from loader_for(path).iter(path, options, ids)
    except ArticleError as exc:
        yield _failure(exc, exc.path or path, exc.row)


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
        elif p.suffix.lower() not in LOADERS or p.name.lower() == "readme.md":
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
                               f"({', '.join(article_suffixes())})")
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
    loader = LOADERS.get(path.suffix.lower())
    if loader is None or not loader.addressable:
        rows = [s for s, ld in LOADERS.items() if ld.addressable]
        raise ArticleError(path, f"a row can only be read from a {' or '.join(rows)} file")
    try:
        return loader.at_row(path, row, options)
    except ArticleError as exc:
        return _failure(exc, exc.path or path, exc.row)


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
