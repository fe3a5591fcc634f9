"""Write the coded sheets of docs/validation.md: data/coding/coder-a.csv and coder-b.csv.

    python tools/coded_sheets.py [--check]

The sheets are mediakit's coding sheet of the sample in ``data/coding/coders.yaml`` with
that file's edits applied (each found by a piece of the row's text). Run it again when
a change of the extractor changes the sheet; ``--check`` only says whether the files in
the repository are what it would write (exit 1 if not).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CODING = ROOT / "data" / "coding"


def coded_sheets() -> dict[str, str]:
    """Coder name -> the CSV text of their sheet."""
    import tempfile

    from mediakit import Analyzer
    from mediakit.coding.sheets import make_codesheet

    spec = yaml.safe_load((CODING / "coders.yaml").read_text(encoding="utf-8"))
    s = spec["sample"]
    # From the checkout, so the sheet records the articles' paths relative to it.
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(ROOT):
        blank = Path(tmp) / "sheet.csv"
        make_codesheet(s["inputs"], blank, Analyzer(), sample=s["sample"], seed=s["seed"],
                       stratify=s["stratify"])
        text = blank.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    columns = list(rows[0])
    out = {}
    for coder, work in spec["coders"].items():
        coded = [dict(r) for r in rows]
        for edit in work["edits"]:
            hits = [r for r in coded if r["sheet"] == edit["sheet"] and edit["text"] in r["text"]]
            if len(hits) != 1:
                raise SystemExit(f"coders.yaml: {coder}: {edit['text']!r} matches {len(hits)} "
                                 f"rows of {edit['sheet']}, not one")
            hits[0].update(edit["codes"])
        for new in work["added"]:
            last = max(i for i, r in enumerate(coded) if r["sheet"] == new["sheet"])
            coded.insert(last + 1, {c: new.get(c, "") for c in columns})
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(coded)
        out[coder] = buffer.getvalue()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in data/coding/ instead of writing")
    args = parser.parse_args(argv)
    stale = []
    for coder, text in coded_sheets().items():
        path = CODING / f"{coder}.csv"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python tools/coded_sheets.py)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
