"""``python -m evaluation TASK PATH``: score mediakit on annotated corpora (see the package doc)."""

from __future__ import annotations

import argparse
import sys

from mediakit.errors import MediakitError
from mediakit.evaluate import (
    evaluate_framing,
    evaluate_gold,
    evaluate_humanisation,
    print_results,
)

from .breach import evaluate_breach
from .casualty import evaluate_casualty_corpus
from .polnear import evaluate_polnear
from .sourcing import evaluate_unknown_roles


def _gold(args: argparse.Namespace) -> dict:
    return {"sources": evaluate_gold(args.path),
            "framing": evaluate_framing(args.path),
            "humanisation": evaluate_humanisation(args.path)}


#: task -> function of the parsed arguments returning the figures.
TASKS = {
    "polnear": lambda a: {f"polnear-{a.split}": evaluate_polnear(a.path, split=a.split,
                                                                 limit=a.limit)},
    "unknown-roles": lambda a: {f"unknown-roles-{a.split}": evaluate_unknown_roles(
        a.path, split=a.split, limit=a.limit)},
    "casualty": lambda a: evaluate_casualty_corpus(a.path),
    "breach": lambda a: evaluate_breach(a.path),
    "gold": _gold,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    parser.add_argument("task", choices=list(TASKS))
    parser.add_argument("path", help="corpus folder (PolNeAR, casualty sentences, breach-globe) "
                        "or tests/gold")
    parser.add_argument("--split", default="dev", help="PolNeAR split (train or dev)")
    parser.add_argument("--limit", type=int, default=None, help="PolNeAR: first N articles")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        res = TASKS[args.task](args)
    except MediakitError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    if args.task == "gold" and not args.json:
        for task, block in res.items():
            print_results(task, block)
    else:
        print_results(args.task, res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
