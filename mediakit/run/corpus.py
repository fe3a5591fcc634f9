"""Corpus mode: one flat row per article for a whole corpus, streamed, resumable.

A corpus run reads articles in input order, cuts them into chunks of ``chunk_size``
input items, analyses each chunk with :class:`~mediakit.run.analyzer.Analyzer` (in this
process, in a standard-library process pool, or on Dask, see
:mod:`mediakit.run.corpus_dask`) and writes each finished chunk as one Parquet part file,
atomically and read back before it is put in place, then a record naming its SHA-256.
Memory stays flat because only a bounded number of chunks is in flight; an interrupted
run resumes by skipping the chunks whose records and part files check out. At the end
the local engine compacts the parts into one Parquet file; the Dask engine keeps them
as a partitioned Parquet folder. A run holds a lock on its output throughout, so two
runs never write one output at once.

Rows are :func:`flatten_metrics` of the metrics-file record, so a row holds the same
numbers as ``mediakit analyze``, except that ``id`` is the id as the input gave it;
the input's other fields follow as ``meta_<field>`` columns. Articles that cannot be
read or analysed go to an errors table (input position, id, source path, row, reason)
and the run goes on.
"""

from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from ..codebook import load_codebook
from ..errors import ArticleError, MediakitError, MediakitWarning, ParameterError
from ..io.articles import (
    Article,
    Columns,
    LoadFailure,
    LoadOptions,
    article_from_text,
    check_input,
    folder_files,
    iter_articles,
)
from ..io.writers import dumps_json, output_lock, write_atomic
from ..metrics.registry import families, registry_version
from .analyzer import Analyzer
from .workers import exit_with_parent

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ColumnRules",
    "ERROR_SCHEMA",
    "CorpusResult",
    "RowLayout",
    "analyze_chunk",
    "column_rules",
    "column_table",
    "columns_markdown",
    "category_lists",
    "corpus_schema",
    "expand_categories",
    "flatten_metrics",
    "iter_corpus",
    "meta_columns",
    "read_errors",
    "row_layout",
    "run_corpus",
    "update_columns_doc",
]

DEFAULT_CHUNK_SIZE = 200

# --------------------------------------------------------------------- flattening

# The families' own entries come from their declarations (mediakit.metrics.registry:
# ``Family.corpus``), read again whenever a family is registered; the ``article``
# object's are here, as it is no family.

#: Top-level keys that are the same for every row of a run: kept once, in the
#: Parquet file's metadata (key ``mediakit``), not as columns.
RUN_KEYS = ("schema_version", "provenance")
#: Lists kept as one string, their items joined with "; " (None when empty).
JOINED_LISTS = frozenset({("article", "warnings")})


@dataclass(frozen=True)
class ColumnRules:
    """How records become columns, from the registered families.

    Attributes
    ----------
    prefix : dict
        Column-name prefix of each top-level key (``article`` keys, the row's identity
        and size, carry none).
    transparent : frozenset
        Record paths whose own name is left out of column names (their keys take the
        family's prefix): ``sources.diversity.n_sources`` -> ``sources_n_sources``.
    dropped : tuple
        Paths left out of rows (``*`` for any key): per-line detail, constant notes,
        per-word counts (one column per word would not be a table).
    categories : dict
        Dictionaries keyed by categories (a path; ``*`` for any key) and the list their
        keys come from. The record holds only the categories an article has; a row holds
        them all, so every row of a corpus has the same columns
        (:func:`expand_categories`).
    """

    prefix: dict
    transparent: frozenset
    dropped: tuple
    categories: dict


@lru_cache(maxsize=4)
def _rules_at(version: int) -> ColumnRules:
    fams = families()

    def paths(attr: str) -> tuple:
        return tuple((fam.name, *path) for fam in fams for path in getattr(fam.corpus, attr))

    return ColumnRules(
        prefix={"article": "", **{fam.name: fam.column_prefix for fam in fams}},
        transparent=frozenset(paths("transparent")),
        dropped=(("article", "clutter_lines"), ("article", "boilerplate_blocks"),
                 *paths("dropped")),
        categories={(fam.name, *path): name for fam in fams
                    for path, name in fam.corpus.categories.items()},
    )


def column_rules() -> ColumnRules:
    """The current :class:`ColumnRules` (they change when a family is registered)."""
    return _rules_at(registry_version())


