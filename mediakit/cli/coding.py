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


# ---------------------------------------------------------------------- agreement


def _agreement_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sheets", nargs="+", metavar="SHEET",
                        help="coded sheets (.xlsx or .csv), one per coder")
    parser.add_argument("--out", metavar="DIR", help="also write summary.csv, detection.csv "
                        "and confusion.csv here")
    parser.add_argument("--blank", choices=("machine", "missing"), default="machine",
                        help="a blank coder cell accepts mediakit's code (default) or is no "
                        "code (sheets coded blind)")
    parser.add_argument("--codebook", metavar="YAML",
                        help="the codebook whose roles and sides are allowed (default: the "
                        "packaged one)")
    parser.add_argument("--harm-lexicon", metavar="YAML",
                        help="the harm lexicon whose harm types are allowed")


def _agreement_run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..coding.agreement import agreement
    from ..coding.sheets import code_lists
    from ..io.writers import write_atomic

    result = agreement(args.sheets, blank=args.blank,
                       codes=code_lists(args.codebook, args.harm_lexicon))
    print(f"coders: {', '.join(result.coders)}")
    print("\nagreement (percent agreement, Cohen's kappa for two raters, Krippendorff's "
          "alpha, nominal)")
    print(result.summary.to_string(index=False, na_rep="-", float_format=_three))
    print("\nmediakit against each coder: rows found")
    print(result.detection.to_string(index=False, na_rep="-", float_format=_three))
    if args.out:
        tables = {"summary.csv": result.summary, "detection.csv": result.detection,
                  "confusion.csv": result.confusion}
        texts = {name: t.to_csv(index=False) for name, t in tables.items()}  # all, then write
        for name, text in texts.items():
            write_atomic(Path(args.out) / name, text)
        print(f"\nwrote {', '.join(texts)} to {args.out}", file=sys.stderr)
    return EXIT_OK


def _three(x: float) -> str:
    return f"{x:.3f}"


AGREEMENT = ("agreement between coders, and between mediakit and each coder, from coded "
             "sheets", _agreement_arguments, _agreement_run)
