"""The registry of metric families: what each computes, needs and declares.

A family is registered once, with its name (its key in the metrics file), the document
layers and earlier families it requires, its parameters (name, type, default, help,
check), the top-level keys of its output and how its output becomes flat corpus
columns. :class:`~mediakit.run.analyzer.Analyzer` runs the registered families in order;
the CLI options, the report notebook's parameters, the corpus table, the conformance
test and the docs' column list read the same declarations instead of repeating them
(after spaCy's pipeline components, ``@Language.factory(requires=..., assigns=...)``).

Adding a family: write its module with a ``FAMILY = Family(...)`` declaration, add the
module to :data:`BUILTIN_MODULES`, and document it in ``docs/metrics.md``.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ParameterError
from ..io.articles import DEFAULT_MAX_BYTES

__all__ = [
    "BUILTIN_MODULES",
    "DOCUMENT_PARAMETERS",
    "FIXED_DATA_FILES",
    "CorpusColumns",
    "Family",
    "FamilyInput",
    "Parameter",
    "all_parameters",
    "families",
    "family",
    "packaged",
    "register",
    "registry_version",
    "unregister",
]


def _in_unit_interval(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) or not -1 <= value <= 1:
        raise ParameterError(None, f"{name} must be a number in [-1, 1], got {value!r}")


def _positive_int(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ParameterError(None, f"{name} must be a positive integer, got {value!r}")


def _boolean(name: str, value) -> None:
    if not isinstance(value, bool):
        raise ParameterError(None, f"{name} must be true or false, got {value!r}")


def _existing_file(name: str, value) -> None:
    if value is not None and not Path(value).is_file():
        # A named pipe or device would block or never end: refused unopened.
        what = "not a regular file" if Path(value).exists() else "no such file"
        raise ParameterError(value, f"{name}: {what}")


def _cue_types(name: str, value) -> None:
    from ..extract.lexicon import parse_counted_cue_types

    parse_counted_cue_types(value)


#: Checks a parameter may name (``Parameter.check``): name -> function(name, value).
CHECKS: dict[str, Callable[[str, object], None]] = {
    "unit_interval": _in_unit_interval,
    "positive_int": _positive_int,
    "file": _existing_file,
    "bool": _boolean,
    "cue_types": _cue_types,
}


@dataclass(frozen=True)
class Parameter:
    """One analysis parameter, declared once.

    Attributes
    ----------
    name : str
        Keyword of :class:`~mediakit.run.analyzer.Analyzer` and of the report notebook.
    type : type
        ``str``, ``int``, ``float`` or ``bool``.
    default : object
    help : str
        One line, shown by ``--help``, ``papermill --help-notebook`` and the docs.
    optional : bool
        Whether None is accepted.
    check : str or None
        A key of :data:`CHECKS` run by :meth:`validate`.
    flag : str or None
        The command-line option (default: ``--`` and the name with dashes).
    metavar : str or None
        The option's value placeholder in ``--help``.
    data_file : callable or None
        For a data-file parameter: ``data_file()`` is the file used when the value is
        None (a packaged list). The provenance records the file used and its SHA-256.
    """

    name: str
    type: type
    default: object
    help: str
    optional: bool = False
    check: str | None = None
    flag: str | None = None
    metavar: str | None = None
    data_file: Callable[[], Path] | None = None

    @property
    def option(self) -> str:
        """The command-line option of this parameter."""
        return self.flag or "--" + self.name.replace("_", "-")

    def validate(self, value) -> None:
        """Raise :class:`~mediakit.errors.ParameterError` if ``value`` is not allowed."""
        if value is None and self.optional:
            return
        if self.check is not None:
            CHECKS[self.check](self.name, value)


@dataclass(frozen=True)
class CorpusColumns:
    """How a family's output becomes flat corpus columns (see :mod:`mediakit.run.corpus`).

    Attributes
    ----------
    prefix : str
        Column-name prefix (default: the family's name).
    transparent : tuple of tuple
        Paths whose name adds nothing to the column name
        (``sources.diversity.n_sources`` -> ``sources_n_sources``).
    dropped : tuple of tuple
        Paths left out of the table (free text, lists of terms); ``*`` matches any key.
    categories : dict
        Path pattern -> name of the category list whose members become columns (so every
        article has the same columns).
    category_lists : callable or None
        ``category_lists(codebook, params) -> {list name: members}`` for the lists it
        names (``params``: the analysis parameters).

    All paths are relative to the family's output (they do not start with its name).
    """

    prefix: str | None = None
    transparent: tuple[tuple[str, ...], ...] = ()
    dropped: tuple[tuple[str, ...], ...] = ()
    categories: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    category_lists: Callable[[object, Mapping], Mapping[str, tuple]] | None = None


@dataclass(frozen=True)
class FamilyInput:
    """What a family's ``compute`` receives.

    Attributes
    ----------
    doc : Document
        The segmented article.
    params : dict
        Every analysis parameter's value (the family reads its own).
    results : dict
        Results of the families computed before it, by name (only those it requires
        are guaranteed).
    codebook : Codebook
        The codebook the parameters name (loaded once per process).
    meta : mapping
        The article's own fields beyond the standard ones (front matter, record
        fields: :attr:`~mediakit.io.articles.Article.extra`), e.g. ``genre``.
    """

    doc: object
    params: Mapping[str, object]
    results: Mapping[str, object]
    codebook: object
    meta: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Family:
    """A registered metric family.

    Attributes
    ----------
    name : str
        Its key in the metrics file.
    compute : callable
        ``compute(FamilyInput) -> result`` where ``result.to_dict()`` is its output.
    requires : tuple of str
        Document layers (``sentences``, ``paragraphs``, ``codebook``) and earlier
        families (by name) it reads.
    parameters : tuple of Parameter
        Its own parameters.
    outputs : tuple of str
        The top-level keys of its output.
    corpus : CorpusColumns
        How its output becomes corpus columns.
    doc_anchor : str
        The anchor of its section in ``docs/metrics.md`` (the heading's slug); the
        README's table links there and a test checks the heading exists.
    validate : callable or None
        ``validate(params)``: checks across several of its parameters.
    """

    name: str
    compute: Callable[[FamilyInput], object]
    requires: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    outputs: tuple[str, ...] = ()
    corpus: CorpusColumns = field(default_factory=CorpusColumns)
    doc_anchor: str = ""
    validate: Callable[[Mapping[str, object]], None] | None = None

    @property
    def column_prefix(self) -> str:
        return self.name if self.corpus.prefix is None else self.corpus.prefix


def packaged(name: str) -> Callable[[], Path]:
    """``data_file`` of a parameter whose default is ``mediakit/data/<name>``."""
    @lru_cache(maxsize=1)
    def path() -> Path:
        # Where the package's data folder is cannot change while the process runs, so
        # it is looked up once; whether the file changed is the provenance's stat.
        from importlib import resources

        return Path(str(resources.files("mediakit.data").joinpath(name)))

    path.__qualname__ = f"packaged({name!r})"
    return path


#: Layers of the document a family may require (computed by the analyzer).
LAYERS = ("sentences", "paragraphs", "codebook")

#: Parameters of loading and of the document's shared layers (not of one family).
DOCUMENT_PARAMETERS: tuple[Parameter, ...] = (
    Parameter("codebook", str, None, "codebook YAML of roles and sides (default: the "
              "packaged one)", optional=True, check="file", metavar="YAML",
              data_file=packaged("codebook.yaml")),
    Parameter("clutter_path", str, None, "clutter-pattern file (default: the packaged one)",
              optional=True, check="file", flag="--clutter", metavar="FILE",
              data_file=packaged("clutter.txt")),
    Parameter("max_bytes", int, DEFAULT_MAX_BYTES, "largest article accepted, in bytes",
              check="positive_int", metavar="N"),
)

#: Packaged data files read whatever the parameters (recorded in the provenance with
#: their SHA-256; not yet parameters of their own).
FIXED_DATA_FILES = ("abbreviations.txt", "sentence_starters.txt", "attribution_lexicon.txt",
                    "attribution_first_names.txt", "cue_types.txt", "dale_chall_inflections.txt",
                    "html_boilerplate.txt", "english_function_words.txt", "page_lines.txt",
                    "precision_markers.txt")

#: The families mediakit ships, in the order they run: module path of each ``FAMILY``.
BUILTIN_MODULES = (
    "mediakit.metrics.readability",
    "mediakit.metrics.sentiment",
    "mediakit.metrics.sources",
    "mediakit.metrics.civilian",
    "mediakit.metrics.framing",
    "mediakit.metrics.integrity",
)

_REGISTRY: dict[str, Family] = {}
_VERSION = [0]  # bumped on every change, so cached derived tables are rebuilt
_BUILTIN_NAMES: set[str] = set()
_BUILTINS_LOADED = False


def register(fam: Family) -> Family:
    """Add a family to the registry (after the built-in ones).

    Raises
    ------
    ValueError
        If the name is taken, a requirement is neither a layer nor an earlier family,
        or a parameter name is already declared.
    """
    _load_builtins()
    _add(fam)
    return fam


def _add(fam: Family) -> None:
    if fam.name in _REGISTRY:
        raise ValueError(f"a family named {fam.name!r} is already registered")
    for need in fam.requires:
        if need not in LAYERS and need not in _REGISTRY:
            raise ValueError(f"family {fam.name!r} requires {need!r}, which is neither a "
                             f"layer ({', '.join(LAYERS)}) nor an earlier family")
    taken = {p.name for p in all_parameters()}
    for p in fam.parameters:
        if p.name in taken:
            raise ValueError(f"family {fam.name!r} declares parameter {p.name!r} twice")
    _REGISTRY[fam.name] = fam
    _VERSION[0] += 1


def unregister(name: str) -> None:
    """Remove a family added with :func:`register` (built-in ones cannot be removed)."""
    if name in _BUILTIN_NAMES:
        raise ValueError(f"{name!r} is a built-in family")
    if _REGISTRY.pop(name, None) is not None:
        _VERSION[0] += 1


def registry_version() -> int:
    """A number that changes whenever a family is registered or removed."""
    _load_builtins()
    return _VERSION[0]


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    for module in BUILTIN_MODULES:
        fam = importlib.import_module(module).FAMILY
        _add(fam)
        _BUILTIN_NAMES.add(fam.name)


def families() -> tuple[Family, ...]:
    """The registered families, in the order they run."""
    _load_builtins()
    return tuple(_REGISTRY.values())


def family(name: str) -> Family:
    """The registered family called ``name`` (KeyError if there is none)."""
    _load_builtins()
    return _REGISTRY[name]


def all_parameters() -> tuple[Parameter, ...]:
    """Every analysis parameter: the document's, then each family's, in order."""
    _load_builtins()
    return DOCUMENT_PARAMETERS + tuple(p for f in _REGISTRY.values() for p in f.parameters)