def flatten_metrics(record: dict, categories: dict | None = None,
                    templates: dict | None = None) -> dict:
    """Flatten a metrics-file record into one flat row.

    Nested dictionaries become ``family_key_subkey`` columns (``article`` keys are
    unprefixed, ``civilian_voice`` is shortened to ``civilian`` and
    ``sources.diversity`` to ``sources``); lists (per
    sentence, per quote, per mention) are dropped, except ``article.warnings``
    which is joined into one string; ``schema_version``, ``provenance`` and the
    paths in :attr:`ColumnRules.dropped` are left out (they are the same for every row
    and go into the Parquet metadata).

    Parameters
    ----------
    record : dict
        ``Analyzer().analyze(article).to_dict()``.
    categories, templates : dict, optional
        Complete the category dictionaries first (see :func:`expand_categories`);
        corpus runs pass those of :func:`row_layout`.

    Returns
    -------
    dict
        Column name -> scalar (str, int, float, bool or None), in record order.

    Raises
    ------
    ValueError
        If two keys flatten to the same column name.
    """
    if categories:
        record = expand_categories(record, categories, templates or {})
    row: dict = {}
    for family, value in record.items():
        if family in RUN_KEYS:
            continue
        _flatten(value, (family,), column_rules().prefix.get(family, family), row)
    return row


def _matches(path: tuple, pattern: tuple) -> bool:
    return len(path) == len(pattern) and all(q in ("*", p) for p, q in zip(path, pattern))


@lru_cache(maxsize=65536)
def _category_pattern(path: tuple) -> tuple | None:
    # Cached: every record has the same few hundred paths, and matching each against
    # every pattern again for every article would cost more than the analysis of
    # some families.
    for pattern in column_rules().categories:
        if _matches(path, pattern):
            return pattern
    return None


@lru_cache(maxsize=65536)
def _leads_to_category(path: tuple) -> bool:
    return any(len(pattern) > len(path) and _matches(path, pattern[:len(path)])
               for pattern in column_rules().categories)


def _category_list(path: tuple, categories: dict):
    pattern = _category_pattern(path)
    names = column_rules().categories
    if pattern is None or names[pattern] not in categories:
        return None, None
    return pattern, categories[names[pattern]]


def _blank(example, others: bool):
    """An entry for a category the article lacks, shaped like ``example``: counts 0,
    shares 0.0 when the other categories have some (else None), anything else None."""
    if isinstance(example, dict):
        return {k: _blank(v, False) for k, v in example.items()}
    if isinstance(example, (list, tuple)):
        return []
    if isinstance(example, int) and not isinstance(example, bool):
        return 0
    if isinstance(example, float) and others:
        return 0.0
    return None


def expand_categories(record: dict, categories: dict, templates: dict) -> dict:
    """Give every category dictionary (:attr:`ColumnRules.categories`) all its categories.

    Parameters
    ----------
    record : dict
        A metrics-file record (not changed).
    categories : dict
        List name (``roles``, ``sides``, ...) -> category names, in column order.
    templates : dict
        Path pattern -> an example entry, whose shape a missing category takes:
        integers (counts) become 0, floats 0.0 when the article has other categories
        in that dictionary (a share of nothing is 0) and None otherwise (a share or
        mean of nothing is undefined), text None, lists empty.

    Returns
    -------
    dict
        A copy of the record; categories the lists do not name stay, after the others.
    """
    def walk(value, path):
        if not isinstance(value, dict):
            return value
        pattern, names = _category_list(path, categories)
        if pattern is not None:
            example = templates.get(pattern)
            if example is None and value:
                example = next(iter(value.values()))
            others = any(value.values())
            out = {name: (value[name] if name in value else _blank(example, others))
                   for name in names}
            out.update((k, v) for k, v in value.items() if k not in out)
            return {k: walk(v, path + (k,)) for k, v in out.items()}
        if not _leads_to_category(path):
            return value  # nothing to complete below: shared, not copied
        return {k: walk(v, path + (k,)) for k, v in value.items()}

    return {family: walk(value, (family,)) for family, value in record.items()}


def category_lists(analyzer: Analyzer | None = None) -> dict:
    """The category names behind :attr:`ColumnRules.categories`, from the analysis's data files.

    Each family declares its lists (``Family.corpus.category_lists``).

    Returns
    -------
    dict
        ``roles`` and ``sides`` (codebook order), ``victim_sides`` (the sides and
        ``both``), ``emotive_sides`` (those and ``unattributed``), ``harm_types``
        (harm lexicon) and ``quote_kinds``.
    """
    analyzer = analyzer or Analyzer()
    codebook = load_codebook(analyzer.codebook)
    params = analyzer.get_params()
    lists: dict = {}
    for fam in families():
        if fam.corpus.category_lists is not None:
            lists.update(fam.corpus.category_lists(codebook, params))
    return lists


def _dropped(path: tuple) -> bool:
    return _dropped_at(path, registry_version())


@lru_cache(maxsize=65536)
def _dropped_at(path: tuple, version: int) -> bool:
    return any(_matches(path, pattern) for pattern in _rules_at(version).dropped)


