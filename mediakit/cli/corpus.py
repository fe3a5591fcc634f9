"""The ``mediakit corpus`` command: a whole corpus into one flat Parquet table."""

from __future__ import annotations

import argparse
import sys

from ..run.corpus import DEFAULT_CHUNK_SIZE, run_corpus
from .main import (
    EXIT_FAILURES,
    EXIT_OK,
    add_analysis_options,
    analyzer_from_args,
    load_options_from_args,
)

HELP = "measure a corpus (folder, .jsonl, .csv, .parquet) into one flat Parquet table"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``mediakit corpus``."""
    parser.add_argument("input", metavar="INPUT",
                        help="a folder of article files, or a .jsonl, .csv or .parquet file")
    parser.add_argument("--out", required=True, metavar="PATH",
                        help="the Parquet file to write (with --engine dask: a folder of "
                        "part files)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes (default 1: this process)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local process pool (default) or Dask")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="address of a running Dask scheduler, e.g. tcp://host:8786 "
                        "(implies --engine dask; default: start a LocalCluster of --jobs workers)")
    parser.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                        help=f"articles per chunk and part file (default {DEFAULT_CHUNK_SIZE})")
    parser.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True,
                        help="keep the chunks an interrupted run wrote (default) or start over")
    parser.add_argument("--errors", metavar="PATH",
                        help="errors table, .csv or .parquet (default <out>.errors.csv)")
    parser.add_argument("--stop-after", type=int, metavar="CHUNKS",
                        help="stop after writing this many chunks (resumable; to try a sample)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_analysis_options(parser)


def run(args: argparse.Namespace) -> int:
    """Run ``mediakit corpus``; exit 1 when some articles went to the errors table, or
    when no article was measured (also in a run stopped by ``--stop-after``)."""
    if args.scheduler and args.engine != "dask":
        args.engine = "dask"  # an address only makes sense for Dask
    analyzer = analyzer_from_args(args)
    options = load_options_from_args(args)
    try:
        result = run_corpus(args.input, args.out, engine=args.engine, jobs=args.jobs,
                            scheduler=args.scheduler, chunk_size=args.chunk_size,
                            resume=args.resume, errors=args.errors, analyzer=analyzer,
                            columns=options.columns, progress=not args.no_progress,
                            stop_after=args.stop_after)
    except KeyboardInterrupt:
        print("mediakit: the chunks written so far are kept; run the same command again "
              "to resume", file=sys.stderr)
        raise
    nothing = result.rows == 0 and result.errors > 0
    if not result.complete:
        print(f"mediakit: stopped after {args.stop_after} chunk(s) ({result.rows} row(s), "
              f"{result.errors} error(s) so far); run the same command without --stop-after "
              "to finish", file=sys.stderr)
    else:
        rate = result.rows / result.seconds if result.seconds else 0.0
        resumed = f", {result.resumed_chunks} chunk(s) resumed" if result.resumed_chunks else ""
        print(f"wrote {result.rows} row(s) to {result.out} in {result.seconds:.1f} s "
              f"({rate:.1f} articles/s{resumed}); {result.errors} error(s) in "
              f"{result.errors_path}", file=sys.stderr)
    if nothing:
        print(f"mediakit: no article was measured: all {result.errors} item(s) failed "
              f"(first: {result.first_errors[0]})", file=sys.stderr)
        return EXIT_FAILURES
    if not result.complete:
        return EXIT_OK
    return EXIT_FAILURES if result.errors else EXIT_OK
