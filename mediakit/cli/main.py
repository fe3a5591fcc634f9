"""The ``mediakit`` command line: a thin face over the Python API.

Commands are registered by name in :data:`COMMANDS`; each module that owns a command
(reports, corpus, ...) provides ``add_arguments(parser)`` and ``run(args) -> int``.
Errors with a named input print one line and exit 2; no traceback unless ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
import warnings
from dataclasses import fields, replace
from pathlib import Path

from .. import __version__
from ..errors import MediakitError, MediakitWarning
from ..io.articles import Columns, LoadFailure, LoadOptions, iter_articles
from ..io.fetch import DEFAULT_TIMEOUT, fetch_page, is_url
from ..io.writers import dumps_json, write_json
from ..metrics.registry import all_parameters
from ..run.analyzer import Analyzer
from ..run.params import analyzer_from_parameters

__all__ = ["COMMANDS", "main"]

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: The fields of :class:`~mediakit.io.articles.Columns`, one ``--NAME-column`` option each.
COLUMN_FIELDS = tuple(f.name for f in fields(Columns))


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that analyses articles."""
    group = parser.add_argument_group("analysis")
    for p in all_parameters():  # declared once, in mediakit.metrics.registry
        shown = "" if p.default is None else " (default: %(default)s)"
        if p.type is bool:  # --exclude-flagged / --no-exclude-flagged
            group.add_argument(p.option, dest=p.name, default=p.default,
                               action=argparse.BooleanOptionalAction,
                               help=p.help.replace("%", "%%"))
            continue
        group.add_argument(p.option, dest=p.name, type=p.type, default=p.default,
                           metavar=p.metavar, help=p.help.replace("%", "%%") + shown)
    cols = parser.add_argument_group("columns of .json/.jsonl/.csv/.parquet inputs")
    for name in COLUMN_FIELDS:
        what = ("a saved web page (HTML), read instead of the text field" if name == "html"
                else f"the article's {name} (default: %(default)s)")
        cols.add_argument(f"--{name}-column", default=getattr(Columns(), name), metavar="NAME",
                          help=f"field holding {what}")


def analyzer_from_args(args: argparse.Namespace) -> Analyzer:
    """Build (and validate) the :class:`Analyzer` the options describe."""
    return analyzer_from_parameters(vars(args))  # the options' names are the parameters


def load_options_from_args(args: argparse.Namespace) -> LoadOptions:
    """Loader options (columns, size limit, clutter file) from the parsed options."""
    columns = Columns(**{name: getattr(args, f"{name}_column") for name in COLUMN_FIELDS})
    return LoadOptions(columns=columns, max_bytes=args.max_bytes, clutter_path=args.clutter_path)


def iter_inputs(paths, options: LoadOptions, *, fetch_to: str | Path | None = None,
                timeout: float = DEFAULT_TIMEOUT):
    """Articles and load failures of several paths; a missing path is a failure too.

    A web address (``https://...``) is fetched once and saved, with its SHA-256, in
    ``fetch_to`` (default: the current folder), then read from the saved page.
    """
    for path in paths:
        try:
            if is_url(path):
                yield from _fetched(str(path), options, fetch_to, timeout)
            else:
                yield from iter_articles(path, options)
        except MediakitError as exc:
            yield LoadFailure(exc.path or str(path), exc.problem, exc.row)


def _fetched(url: str, options: LoadOptions, folder, timeout: float):
    page = fetch_page(url, Path(folder or "."), timeout=timeout, max_bytes=options.max_bytes)
    print(f"mediakit: fetched {url} into {page.path} (sha256 {page.sha256})", file=sys.stderr)
    for item in iter_articles(page.path, options):
        if isinstance(item, LoadFailure):
            yield LoadFailure(url, item.problem, item.row)
        else:
            yield item if item.url else replace(item, url=url)


def report_failures(failures) -> None:
    """Print one line per failure on standard error."""
    for failure in failures:
        print(f"mediakit: {failure.message}", file=sys.stderr)


def report_warnings(article) -> None:
    """Print an article's load warnings (e.g. a non-UTF-8 file) on standard error."""
    for message in article.warnings:
        print(f"mediakit: warning: {message}", file=sys.stderr)


# ------------------------------------------------------------------------ analyze


