"""Parameters of the report notebooks: names, types, defaults, and their validation.

papermill passes parameters to a notebook by injecting a cell of assignments after the
cell tagged ``parameters``. It only *warns* about a name the notebook does not declare
and reads ``-p`` values as YAML, so ``-p article_id 007`` arrives as the integer 7 and
``-p positive_threshold abc`` as the text "abc". The schema here is the single record
of what each notebook accepts; :func:`check_notebook_parameters` (first cell after the
parameters) and :func:`validate_parameters` (``mediakit report``/``batch``, before any
kernel starts) stop a run on an unknown name or a wrong type with a one-line
:class:`~mediakit.errors.ParameterError`.

The notebooks' parameters cells mirror the schema (annotation, default, help comment)
so ``papermill --help-notebook`` lists them; ``tests/test_params.py`` checks they agree.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import ArticleError, ParameterError
from ..io.articles import (
    Article,
    Columns,
    LoadFailure,
    LoadOptions,
    article_at_row,
    iter_articles,
)
from ..metrics.registry import all_parameters

__all__ = [
    "ANALYSIS_PARAMETERS",
    "COMPARE_CORPUS_PARAMETERS",
    "COMPARE_PARAMETERS",
    "REPORT_PARAMETERS",
    "SCHEMAS",
    "TEACHING_PARAMETERS",
    "Parameter",
    "analyzer_from_parameters",
    "article_from_parameters",
    "check_notebook_parameters",
    "load_options_from_parameters",
    "recorded_parameters",
    "validate_parameters",
]

_TYPE_NAMES = {str: "text (str)", int: "an integer (int)", float: "a number (float)",
               bool: "true or false (bool)", dict: "a mapping (dict)"}


@dataclass(frozen=True)
class Parameter:
    """One notebook parameter.

    Attributes
    ----------
    name : str
    type : type
        ``str``, ``int``, ``float`` (an int is accepted), ``bool`` or ``dict``.
    default : object
    help : str
        The comment shown by ``papermill --help-notebook``.
    optional : bool
        Whether None is accepted (annotated ``Optional[...]``).
    recorded : bool
        Part of the provenance and of ``--resume``'s "same parameters" test. Where the
        outputs go is not: moving a results folder must not change its metrics files.
    """

    name: str
    type: type
    default: object
    help: str
    optional: bool = False
    recorded: bool = True

    @property
    def annotation(self) -> str:
        """The annotation written in the parameters cell (as papermill shows it)."""
        return f"Optional[{self.type.__name__}]" if self.optional else self.type.__name__

    def check(self, value, notebook: str | None = None) -> object:
        """Return ``value`` if it has this parameter's type, else raise ParameterError."""
        if value is None and self.optional:
            return value
        ok = isinstance(value, self.type) and not (self.type is not bool
                                                   and isinstance(value, bool))
        if self.type is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if not ok:
            expected = _TYPE_NAMES[self.type] + (" or None" if self.optional else "")
            hint = ""
            if self.type is str and isinstance(value, (int, float, bool)):
                # papermill's -p reads YAML: 007 becomes 7, yes becomes True.
                hint = f"; papermill reads -p values as YAML, pass text with -r {self.name} ..."
            raise ParameterError(notebook, f"parameter '{self.name}' must be {expected}, got "
                                 f"{type(value).__name__} {value!r}{hint}")
        if self.type is dict:
            for key, item in value.items():
                if not isinstance(key, str) or not isinstance(item, str):
                    raise ParameterError(notebook, f"parameter '{self.name}' must map names "
                                         f"to text, got {key!r}: {item!r}")
        return value


def _from_declaration(p) -> Parameter:
    return Parameter(p.name, p.type, p.default, p.help, optional=p.optional)


#: The analysis parameters, from their one declaration (mediakit.metrics.registry).
ANALYSIS_PARAMETERS: tuple[Parameter, ...] = tuple(_from_declaration(p)
                                                   for p in all_parameters())