def _flatten(value, path: tuple, name: str, row: dict) -> None:
    if _dropped(path):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, path + (key,), _child_name(path, name, key), row)
        return
    if isinstance(value, (list, tuple)):
        if path in JOINED_LISTS:
            _put(row, name, "; ".join(str(v) for v in value) or None, path)
        return
    _put(row, name, value, path)


def _child_name(path: tuple, name: str, key) -> str:
    if path + (key,) in column_rules().transparent:
        return name
    return f"{name}_{key}" if name else str(key)


def _put(row: dict, name: str, value, path: tuple) -> None:
    if name in row:
        raise ValueError(f"two metrics flatten to the column {name!r} (second: "
                         f"{'.'.join(map(str, path))})")
    row[name] = value


# ------------------------------------------------------------------------- schema

# A made-up article (not from any real outlet) that exercises every metric family,
# so that every column has a value whose type can be read off. It is never written
# out; its only job is to fix the Parquet schema the same way in every run.
_PROBE_TEXT = """\
GAZA CITY — At least 12 people were killed on Tuesday when a horrific airstrike hit a \
school sheltering displaced families, the Gaza Health Ministry said. Israeli forces killed \
three men near the border fence, according to witnesses.

"We were sleeping when the ceiling fell on us," said Amal Hassan, a mother of four who \
fled the northern town. "My daughter is still missing."

A spokesperson for the Israel Defense Forces said the army was reviewing the report and \
that Hamas fighters had fired rockets from the area. Hostages taken on October 7 remain \
in captivity, their relatives said.

Aid workers warned that children are starving and that the death toll was likely to \
rise. "There is nothing left," said Yusuf, a farmer. The United Nations called for an \
immediate ceasefire.
"""


def _probe_article() -> Article:
    article = article_from_text(_PROBE_TEXT, id="probe", title="Probe", outlet="Probe",
                                date="2024-01-01", author="Probe", url="https://example.org")
    return replace(article, source_path="probe.jsonl", row=1, warnings=("probe",))


_ARROW_TYPES = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string()}


@dataclass(frozen=True)
class RowLayout:
    """How a run turns records into rows: category lists, their templates, column types.

    Made once per run by :func:`row_layout` and sent to the workers, so that every
    chunk has the same columns with the same types.
    """

    categories: dict
    templates: dict
    types: tuple  # (column, Arrow type name) in column order
    #: The input's own fields carried into the table, (column, Arrow type name) after
    #: the metric columns: ``meta_<field>`` (see :func:`meta_columns`).
    meta: tuple = ()

    def flatten(self, record: dict) -> dict:
        """:func:`flatten_metrics` with this layout's categories."""
        return flatten_metrics(record, self.categories, self.templates)

    @property
    def schema(self) -> pa.Schema:
        names = {"bool": pa.bool_(), "int64": pa.int64(), "double": pa.float64(),
                 "string": pa.string()}
        return pa.schema([pa.field(n, names[t]) for n, t in self.types + self.meta])

    def row(self, article: Article, record: dict) -> dict:
        """The table row of an article: its flattened metrics with the id as the input
        gave it, then its ``meta_`` fields, each converted to its column's type."""
        row = _conform(self.flatten(record), dict(self.types))
        if article.source_id is not None:
            row["id"] = article.source_id
        if self.meta:
            extra = dict(article.extra)
            for column, kind in self.meta:
                row[column] = _meta_cell(extra.get(column[len(META_PREFIX):]), kind)
        return row


#: Prefix of the columns that carry an input's own fields (category, section, ...).
META_PREFIX = "meta_"