def _analyze_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files or folders, or web addresses (https://...)")
    parser.add_argument("--out", metavar="DIR", help="write one <id>.json per article here "
                        "(and a fetched page, with its SHA-256)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="how long to wait for a web address (default: %(default)s)")
    parser.add_argument("--format", choices=("json", "table"), default="json",
                        help="what to print (default json)")
    parser.add_argument("--corrections", metavar="SHEET",
                        help="a coded sheet (.xlsx or .csv): add the sources, civilian voice "
                        "and framing recomputed with the coders' codes (key 'corrected')")
    add_analysis_options(parser)


def _table(records: list[dict]) -> str:
    rows = [("id", "words", "sent.", "FRE", "FK grade", "Dale-Chall", "mean compound")]
    for r in records:
        rd, st = r["readability"], r["sentiment"]
        rows.append((r["article"]["id"], str(r["article"]["words"]), str(r["article"]["sentences"]),
                     _fmt(rd["flesch_reading_ease"]), _fmt(rd["flesch_kincaid_grade"]),
                     _fmt(rd["dale_chall"]), _fmt(st["mean_compound"])))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(row, widths))) for row in rows)


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def _analyze_run(args: argparse.Namespace) -> int:
    analyzer = analyzer_from_args(args)
    options = load_options_from_args(args)
    records, failures = [], []
    items = iter_inputs(args.paths, options, fetch_to=args.out, timeout=args.timeout)
    correct = None
    if args.corrections:  # every record is computed before any is written
        from ..coding.corrections import corrector

        items = list(items)
        correct = corrector(args.corrections, analyzer, items)
    for item in items:
        if isinstance(item, LoadFailure):
            failures.append(item)
            continue
        report_warnings(item)
        record = analyzer.analyze(item).to_dict()
        if correct is not None:
            correct(item, record)
        if args.out and correct is None:
            write_json(Path(args.out) / f"{item.id}.json", record)
        records.append(record)
    if args.out and correct is not None:
        for record in records:
            write_json(Path(args.out) / f"{record['article']['id']}.json", record)
    if args.format == "table":
        if records:
            print(_table(records))
    elif not args.out:
        sys.stdout.write(dumps_json(records[0] if len(records) == 1 and not failures
                                    else records))
    if args.out:
        print(f"wrote {len(records)} metrics file(s) to {args.out}", file=sys.stderr)
    report_failures(failures)
    return EXIT_FAILURES if failures else EXIT_OK


# ------------------------------------------------------------------------ sources


def _sources_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="what to print (default table)")
    add_analysis_options(parser)


def _sources_run(args: argparse.Namespace) -> int:
    from ..codebook import load_codebook
    from ..metrics.sources import analyze_sources, format_sources_table
    from ..text import segment

    codebook = load_codebook(args.codebook)  # a bad codebook stops here, naming file and line
    failures, first = [], True
    for item in iter_inputs(args.paths, load_options_from_args(args)):
        if isinstance(item, LoadFailure):
            failures.append(item)
            continue
        report_warnings(item)
        result = analyze_sources(segment(item.measured_text), codebook=codebook)
        if args.format == "json":
            sys.stdout.write(dumps_json({"id": item.id, "sources": result.to_dict()}))
        else:
            print(("" if first else "\n") + f"== {item.id}: {item.title or ''}")
            print(format_sources_table(result))
            first = False
    report_failures(failures)
    return EXIT_FAILURES if failures else EXIT_OK


# ---------------------------------------------------------------------- registry

#: name -> (help, add_arguments, run), or where to import them from: a dotted module
#: with HELP, add_arguments and run, or "module:NAME" for such a tuple in a module.
COMMANDS: dict[str, tuple[str, object, object] | str] = {
    "analyze": ("measure articles and print or write their metrics as JSON",
                _analyze_arguments, _analyze_run),
    "sources": ("print who speaks in articles: sources, roles, sides, diversity",
                _sources_arguments, _sources_run),
    "report": "mediakit.cli.reports:REPORT",
    "batch": "mediakit.cli.reports:BATCH",
    "corpus": "mediakit.cli.corpus",
    "codesheet": "mediakit.cli.coding:CODESHEET",
    "agreement": "mediakit.cli.coding:AGREEMENT",
}


def _resolve(name: str):
    entry = COMMANDS[name]
    if isinstance(entry, str):
        module_name, _, attribute = entry.partition(":")
        module = importlib.import_module(module_name)
        if attribute:
            return getattr(module, attribute)
        return module.HELP, module.add_arguments, module.run
    return entry


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered command.

    With ``only``, just that command's module is imported and its options added; the
    others are named without options (enough to parse a line that runs ``only``), so
    ``mediakit analyze`` does not import what ``mediakit corpus`` needs (pyarrow).
    """
    parser = argparse.ArgumentParser(prog="mediakit", description="Analyse news articles: "
                                     "readability, sentiment, who speaks, civilian voice.")
    parser.add_argument("--version", action="version", version=f"mediakit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)
            continue
        help_text, add_arguments, run = _resolve(name)
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(p)
        p.set_defaults(_run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mediakit`` command. Returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    named = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only=named if named in COMMANDS else None)
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnicodeWarning)  # recorded in Article.warnings instead
        warnings.simplefilter("always", MediakitWarning)
        warnings.showwarning = _show_warning
        return _run(args)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Print mediakit's own warnings as one ``mediakit:`` line; others as Python does."""
    if issubclass(category, MediakitWarning):
        print(f"mediakit: {message}", file=sys.stderr)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _run(args: argparse.Namespace) -> int:
    try:
        return args._run(args)
    except MediakitError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"mediakit: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("mediakit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a raw traceback
        if args.debug:
            traceback.print_exc()
        print(f"mediakit: internal error: {type(exc).__name__}: {exc} "
              "(run with --debug for the traceback, and please report it)", file=sys.stderr)
        return EXIT_USAGE