# The report notebook (notebooks/src/article_report.py). Keep its parameters cell in step.
REPORT_PARAMETERS: tuple[Parameter, ...] = (
    Parameter("article_path", str, "../data/raw/israel-hamas-war-latest-news.txt",
              "article file (.txt .md .json) or corpus (.jsonl .csv)"),
    Parameter("article_row", int, None, "line (.jsonl) or row (.csv, header is row 1) of "
              "the article in a corpus file", optional=True),
    Parameter("article_id", str, None, "id given to the article (None: from the file)",
              optional=True),
    Parameter("title", str, None, "headline to show instead of the file's", optional=True),
    Parameter("outlet", str, None, "outlet to show instead of the file's", optional=True),
    Parameter("date", str, None, "publication date (ISO 8601) instead of the file's",
              optional=True),
    Parameter("output_dir", str, None, "folder where metrics.json is written (None: "
              "nothing written)", optional=True, recorded=False),
    Parameter("notebook_sha256", str, None, "SHA-256 of this notebook file (set by "
              "mediakit report and batch)", optional=True),
    *ANALYSIS_PARAMETERS,
    Parameter("columns", dict, {}, 'field names of .jsonl/.csv corpora, e.g. {"text": '
              '"content"}'),
    Parameter("corrections", str, None, "coded sheet (.xlsx .csv) whose codes correct who "
              "speaks, civilian voice and framing (None: no corrections)", optional=True),
)

# The comparison notebook (notebooks/src/compare_articles.py).
COMPARE_PARAMETERS: tuple[Parameter, ...] = (
    Parameter("results_dir", str, "../data/processed", "folder of mediakit batch results "
              "(one sub-folder with metrics.json per article)"),
    Parameter("output_csv", str, None, "where the comparison table is written (None: "
              "results_dir/comparison.csv)", optional=True, recorded=False),
    Parameter("group_by", str, "outlet", "comma-separated columns whose groups are "
              "compared pairwise (outlet, date, or any column of the table)"),
    Parameter("min_articles", int, 2, "groups with fewer articles are left out of the "
              "differences"),
    Parameter("bootstrap_resamples", int, 2000, "bootstrap resamples of each difference"),
    Parameter("seed", int, 0, "seed of the bootstrap (the same seed, the same intervals)"),
)

# The corpus comparison notebook (notebooks/src/compare_corpus.py).
COMPARE_CORPUS_PARAMETERS: tuple[Parameter, ...] = (
    Parameter("results_path", str, "../data/processed/corpus.parquet", "corpus table: "
              "Parquet file (local engine) or folder (Dask engine)"),
    Parameter("metrics", str, "readability_flesch_kincaid_grade,sentiment_mean_compound,"
              "sources_n_sources,sources_official_sources_share,civilian_source_share,"
              "framing_agentless_share", "comma-separated columns to compare "
              "(docs/corpus.md lists them)"),
    Parameter("period", str, "M", "time period for trends: Y (year), Q (quarter), M "
              "(month), W (week)"),
    Parameter("confidence", float, 0.95, "level of the confidence intervals"),
    Parameter("min_articles", int, 5, "groups with fewer articles are left out of the "
              "comparisons"),
    Parameter("output_csv", str, None, "where the table of group means is written (None: "
              "nothing written)", optional=True, recorded=False),
    Parameter("group_by", str, "outlet,period", "comma-separated columns whose groups are "
              "compared pairwise (outlet, period, or any column of the table)"),
    Parameter("bootstrap_resamples", int, 2000, "bootstrap resamples of each difference"),
    Parameter("seed", int, 0, "seed of the bootstrap (the same seed, the same intervals)"),
)

