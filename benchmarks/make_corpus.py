"""Build a deterministic synthetic corpus from the sample articles in data/raw.

Each synthetic article takes a random number of paragraphs from the pool of all
sample paragraphs, shuffles the order of sentences within some of them, and is given
one of five made-up outlets and a date in 2023-2024. The same N and seed always give
the same bytes.

Usage::

    python benchmarks/make_corpus.py 20000 --out /tmp/corpus-20k.jsonl [--seed 0]
    python benchmarks/make_corpus.py 2000 --out /tmp/corpus-2k.parquet
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mediakit.io.articles import load_articles  # noqa: E402
from mediakit.text import segment  # noqa: E402

OUTLETS = ("Northgate Tribune", "Harbour Daily", "The Meridian", "Valley Courier",
           "Eastern Wire")
START = dt.date(2023, 1, 1)
DAYS = 730


def paragraph_pool(raw: Path = ROOT / "data" / "raw") -> list[list[str]]:
    """Every paragraph of the sample articles as a list of its sentences."""
    pool = []
    for article in load_articles(raw):
        doc = segment(article.body)
        for p in doc.paragraphs:
            sentences = [s.text for s in doc.sentences if s.paragraph == p.index]
            if sentences:
                pool.append(sentences)
    return pool


def synthetic_articles(n: int, seed: int = 0, min_paragraphs: int = 2,
                       max_paragraphs: int = 9):
    """Yield ``n`` synthetic article records (dicts) deterministically."""
    rng = random.Random(seed)
    pool = paragraph_pool()
    for i in range(n):
        paragraphs = []
        for _ in range(rng.randint(min_paragraphs, max_paragraphs)):
            sentences = list(rng.choice(pool))
            # Shuffle sentences only where no quotation can be torn apart.
            quoted = any(q in "".join(sentences) for q in "\"\u201c\u201d")
            if len(sentences) > 1 and not quoted and rng.random() < 0.5:
                rng.shuffle(sentences)
            if len(sentences) > 2 and rng.random() < 0.3:
                sentences = sentences[: rng.randint(1, len(sentences) - 1)]
            paragraphs.append(" ".join(sentences))
        first = paragraphs[0].split(". ")[0]
        yield {
            "id": f"syn-{i:06d}",
            "title": " ".join(first.split()[:10]),
            "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
            "date": (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat(),
            "body": "\n\n".join(paragraphs),
        }


def write_jsonl(records, path: Path) -> Path:
    """Write records one JSON object a line (the corpus format mediakit streams)."""
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("--out", required=True, help="output .jsonl or .parquet")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    records = synthetic_articles(args.n, args.seed)
    if out.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(list(records)), out, row_group_size=1000)
    else:
        write_jsonl(records, out)
    print(f"wrote {args.n} articles to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
