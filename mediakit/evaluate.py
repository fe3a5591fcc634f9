"""Evaluation command: ``python -m mediakit.evaluate {sources,framing,humanisation} PATH``.

``sources PATH`` scores who-speaks extraction: on hand gold (``tests/gold``) per split,
or on a PolNeAR copy (a folder with ``metadata.tsv``) with ``--split train|dev``.
``framing`` and ``humanisation`` hand over to :mod:`mediakit.evaluate_framing` and
:mod:`mediakit.civilian`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import MediakitError
from .evaluate_framing import evaluate_framing
from .metrics.civilian import evaluate_humanisation

__all__ = ["main"]


def _print_block(title: str, res: dict) -> None:
    print(f"== {title}")
    for key, val in res.items():
        if isinstance(val, dict) and {"precision", "recall", "f1"} <= set(val):
            print(
                f"  {key:<26} P {val['precision']:.3f}  R {val['recall']:.3f}  "
                f"F1 {val['f1']:.3f}"
            )
        elif isinstance(val, dict):
            print(f"  {key:<26} {json.dumps(val)}")
        else:
            print(f"  {key:<26} {val}")


def _sources(args: argparse.Namespace) -> dict:
    from .evaluate_sources import evaluate_gold, evaluate_polnear

    path = Path(args.path)
    if (path / "metadata.tsv").is_file():
        return {f"polnear-{args.split}": evaluate_polnear(path, split=args.split, limit=args.limit)}
    return evaluate_gold(path)


#: task -> function of the parsed arguments returning the figures.
EVALUATIONS = {
    "sources": _sources,
    "framing": lambda args: evaluate_framing(args.path),
    "humanisation": lambda args: evaluate_humanisation(args.path),
}


def main(argv: list[str] | None = None) -> int:
    """Run an evaluation and print its figures (``--json`` for machine-readable output)."""
    parser = argparse.ArgumentParser(prog="python -m mediakit.evaluate", description=__doc__)
    parser.add_argument("task", choices=list(EVALUATIONS))
    parser.add_argument("path", help="gold folder or file (or a PolNeAR folder for sources)")
    parser.add_argument("--split", default="dev", help="PolNeAR split (train or dev)")
    parser.add_argument("--limit", type=int, default=None, help="PolNeAR: first N articles")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        res = EVALUATIONS[args.task](args)
    except MediakitError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return 0
    blocks = res if all(isinstance(v, dict) for v in res.values()) else {args.task: res}
    for title, block in blocks.items():
        _print_block(title, block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