# The teaching exercises (notebooks/src/teaching/*.py). None: the exercise's own
# teaching article (mediakit/data/teaching/), which has an answer key.
_EXERCISE_ARTICLE = "article file (.txt .md .json); None: the exercise's teaching article"
TEACHING_PARAMETERS: dict[str, tuple[Parameter, ...]] = {
    "01_readability_by_hand": (
        Parameter("article_path", str, None, _EXERCISE_ARTICLE, optional=True),
        Parameter("paragraph", int, None, "paragraph to count by hand, from 1 (None: the "
                  "first of 35-90 words)", optional=True),
    ),
    "02_sentiment_limits": (
        Parameter("article_path", str, None, _EXERCISE_ARTICLE, optional=True),
    ),
    "03_who_speaks": (
        Parameter("article_path", str, None, _EXERCISE_ARTICLE, optional=True),
        Parameter("answer_key", str, None, "answer key of who speaks, in the gold format "
                  "(None: the teaching article's, or none for your own article)",
                  optional=True),
    ),
    "04_civilian_voice": (
        Parameter("article_a", str, None, "first article (None: the official-heavy "
                  "teaching article)", optional=True),
        Parameter("article_b", str, None, "second article on the same event (None: the "
                  "civilian-heavy teaching article)", optional=True),
    ),
}

SCHEMAS: dict[str, tuple[Parameter, ...]] = {
    "article_report": REPORT_PARAMETERS,
    "compare_articles": COMPARE_PARAMETERS,
    "compare_corpus": COMPARE_CORPUS_PARAMETERS,
    **TEACHING_PARAMETERS,
}


def _schema(notebook: str) -> tuple[Parameter, ...]:
    try:
        return SCHEMAS[notebook]
    except KeyError:
        raise ParameterError(None, f"no parameter schema for notebook '{notebook}' "
                             f"(known: {', '.join(SCHEMAS)})") from None


def validate_parameters(notebook: str, values: Mapping) -> dict:
    """Check parameters against a notebook's schema and fill in the defaults.

    Parameters
    ----------
    notebook : str
        ``"article_report"`` or ``"compare_articles"``.
    values : Mapping
        Parameter values by name (e.g. what will be passed to papermill).

    Returns
    -------
    dict
        Every parameter of the schema, in schema order, given values type-checked
        (an int given for a float parameter becomes a float).

    Raises
    ------
    ParameterError
        On the first unknown name or wrong type, naming the parameter.
    """
    schema = _schema(notebook)
    by_name = {p.name: p for p in schema}
    where = f"{notebook}.ipynb"
    for name in values:
        if name not in by_name:
            raise ParameterError(where, f"unknown parameter '{name}' (parameters are: "
                                 f"{', '.join(by_name)})")
    return {p.name: p.check(values[p.name], where) if p.name in values else _copy(p.default)
            for p in schema}


def _copy(value):
    return dict(value) if isinstance(value, dict) else value


def _injected_names(history) -> set[str] | None:
    """Names assigned by papermill's injected cell, from IPython's input history.

    papermill's cell starts with the comment ``# Parameters`` (its Python translator's
    ``codify``); the latest such cell before the current one is the run's. Returns
    None when there is no history (not in IPython).
    """
    if not isinstance(history, list):
        return None
    for source in reversed(history[:-1]):
        if isinstance(source, str) and source.lstrip().startswith("# Parameters"):
            try:
                tree = ast.parse(source)
            except SyntaxError:
                return set()
            return {target.id for node in tree.body if isinstance(node, ast.Assign)
                    for target in node.targets if isinstance(target, ast.Name)}
    return set()


