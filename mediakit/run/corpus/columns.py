"""How metrics records become corpus rows: flattening, category columns, the row layout
(Arrow types), ``meta_`` columns and the errors table's schema."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

import pyarrow as pa

from ...codebook import load_codebook
from ...io.articles import (
    Article,
    article_from_text,
)
from ...metrics.registry import families, registry_version
from ..analyzer import Analyzer

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
