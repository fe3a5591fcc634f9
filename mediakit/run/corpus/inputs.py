"""Reading a corpus input: Parquet record batches, counting items, the input's fingerprint
and its extra (``meta_``) fields."""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ...errors import ArticleError
from ...io.articles import (
    Article,
    LoadFailure,
    LoadOptions,
    article_from_text,
    check_input,
    folder_files,
    iter_articles,
)
from .columns import META_PREFIX, _column_kind, _meta_kind

# ------------------------------------------------------------------------- inputs


def _iter_parquet(path: Path, options: LoadOptions, batch_size: int = 1024
                  ) -> Iterator[Article | LoadFailure]:
    """Articles of a Parquet file, read in record batches (row = 1-based record number).

    Columns no :class:`~mediakit.io.articles.Columns` name points at become the
    articles' ``extra`` fields; the row hash covers the named columns only.
    """
    from ...io.articles import _given_id, _unique, missing_text, slugify  # the loader's rules

    cols = options.columns
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise ArticleError(path, f"cannot read Parquet file ({exc})") from None
    names = parquet.schema_arrow.names
    if cols.text not in names:
        raise missing_text(path, cols, names, kind="column")
    wanted = [c for c in dict.fromkeys(asdict(cols).values()) if c in names]
    others = [c for c in names if c not in wanted]
    ids: dict[str, int] = {}
    stem = slugify(path.stem)
    number = 0
    for batch in parquet.iter_batches(batch_size=batch_size, columns=wanted + others):
        for full in batch.to_pylist():
            number += 1
            record = {k: full[k] for k in wanted}
            meta = {k: record.get(getattr(cols, k)) for k in
                    ("title", "outlet", "date", "author", "url")}
            given = record.get(cols.id)
            slug = slugify(str(given), fallback=f"{stem}-{number}") \
                if given not in (None, "") else f"{stem}-{number}"
            text = record.get(cols.text)
            try:
                if text is None:
                    raise ArticleError(path, "article text is missing (null)", number)
                article = article_from_text(
                    text, id=slug, options=options,
                    **{k: (None if v is None else v if k == "date" else str(v))
                       for k, v in meta.items()})
            except ArticleError as exc:
                yield LoadFailure(str(path), exc.problem, number)
                continue
            raw = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
            yield replace(article, id=_unique(ids, article.id), source_path=str(path),
                          row=number, sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
                          source_id=_given_id(given),
                          extra=tuple((k, full[k]) for k in others))


def iter_corpus(path: str | Path, options: LoadOptions | None = None
                ) -> Iterator[Article | LoadFailure]:
    """Stream a corpus: a folder of article files, a .jsonl, .csv, .parquet (or any
    single article file), yielding each article or load failure in input order.

    Parameters
    ----------
    path : str or Path
        The input.
    options : LoadOptions, optional
        Column names, size limit, clutter patterns.

    Yields
    ------
    Article or LoadFailure
    """
    options = options or LoadOptions()
    path = check_input(path)
    if path.is_file() and path.suffix.lower() == ".parquet":
        yield from _iter_parquet(path, options)
    else:
        yield from iter_articles(path, options)


def count_items(path: str | Path) -> int | None:
    """A cheap estimate of the number of input items (for the progress bar), or None."""
    path = Path(path)
    try:
        if path.is_dir():
            return sum(1 for p in path.iterdir() if p.is_file()
                       and p.suffix.lower() in (".txt", ".md", ".json", ".html", ".htm")
                       and not p.name.startswith("."))
        suffix = path.suffix.lower()
        if suffix == ".parquet":
            return pq.ParquetFile(path).metadata.num_rows
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
    except (OSError, pa.ArrowInvalid):
        return None
    return None


def input_fingerprint(path: str | Path) -> str:
    """SHA-256 over the names, sizes and modification times of the input's files."""
    path = Path(path).resolve()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    h = hashlib.sha256()
    for p in files:
        st = p.stat()
        h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def meta_columns(path: str | Path, options: LoadOptions | None = None) -> tuple:
    """The input's own fields a corpus table carries, as ``meta_<field>`` columns.

    Every field of the input's records that no :class:`~mediakit.io.articles.Columns`
    name points at (and that is not the text): JSON, JSONL and CSV fields, Parquet
    columns, Markdown front-matter keys. The input is read once for this (without
    analysing anything), so the columns and their types are fixed before the first
    chunk: a field that holds only booleans, only integers, or numbers is typed so;
    anything else is text (lists, objects and the odd number in a text field are
    written as JSON; dates as ISO 8601). A field an article lacks is null.

    Parameters
    ----------
    path : str or Path
        The corpus input.
    options : LoadOptions, optional
        Column names and size limit, as for the run.

    Returns
    -------
    tuple of (str, str)
        ``(column, Arrow type name)`` in the order the fields first appear.

    Raises
    ------
    MissingTextError
        If the input is one file and no record in it has the text field: the message
        names ``--text-column`` and the fields found.
    """
    from ...io.articles import missing_text

    options = options or LoadOptions()
    path = check_input(path)
    # .txt files have no fields; the folder's skipped files are reported by the run.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = ([p for p in folder_files(path) if p.suffix.lower() != ".txt"]
                 if path.is_dir() else [path])
        kinds: dict[str, set] = {}
        articles, found = 0, {}
        for f in files:
            for item in iter_corpus(f, options):
                if isinstance(item, Article):
                    articles += 1
                    for key, value in item.extra:
                        kinds.setdefault(key, set()).add(_meta_kind(value))
                elif item.fields is not None:
                    found.update(dict.fromkeys(item.fields))
    if found and not articles and not path.is_dir():
        if path.suffix.lower() in (".csv", ".parquet"):  # the header has no such column
            raise missing_text(path, options.columns, found, kind="column")
        raise missing_text(path, options.columns, found, every=True)
    return tuple((META_PREFIX + key, _column_kind(k)) for key, k in kinds.items())