def _meta_kind(value) -> str | None:
    """The column type a field value asks for (None for a missing value)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int64" if -2**63 <= value < 2**63 else "string"  # JSON has no size limit
    if isinstance(value, float):
        return "double"
    return "string"


def _column_kind(kinds: set) -> str:
    """One column type for all the values a field takes: numbers stay numbers (int and
    float together are double), anything mixed is text."""
    kinds = kinds - {None}
    if kinds in ({"bool"}, {"int64"}, {"double"}):
        return next(iter(kinds))
    if kinds == {"int64", "double"}:
        return "double"
    return "string"


def _meta_cell(value, kind: str):
    if value is None:
        return None
    if kind == "double":
        return float(value)
    if kind != "string" or isinstance(value, str):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    # Lists, objects and the scalars of a mixed field: as JSON, the way they were given.
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _templates(record: dict, categories: dict) -> dict:
    found: dict = {}

    def walk(value, path):
        if not isinstance(value, dict):
            return
        pattern, _ = _category_list(path, categories)
        if pattern is not None and value and pattern not in found:
            found[pattern] = next(iter(value.values()))
        for k, v in value.items():
            walk(v, path + (k,))

    for family, value in record.items():
        walk(value, (family,))
    return found


def row_layout(analyzer: Analyzer | None = None) -> RowLayout:
    """The row layout of corpus tables for this analysis.

    Worked out from the metrics of a built-in probe article (every family has
    something to report on it), so it is the same in every run with the same
    software and parameters. A ``None`` metric of the probe is typed ``float64``:
    the metrics that can be missing are ratios and means.

    Parameters
    ----------
    analyzer : Analyzer, optional
        The configured analysis (its codebook names the roles and sides).

    Returns
    -------
    RowLayout
    """
    analyzer = analyzer or Analyzer()
    record = analyzer.analyze(_probe_article()).to_dict()
    categories = category_lists(analyzer)
    templates = _templates(record, categories)
    row = flatten_metrics(record, categories, templates)
    types = []
    for name, value in row.items():
        kind = _ARROW_TYPES.get(type(value), pa.float64() if value is None else None)
        if kind is None:
            raise TypeError(f"metric column {name!r} holds a {type(value).__name__}")
        types.append((name, str(kind)))
    return RowLayout(categories, templates, tuple(types))


def corpus_schema(analyzer: Analyzer | None = None) -> pa.Schema:
    """The Parquet schema of corpus rows for this analysis (see :func:`row_layout`)."""
    return row_layout(analyzer).schema


def _record_paths(record: dict) -> dict:
    """Column name -> dotted path in the metrics file (for the documentation)."""
    paths: dict = {}

    def walk(value, path, name):
        if _dropped(path):
            return
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,), _child_name(path, name, key))
        elif not isinstance(value, (list, tuple)) or path in JOINED_LISTS:
            paths[name] = ".".join(path)

    for family, value in record.items():
        if family not in RUN_KEYS:
            walk(value, (family,), column_rules().prefix.get(family, family))
    return paths


def column_table(analyzer: Analyzer | None = None) -> list[dict]:
    """The documented column list: name, Parquet type and source in the metrics file.

    Returns
    -------
    list of dict
        ``{"column", "type", "source"}`` per column, in table order.
    """
    analyzer = analyzer or Analyzer()
    layout = row_layout(analyzer)
    record = expand_categories(analyzer.analyze(_probe_article()).to_dict(),
                               layout.categories, layout.templates)
    paths = _record_paths(record)
    return [{"column": n, "type": t, "source": paths[n]} for n, t in layout.types]


_PY_TYPES = {"bool": (bool,), "int64": (int,), "double": (int, float), "string": (str,)}


def _conform(row: dict, types: dict[str, str]) -> dict:
    """Check a row against the column types; raise ValueError naming a mismatch.

    A metric that is not a column (a category no list names) is left out when the
    row is written; the columns are fixed for the whole run."""
    for name, value in row.items():
        kind = types.get(name)
        if kind is None or value is None:
            continue
        if isinstance(value, bool) and kind != "bool" or not isinstance(value, _PY_TYPES[kind]):
            raise ValueError(f"metric {name!r} is a {type(value).__name__}, its column is "
                             f"{kind}")
    return row


ERROR_SCHEMA = pa.schema([
    pa.field("index", pa.int64()),
    pa.field("id", pa.string()),
    pa.field("source_path", pa.string()),
    pa.field("row", pa.int64()),
    pa.field("reason", pa.string()),
])


# ------------------------------------------------------------------------- inputs


def _iter_parquet(path: Path, options: LoadOptions, batch_size: int = 1024
                  ) -> Iterator[Article | LoadFailure]:
    """Articles of a Parquet file, read in record batches (row = 1-based record number).

    Columns no :class:`~mediakit.io.articles.Columns` name points at become the
    articles' ``extra`` fields; the row hash covers the named columns only.
    """
    from ..io.articles import _given_id, _unique, missing_text, slugify  # the loader's rules

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
    from ..io.articles import missing_text

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


# ------------------------------------------------------------------ chunk analysis


@dataclass(frozen=True)
class Chunk:
    """``chunk_size`` consecutive input items (articles and load failures)."""

    index: int
    start: int  # input position of the first item
    items: tuple


def chunked(items: Iterable, chunk_size: int) -> Iterator[Chunk]:
    """Group a stream into :class:`Chunk` objects of ``chunk_size`` items."""
    buffer, index, start = [], 0, 0
    for item in items:
        buffer.append(item)
        if len(buffer) == chunk_size:
            yield Chunk(index, start, tuple(buffer))
            index, start, buffer = index + 1, start + chunk_size, []
    if buffer:
        yield Chunk(index, start, tuple(buffer))


def _error(index: int, id_, path, row, reason: str) -> dict:
    return {"index": index, "id": id_, "source_path": path, "row": row, "reason": reason}


def analyze_chunk(chunk: Chunk, analyzer: Analyzer, layout: RowLayout
                  ) -> tuple[int, pa.Table, list]:
    """Analyse one chunk (runs in a worker: plain data in, an Arrow table out).

    Parameters
    ----------
    chunk : Chunk
        The items.
    analyzer : Analyzer
        The configured analysis (pickled to the worker with the chunk).
    layout : RowLayout
        The run's row layout (:func:`row_layout`).

    Returns
    -------
    index : int
        ``chunk.index``.
    rows : pyarrow.Table
        One flat row per article analysed, in input order, with the layout's
        schema. A table, not dicts: it travels between processes as a few buffers
        rather than hundreds of thousands of small objects.
    errors : list of dict
        One entry per item that failed (see :data:`ERROR_SCHEMA`).
    """
    rows, errors = [], []
    for offset, item in enumerate(chunk.items):
        position = chunk.start + offset
        if isinstance(item, LoadFailure):
            errors.append(_error(position, None, item.path, item.row, item.problem))
            continue
        try:
            rows.append(layout.row(item, analyzer.analyze(item).to_dict()))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
            given = item.id if item.source_id is None else item.source_id
            errors.append(_error(position, given, item.source_path, item.row,
                                 f"analysis failed: {type(exc).__name__}: {exc}"))
    return chunk.index, pa.Table.from_pylist(rows, schema=layout.schema), errors


def _warm_worker(run_pid: int | None = None) -> None:
    # A worker of a killed run must not wait for work for ever (its parent, the fork
    # server, exits when the run's main process is gone; see mediakit.run.workers).
    exit_with_parent(run_pid)
    # Ctrl-C reaches the whole process group: the parent shuts the pool down and
    # keeps what was written, so workers must not die with tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Load the lexicons and dictionaries before the first chunk.
    Analyzer().analyze("Warm up. The lexicons load once per process.")


def map_local(fn: Callable, chunks: Iterable[Chunk], jobs: int) -> Iterator[tuple]:
    """Run ``fn(chunk)`` over chunks: in this process (``jobs == 1``) or in a
    :class:`~concurrent.futures.ProcessPoolExecutor` with at most ``2 * jobs`` chunks
    in flight, yielding results as they finish (any order)."""
    if jobs == 1:
        for chunk in chunks:
            yield fn(chunk)
        return
    # forkserver: workers fork from a clean single-threaded server, not from a
    # process that may hold threads (progress bar) or locks.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["mediakit.run.corpus"])  # imported once, forked warm
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_warm_worker,
                               initargs=(os.getpid(),))
    pending: set = set()
    try:
        for chunk in chunks:
            pending.add(pool.submit(fn, chunk))
            while len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------------ writing

_MANIFEST = "_mediakit_manifest.json"


def _part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def _record_name(index: int) -> str:
    return f"_chunk-{index:06d}.json"


def _table_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _check_parquet(path: Path, rows: int, schema: pa.Schema | None = None) -> None:
    """Raise unless ``path`` reads back as Parquet with ``rows`` rows (and ``schema``)."""
    try:
        parquet = pq.ParquetFile(path)
        found = parquet.metadata.num_rows
        same = schema is None or parquet.schema_arrow.equals(schema, check_metadata=True)
    except (OSError, pa.ArrowException) as exc:
        raise MediakitError(path, f"the file just written does not read back ({exc})") from None
    if found != rows:
        raise MediakitError(path, f"the file just written reads back with {found} rows, not "
                            f"{rows}")
    if not same:
        raise MediakitError(path, "the file just written reads back with other columns")


def _write_chunk(folder: Path, schema: pa.Schema, index: int, rows: pa.Table,
                 errors: list) -> dict:
    """Write a chunk's part file (read back before it is put in place), then its record,
    which names the part's SHA-256 and marks the chunk as done. Returns the record."""
    table = rows.replace_schema_metadata(schema.metadata)
    data = _table_bytes(table)
    write_atomic(folder / _part_name(index), data,
                 check=lambda tmp: _check_parquet(tmp, table.num_rows, table.schema))
    record = {"index": index, "items": table.num_rows + len(errors), "rows": table.num_rows,
              "part_sha256": hashlib.sha256(data).hexdigest(), "errors": errors}
    write_atomic(folder / _record_name(index), dumps_json(record))
    return record