def check_notebook_parameters(notebook: str, namespace: Mapping) -> dict:
    """Validate the parameters a notebook kernel holds (the first cell after them).

    Parameters
    ----------
    notebook : str
        The schema's name (``"article_report"``, ``"compare_articles"``).
    namespace : Mapping
        The kernel's ``globals()`` after the parameters cell and papermill's injected
        cell ran. Unknown names are those papermill's injected cell assigned (read
        from IPython's ``In`` history), so re-running cells by hand does not trip it.

    Returns
    -------
    dict
        The parameters by name, checked (see :func:`validate_parameters`).

    Raises
    ------
    ParameterError
        For a parameter papermill injected that the notebook does not declare, or a
        value of the wrong type.
    """
    schema = _schema(notebook)
    known = [p.name for p in schema]
    missing = [name for name in known if name not in namespace]
    if missing:
        raise ParameterError(f"{notebook}.ipynb", "the parameters cell does not define "
                             f"{', '.join(missing)}")
    values = {name: namespace[name] for name in known}
    for name in sorted(_injected_names(namespace.get("In")) or ()):
        if name not in values:
            values[name] = namespace.get(name)
    return validate_parameters(notebook, values)


def recorded_parameters(notebook: str, values: Mapping) -> dict:
    """The parameters that describe *what* was computed (provenance, ``--resume``)."""
    return {p.name: values.get(p.name, p.default) for p in _schema(notebook) if p.recorded}


def analyzer_from_parameters(values: Mapping):
    """The validated :class:`~mediakit.run.analyzer.Analyzer` the report parameters describe."""
    from .analyzer import Analyzer

    analyzer = Analyzer(**{p.name: values[p.name] for p in ANALYSIS_PARAMETERS})
    analyzer.validate()
    return analyzer


def load_options_from_parameters(values: Mapping) -> LoadOptions:
    """Loader options (columns, size limit, clutter file) the report parameters give."""
    known = {f.name for f in fields(Columns)}
    for name in values["columns"]:
        if name not in known:
            raise ParameterError("article_report.ipynb", f"parameter 'columns': unknown field "
                                 f"'{name}' (fields are: {', '.join(sorted(known))})")
    return LoadOptions(columns=Columns(**values["columns"]), max_bytes=values["max_bytes"],
                       clutter_path=values["clutter_path"])


def article_from_parameters(values: Mapping) -> Article:
    """Load the one article the report parameters point at.

    Parameters
    ----------
    values : Mapping
        Checked report parameters: ``article_path`` and, for a corpus file,
        ``article_row``; ``article_id``, ``title``, ``outlet``, ``date`` override the
        file's values when given.

    Returns
    -------
    Article

    Raises
    ------
    ArticleError
        If the file (or row) cannot be read.
    ParameterError
        If a corpus holds several articles and no row is given, or no article is at
        the row.
    """
    path, row = values["article_path"], values["article_row"]
    options = load_options_from_parameters(values)
    if row is not None and values["article_id"] is not None \
            and Path(path).suffix.lower() in (".jsonl", ".csv") and Path(path).is_file():
        # The id is given (mediakit batch always gives one): read only that row.
        item = article_at_row(path, row, options)
        if item is None:
            raise ParameterError(path, f"parameter 'article_row': no article at row {row}")
        if isinstance(item, LoadFailure):
            raise item.to_error()
        return _with_overrides(item, values)
    found: Article | None = None
    count = 0
    for item in iter_articles(path, options):
        item_row = item.row
        if row is not None and item_row != row:
            continue
        if isinstance(item, LoadFailure):
            raise item.to_error()
        count += 1
        if found is None:
            found = item
        if row is not None or count == 2:
            break  # a second article is enough to ask for a row
    if found is None:
        if row is not None:
            raise ParameterError(path, f"parameter 'article_row': no article at row {row}")
        raise ArticleError(path, "no article found")
    if count > 1:
        raise ParameterError(path, f"holds {count} or more articles; set the parameter "
                             "'article_row' to choose one")
    return _with_overrides(found, values)


def _with_overrides(article: Article, values: Mapping) -> Article:
    """The article with the id, title, outlet and date the parameters give."""
    overrides = {k: values[k] for k in ("title", "outlet", "date") if values[k] is not None}
    if values["article_id"] is not None:
        overrides["id"] = values["article_id"]
    return replace(article, **overrides) if overrides else article
