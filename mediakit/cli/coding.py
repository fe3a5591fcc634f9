"""The ``mediakit codesheet`` and ``mediakit agreement`` commands."""

from __future__ import annotations

import argparse
import sys

from .main import (
    EXIT_FAILURES,
    EXIT_OK,
    add_analysis_options,
    analyzer_from_args,
    load_options_from_args,
    report_failures,
)


def _codesheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="INPUT",
                        help="article files, folders or corpus files (.jsonl, .csv)")
    parser.add_argument("--out", required=True, metavar="PATH",
                        help="the coding sheet to write: .xlsx (a workbook with drop-down "
                        "lists) or .csv")
    parser.add_argument("--sample", type=int, metavar="N",
                        help="code a random sample of N articles (default: all)")
    parser.add_argument("--seed", type=int, default=0, metavar="S",
                        help="seed of the sample (default %(default)s)")
    parser.add_argument("--stratify", choices=("outlet", "date", "author"), metavar="FIELD",
                        help="sample each outlet (or date, author) in proportion")
    add_analysis_options(parser)


def _codesheet_run(args: argparse.Namespace) -> int:
    from ..coding.sheets import make_codesheet

    if args.sample is not None and args.sample < 1:
        print("mediakit: --sample must be at least 1", file=sys.stderr)
        return 2
    path, counts, failures = make_codesheet(
        args.paths, args.out, analyzer_from_args(args), sample=args.sample, seed=args.seed,
        stratify=args.stratify, options=load_options_from_args(args))
    rows = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
    print(f"wrote {path}: {rows}", file=sys.stderr)
    report_failures(failures)
    return EXIT_FAILURES if failures else EXIT_OK


CODESHEET = ("write a coding sheet (.xlsx or .csv) of attributions and harm mentions for "
             "human coders", _codesheet_arguments, _codesheet_run)
