"""The ``mediakit report`` and ``mediakit batch`` commands (see :mod:`mediakit.run.reports`).

``report`` writes a report per article; ``batch`` does the same over a folder or
corpus and then runs the comparison notebook over the results folder. Both end with
one line per failed article and exit 1 if any failed.
"""

from __future__ import annotations

import argparse
import sys

from ..io.articles import Columns
from ..run.params import ANALYSIS_PARAMETERS, validate_parameters
from .main import COLUMN_FIELDS, EXIT_FAILURES, EXIT_OK, add_analysis_options

__all__ = ["BATCH", "REPORT"]



def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _common(parser: argparse.ArgumentParser, out_default: str | None) -> None:
    if out_default is None:
        parser.add_argument("--out", metavar="DIR", required=True,
                            help="results folder: DIR/<id>/report.html, report.ipynb, "
                                 "metrics.json")
    else:
        parser.add_argument("--out", metavar="DIR", default=out_default,
                            help="results folder (default: %(default)s)")
    parser.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                        help="articles run in parallel, in separate processes (default 1)")
    parser.add_argument("--resume", action="store_true",
                        help="skip articles whose outputs are current (same input SHA-256, "
                             "parameters, mediakit version and notebook)")
    parser.add_argument("--with-code", action="store_true",
                        help="show the notebook code in the HTML (hidden by default)")
    parser.add_argument("--notebook", metavar="IPYNB",
                        help="report notebook to run (default: mediakit's own "
                             "article_report.ipynb)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--corrections", metavar="SHEET",
                        help="a coded sheet (.xlsx or .csv): reports show who speaks, "
                        "civilian voice and framing corrected by the coders beside mediakit's")
    add_analysis_options(parser)


def _parameters(args: argparse.Namespace) -> dict:
    """Report-notebook parameters from the options (only those that differ from the
    defaults are passed on, the rest are the notebook's own)."""
    params = {p.name: getattr(args, p.name) for p in ANALYSIS_PARAMETERS}
    columns = {}
    defaults = validate_parameters("article_report", {})
    for name in COLUMN_FIELDS:
        value = getattr(args, f"{name}_column")
        if value != getattr(Columns(), name):
            columns[name] = value
    if columns:
        params["columns"] = columns
    if args.corrections:  # the notebook runs elsewhere: an absolute path
        from pathlib import Path

        params["corrections"] = str(Path(args.corrections).resolve())
    return {k: v for k, v in params.items() if v != defaults[k]}


def _summary(result, out: str) -> int:
    done, skipped = result.count("done"), result.count("skipped")
    failed = result.failures
    line = f"mediakit: {done} report(s) written to {out}"
    if skipped:
        line += f", {skipped} already current (skipped)"
    print(line, file=sys.stderr)
    done_reports = [o for o in result.outcomes if o.status == "done"]
    if len(done_reports) <= 10:  # a few: each report's path, to open it
        for outcome in done_reports:
            print(f"mediakit: report: {outcome.folder}/report.html", file=sys.stderr)
    if result.comparison is not None and result.comparison.ok:
        print(f"mediakit: comparison report: {result.comparison.folder}/comparison.html",
              file=sys.stderr)
    for outcome in failed:
        kept = (f"; executed notebook kept: {outcome.folder}/"
                f"{'comparison' if outcome.article_id == 'comparison' else 'report'}.ipynb"
                if outcome.notebook_kept else "")
        print(f"mediakit: FAILED {outcome.article_id} ({outcome.source}): {outcome.error}{kept}",
              file=sys.stderr)
    if failed:
        print(f"mediakit: {len(failed)} failure(s)", file=sys.stderr)
    return EXIT_FAILURES if failed else EXIT_OK


def _run(args: argparse.Namespace, compare: bool) -> int:
    from ..run.reports import run_batch

    result = run_batch(args.paths, args.out, _parameters(args), jobs=args.jobs,
                       resume=args.resume, with_code=args.with_code, compare=compare,
                       progress=False if args.no_progress else None, notebook=args.notebook)
    return _summary(result, args.out)


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="ARTICLE",
                        help="article files (.txt .md .json) or corpora (.jsonl .csv)")
    _common(parser, "reports")


def _batch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="INPUT",
                        help="a folder of articles, or a .jsonl/.csv corpus")
    _common(parser, None)
    parser.add_argument("--no-compare", action="store_true",
                        help="do not run the comparison notebook afterwards")


def _report_run(args: argparse.Namespace) -> int:
    return _run(args, compare=False)


def _batch_run(args: argparse.Namespace) -> int:
    return _run(args, compare=not args.no_compare)


# The two commands this module provides, as cli.COMMANDS reads them
# ("mediakit.cli.reports:REPORT"): (help, add_arguments, run).
REPORT = ("run the report notebook on articles: DIR/<id>/report.html, report.ipynb, "
          "metrics.json", _report_arguments, _report_run)
BATCH = ("report on every article of a folder or corpus in parallel, then compare them "
         "(DIR/comparison.html, comparison.csv)", _batch_arguments, _batch_run)
