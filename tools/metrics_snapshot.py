"""Snapshot every metrics file mediakit writes for a fixed set of texts, and compare two.

A guard for refactoring: "nothing moves but the code" means every metrics file is
byte-identical before and after a change (provenance aside, which names the commit).

    python tools/metrics_snapshot.py write /tmp/snap-before [--real ../shared/data]
    python tools/metrics_snapshot.py compare /tmp/snap-before /tmp/snap-after [--ignore rule]

The texts: every sample article in ``data/raw``, every text of the hand gold in
``tests/gold`` (sources files, framing and humanisation sentences), the teaching
articles, and with ``--real DIR`` real news read from outside the repository (PolNeAR's
train and dev articles and the Breach/Globe sentences under DIR); nothing of those is
written into the repository.

Each snapshot is one JSON Lines file per group, one line per text: ``{"id", "metrics"}``
with the record's ``provenance`` removed. ``compare`` lists the texts whose records
differ and the first differing key path of each.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mediakit  # noqa: E402
from mediakit.io.writers import dumps_json  # noqa: E402


def _texts_samples():
    for article in mediakit.load_articles(ROOT / "data" / "raw"):
        yield article.id, article


def _texts_gold_sources():
    for path in sorted((ROOT / "tests" / "gold" / "sources").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "path" in gold:
            yield path.stem, mediakit.load_articles(ROOT / gold["path"])[0]
        else:
            yield path.stem, mediakit.article_from_text(gold["text"])


def _texts_gold_sentences():
    for name in ("framing", "humanisation"):
        lines = (ROOT / "tests" / "gold" / f"{name}.jsonl").read_text(encoding="utf-8")
        for i, line in enumerate(lines.splitlines()):
            if line.strip():
                row = json.loads(line)
                yield f"{name}-{i}", row.get("sentence") or row.get("text")


def _texts_teaching():
    folder = ROOT / "mediakit" / "data" / "teaching" / "articles"
    for path in sorted(folder.glob("*.md")):
        yield path.stem, mediakit.load_articles(path)[0]


def _texts_polnear(root: Path):
    for split in ("dev", "train"):
        for path in sorted((root / "polnear" / split / "text").glob("*.txt")):
            yield f"{split}/{path.stem}", path.read_text(encoding="utf-8")


def _texts_breach(root: Path):
    with open(root / "breach-globe" / "globe_sentences.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield f"globe-{row['']}", row["sentence"]


def groups(real: Path | None):
    """Name -> iterator of (id, article or text)."""
    out = {
        "samples": _texts_samples,
        "gold-sources": _texts_gold_sources,
        "gold-sentences": _texts_gold_sentences,
        "teaching": _texts_teaching,
    }
    if real is not None:
        out["polnear"] = lambda: _texts_polnear(real)
        out["breach"] = lambda: _texts_breach(real)
    return out


def write(folder: Path, real: Path | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    analyzer = mediakit.Analyzer()
    for name, texts in groups(real).items():
        n = 0
        with open(folder / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for text_id, item in texts():
                record = analyzer.analyze(item).to_dict()
                record.pop("provenance", None)
                path = record["article"].get("source_path")
                if path and Path(path).is_absolute() and Path(path).is_relative_to(ROOT):
                    record["article"]["source_path"] = str(Path(path).relative_to(ROOT))
                fh.write(json.dumps({"id": text_id, "metrics": json.loads(dumps_json(record))},
                                    sort_keys=True, ensure_ascii=False) + "\n")
                n += 1
        print(f"{name}: {n} texts")


def _first_difference(a, b, path="") -> str:
    if type(a) is not type(b):
        return path or "/"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}/{key} ({'added' if key not in a else 'removed'})"
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], f"{path}/{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path} (length {len(a)} -> {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{path}/{i}")
    return path or "/"


def _without(value, keys: frozenset):
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def compare(before: Path, after: Path, limit: int = 20, ignore: frozenset = frozenset()) -> int:
    differing = 0
    for old_file in sorted(before.glob("*.jsonl")):
        new_file = after / old_file.name
        if not new_file.is_file():
            print(f"{old_file.name}: missing in {after}")
            differing += 1
            continue
        old = [_without(json.loads(x), ignore)
               for x in old_file.read_text(encoding="utf-8").splitlines()]
        new = [_without(json.loads(x), ignore)
               for x in new_file.read_text(encoding="utf-8").splitlines()]
        changed = [(o["id"], _first_difference(o, n)) for o, n in zip(old, new) if o != n]
        if len(old) != len(new):
            changed.append(("(count)", f"{len(old)} -> {len(new)} texts"))
        print(f"{old_file.name}: {len(old)} texts, {len(changed)} differ")
        for text_id, where in changed[:limit]:
            print(f"  {text_id}: {where}")
        differing += len(changed)
    return 1 if differing else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("folder", type=Path)
    w.add_argument("--real", type=Path, default=None,
                   help="folder holding polnear/ and breach-globe/ (e.g. ../shared/data)")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--limit", type=int, default=20)
    c.add_argument("--ignore", action="append", default=[], metavar="KEY",
                   help="leave this key out wherever it occurs (an intended new key)")
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.folder, args.real)
        return 0
    return compare(args.before, args.after, args.limit, frozenset(args.ignore))


if __name__ == "__main__":
    raise SystemExit(main())