def _done_chunks(folder: Path) -> dict[int, dict]:
    """The chunks an earlier run finished: index -> ``{"items", "rows", "errors"}``.

    A chunk counts only when its record (written after its part file) reads back and
    the part file's bytes have the SHA-256 the record names, so a part left half-made
    or replaced by anything after the record was written is done again."""
    done = {}
    for path in folder.glob("_chunk-*.json"):
        try:
            record = json.loads(path.read_text("utf-8"))
            index = int(record["index"])
            if path.name != _record_name(index):
                continue
            data = (folder / _part_name(index)).read_bytes()
            if hashlib.sha256(data).hexdigest() == record["part_sha256"]:
                done[index] = _tally(record)
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return done


def _tally(record: dict) -> dict:
    errors = record["errors"]
    return {"items": int(record["items"]), "rows": int(record["rows"]), "errors": len(errors),
            "first_errors": [_error_message(e) for e in errors[:3]]}


def _error_message(error: dict) -> str:
    return ArticleError(error["source_path"], error["reason"], error["row"]).message


def _run_metadata(analyzer: Analyzer) -> dict:
    record = analyzer.analyze(_probe_article()).to_dict()
    prov = dict(record["provenance"])
    prov.pop("input_sha256", None)
    return {"schema_version": record["schema_version"], "provenance": prov}


def _remove_temporary(folder: Path, name: str = "") -> None:
    """Remove the temporary files of killed runs (``.NAME*.tmp``); only while holding
    the output's lock, when no other run can be writing them."""
    for path in folder.glob(f".{glob.escape(name)}*.tmp"):
        path.unlink(missing_ok=True)


def _prepare_folder(folder: Path, manifest: dict, resume: bool) -> dict[int, dict]:
    """Make the parts folder ready; return the chunks an earlier run with the same
    settings finished (see :func:`_done_chunks`). A folder holding a run with other
    settings is started over, with one line saying what differs."""
    path = folder / _MANIFEST
    if folder.exists() and not resume:
        _remove_run_folder(folder)
    if folder.exists():
        if not path.is_file():
            if any(folder.iterdir()):
                raise MediakitError(folder, "exists and is not a mediakit corpus folder "
                                    "(choose another --out)")
        else:
            try:
                old = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                old = None
            if old == manifest:
                _remove_temporary(folder)
                return _done_chunks(folder)
            if isinstance(old, dict):
                changed = sorted(k for k in set(old) | set(manifest)
                                 if old.get(k) != manifest.get(k))
                what = f"{', '.join(changed)} differ"
            else:
                what = "its manifest does not read back"
            warnings.warn(f"{folder}: holds a run with other settings ({what}); starting "
                          "over", MediakitWarning, stacklevel=4)
            _remove_run_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dumps_json(manifest))
    return {}


def _remove_run_folder(folder: Path) -> None:
    if not (folder / _MANIFEST).is_file() and any(folder.iterdir()):
        raise MediakitError(folder, "exists and is not a mediakit corpus folder "
                            "(refusing to delete it)")
    shutil.rmtree(folder)


#: Rows per row group of the compacted file. Each row group's metadata (hundreds of
#: columns) stays in the writer's memory until the file is closed, so one row group
#: per small chunk would make memory grow with the corpus; about 2,000 rows keeps
#: both the buffered rows and the metadata small.
ROW_GROUP_ROWS = 2000


def _compact(folder: Path, out: Path, schema: pa.Schema, n_chunks: int) -> int:
    """Stream the part files into one Parquet file, read it back, then put it in place."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")  # one per process
    rows = 0
    buffered: list = []
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for index in range(n_chunks):
                # One thread: reading in parallel buys nothing for a small part and
                # costs a buffer per thread.
                table = pq.read_table(folder / _part_name(index), schema=schema,
                                      use_threads=False)
                rows += table.num_rows
                buffered.append(table)
                if sum(t.num_rows for t in buffered) >= ROW_GROUP_ROWS:
                    writer.write_table(pa.concat_tables(buffered))
                    buffered = []
            if buffered or rows == 0:
                writer.write_table(pa.concat_tables(buffered) if buffered
                                   else schema.empty_table())
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        _check_parquet(tmp, rows, schema)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


def _collect_errors(folder: Path, n_chunks: int) -> list[dict]:
    errors = []
    for index in range(n_chunks):
        record = json.loads((folder / _record_name(index)).read_text("utf-8"))
        errors.extend(record["errors"])
    return errors


def _read_errors_table(path: Path, parquet: bool) -> pa.Table:
    if parquet:
        return pq.read_table(path)
    import pyarrow.csv as pacsv

    convert = pacsv.ConvertOptions(column_types=ERROR_SCHEMA, strings_can_be_null=True)
    return pacsv.read_csv(path, convert_options=convert)


def write_errors(path: str | Path, errors: list[dict]) -> Path:
    """Write the errors table: Parquet if ``path`` ends in ``.parquet``, else CSV.

    The file is read back (and its row count checked) before it replaces ``path``."""
    path = Path(path)
    table = pa.Table.from_pylist(errors, schema=ERROR_SCHEMA)
    parquet = path.suffix.lower() == ".parquet"

    def check(tmp: Path) -> None:
        found = _read_errors_table(tmp, parquet).num_rows
        if found != len(errors):
            raise MediakitError(tmp, f"the errors table just written reads back with {found} "
                                f"rows, not {len(errors)}")

    if parquet:
        return write_atomic(path, _table_bytes(table), check=check)
    import pyarrow.csv as pacsv

    sink = pa.BufferOutputStream()
    pacsv.write_csv(table, sink)
    return write_atomic(path, sink.getvalue().to_pybytes(), check=check)


def read_errors(path: str | Path):
    """Read an errors table written by :func:`run_corpus` as a pandas DataFrame."""
    path = Path(path)
    return _read_errors_table(path, path.suffix.lower() == ".parquet").to_pandas()


def default_errors_path(out: str | Path) -> Path:
    """``results.parquet`` -> ``results.errors.csv`` (beside the output)."""
    out = Path(out)
    stem = out.name[:-len(".parquet")] if out.name.endswith(".parquet") else out.name
    return out.with_name(f"{stem}.errors.csv")


# --------------------------------------------------------------------------- run


@dataclass(frozen=True)
class CorpusResult:
    """What a corpus run did.

    Attributes
    ----------
    out : Path
        The Parquet file (local engine) or folder of part files (Dask engine).
    errors_path : Path or None
        The errors table (None when the run stopped early).
    rows, errors : int
        Articles written and items that failed (so far, when the run stopped early).
    chunks, resumed_chunks : int
        Chunks in the input (read so far, when the run stopped early), and those
        found already written.
    complete : bool
        False when ``stop_after`` ended the run before the input did.
    seconds : float
        Wall time.
    first_errors : tuple of str
        The first few errors (``path, line N: reason``), for a summary line.
    """

    out: Path
    errors_path: Path | None
    rows: int
    errors: int
    chunks: int
    resumed_chunks: int
    complete: bool
    seconds: float
    first_errors: tuple[str, ...] = ()


def run_corpus(input: str | Path, out: str | Path, *, engine: str = "local", jobs: int = 1,
               scheduler: str | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
               resume: bool = True, errors: str | Path | None = None,
               analyzer: Analyzer | None = None, columns: Columns | None = None,
               progress: bool = True, stop_after: int | None = None) -> CorpusResult:
    """Analyse a corpus into a flat Parquet table.

    One run at a time writes an output: the run holds an exclusive lock
    (``<out>.lock``, see :func:`mediakit.io.output_lock`) from start to end, and a
    second run into the same output stops at once, naming the first one's process.

    Parameters
    ----------
    input : str or Path
        A folder of article files, or a .jsonl, .csv or .parquet file.
    out : str or Path
        The Parquet file to write (local engine), or the folder of part files
        (Dask engine).
    engine : {"local", "dask"}
        Standard-library process pool, or Dask (:mod:`mediakit.run.corpus_dask`).
    jobs : int
        Worker processes (local: 1 means this process; Dask: LocalCluster workers).
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); Dask engine only.
    chunk_size : int
        Input items per chunk (and per part file).
    resume : bool
        Keep the chunks an earlier, interrupted run with the same settings wrote (a
        run with other settings is started over, with a
        :class:`~mediakit.errors.MediakitWarning` saying what differs).
    errors : str or Path, optional
        The errors table (default ``<out>.errors.csv``; ``.parquet`` for Parquet).
    analyzer : Analyzer, optional
        The configured analysis (default parameters otherwise).
    columns : Columns, optional
        Field names of .jsonl, .csv and .parquet inputs.
    progress : bool
        Show a progress bar (articles per second) on standard error.
    stop_after : int, optional
        Stop after writing this many new chunks, leaving the run resumable (to try
        a sample first, or to test resuming).

    Returns
    -------
    CorpusResult

    Raises
    ------
    MediakitError
        If the input is missing or not a regular file or folder, no record of a
        one-file input has the text field, the parameters are invalid, or the output
        is another run's (:class:`~mediakit.io.OutputBusyError`) or not mediakit's.
    """
    began = time.perf_counter()
    if engine not in ("local", "dask"):
        raise ParameterError(None, f"engine must be 'local' or 'dask', got {engine!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ParameterError(None, f"jobs must be a positive integer, got {jobs!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ParameterError(None, f"chunk_size must be a positive integer, got {chunk_size!r}")
    if scheduler and engine != "dask":
        raise ParameterError(None, "a scheduler address needs engine='dask'")
    if stop_after is not None and (isinstance(stop_after, bool) or not isinstance(stop_after, int)
                                   or stop_after < 1):
        raise ParameterError(None, f"stop_after must be a positive integer, got {stop_after!r}")
    input_path, out = check_input(input), Path(out)
    analyzer = analyzer or Analyzer()
    analyzer.validate()
    options = replace(analyzer.load_options(), columns=columns or Columns())
    if engine == "dask" and out.is_file():
        raise MediakitError(out, "is a file; the Dask engine writes a folder of part files "
                            "(choose another --out)")
    if engine == "local" and out.is_dir():
        raise MediakitError(out, "is a folder; the local engine writes one Parquet file "
                            "(choose another --out)")
    with output_lock(out):
        _remove_temporary(out.parent, out.name)  # left by killed runs
        return _run_locked(input_path, out, engine=engine, jobs=jobs, scheduler=scheduler,
                           chunk_size=chunk_size, resume=resume, errors=errors,
                           analyzer=analyzer, options=options, progress=progress,
                           stop_after=stop_after, began=began)


def _run_locked(input_path: Path, out: Path, *, engine, jobs, scheduler, chunk_size, resume,
                errors, analyzer, options, progress, stop_after, began) -> CorpusResult:
    """:func:`run_corpus` once it holds the output's lock."""
    layout = replace(row_layout(analyzer), meta=meta_columns(input_path, options))
    run_meta = _run_metadata(analyzer)
    schema = layout.schema.with_metadata({"mediakit": json.dumps(run_meta, sort_keys=True)})
    manifest = {
        "mediakit_version": __version__,
        "input": str(input_path.resolve()),
        "input_fingerprint": input_fingerprint(input_path),
        "chunk_size": chunk_size,
        "parameters": dict(analyzer.get_params()),
        "columns": asdict(options.columns),
        "schema": [list(t) for t in layout.types + layout.meta],
    }
    folder = out if engine == "dask" else out.with_name(out.name + ".parts")
    done = _prepare_folder(folder, manifest, resume)
    errors_path = Path(errors) if errors else default_errors_path(out)

    from tqdm import tqdm

    bar = tqdm(total=count_items(input_path), unit="article", disable=not progress,
               smoothing=0.1, dynamic_ncols=True)
    n_chunks = 0
    tallies: dict[int, dict] = {}  # chunks done, resumed or new
    resumed = 0

    def todo() -> Iterator[Chunk]:
        nonlocal n_chunks, resumed
        for chunk in chunked(iter_corpus(input_path, options), chunk_size):
            n_chunks = chunk.index + 1
            old = done.get(chunk.index)
            if old is not None and old["items"] == len(chunk.items):
                tallies[chunk.index] = old
                resumed += 1
                bar.update(len(chunk.items))
                continue
            yield chunk

    worker = _ChunkTask(analyzer, layout)
    if engine == "dask":
        from .corpus_dask import map_dask

        results = map_dask(worker, todo(), jobs=jobs, scheduler=scheduler)
    else:
        results = map_local(worker, todo(), jobs)
    stopped = False
    written = 0
    try:
        for index, rows, errs in results:
            tallies[index] = _tally(_write_chunk(folder, schema, index, rows, errs))
            bar.update(rows.num_rows + len(errs))
            written += 1
            if stop_after is not None and written >= stop_after:
                stopped = True
                break
    finally:
        if hasattr(results, "close"):
            results.close()
        bar.close()
    kept = [tallies[i] for i in sorted(tallies) if i < n_chunks]
    n_rows = sum(t["rows"] for t in kept)
    n_errors = sum(t["errors"] for t in kept)
    first = tuple(m for t in kept for m in t["first_errors"])[:3]
    if stopped:
        return CorpusResult(out, None, n_rows, n_errors, n_chunks, resumed, False,
                            time.perf_counter() - began, first)
    error_rows = _collect_errors(folder, n_chunks)
    if engine != "dask":
        n_rows = _compact(folder, out, schema, n_chunks)
    write_errors(errors_path, error_rows)
    if engine != "dask":
        shutil.rmtree(folder)
    return CorpusResult(out, errors_path, n_rows, len(error_rows), n_chunks, resumed, True,
                        time.perf_counter() - began, first)


class _ChunkTask:
    """A picklable ``chunk -> analyze_chunk(chunk, analyzer, layout)``."""

    def __init__(self, analyzer: Analyzer, layout: RowLayout):
        self.analyzer, self.layout = analyzer, layout

    def __call__(self, chunk: Chunk) -> tuple[int, list, list]:
        return analyze_chunk(chunk, self.analyzer, self.layout)


# ------------------------------------------------------------------ documentation

_DOC_START = "<!-- columns:start (generated by mediakit.run.corpus.update_columns_doc) -->"
_DOC_END = "<!-- columns:end -->"


def columns_markdown(analyzer: Analyzer | None = None) -> str:
    """The column table of ``docs/corpus.md`` as Markdown."""
    lines = ["| column | type | from the metrics file |", "| --- | --- | --- |"]
    for c in column_table(analyzer):
        lines.append(f"| `{c['column']}` | {c['type']} | `{c['source']}` |")
    return "\n".join(lines)


def update_columns_doc(path: str | Path) -> None:
    """Rewrite the generated column table between the markers of a Markdown file."""
    path = Path(path)
    text = path.read_text("utf-8")
    start, end = text.index(_DOC_START), text.index(_DOC_END)
    new = f"{text[:start]}{_DOC_START}\n{columns_markdown()}\n{text[end:]}"
    if new != text:
        write_atomic(path, new)
