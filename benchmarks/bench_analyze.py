"""Throughput of ``mediakit.analyze`` against the floor of calling textstat and VADER directly.

The floor does the least work that gives the same headline figures: textstat 0.7.8's
seven readability formulas and ``text_standard`` on the body, and VADER's
``polarity_scores`` on each sentence (split by a regular expression). mediakit does that
and more (its own segmentation, the counts once, per-paragraph grades, Dale-Chall by the
published rules, and, when present, sources, civilian voice and framing), so the ratio
is the cost of everything mediakit adds.

Both are timed in this process, on the same articles, in alternating rounds. Every round
uses texts it has not seen before (each article gets a round-specific final sentence),
because textstat caches results by text and would otherwise answer from memory.

It also runs ``bench_first_call.py``'s measurement: the first readability call in a
fresh process.

Usage: ``python benchmarks/bench_analyze.py [--copies N] [--rounds R] [--no-first-call]``.
Aims (issue 2): overhead over the floor at most 1.3x; first call at most 0.2 s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def make_articles(copies: int, tag: str) -> list[str]:
    """Bodies of the sample articles, ``copies`` variants each, unseen by any cache."""
    import mediakit

    bodies = [a.body for a in mediakit.load_articles(ROOT / "data" / "raw")]
    out = []
    for c in range(copies):
        for i, body in enumerate(bodies):
            paragraphs = body.split("\n\n")
            k = c % len(paragraphs)
            rotated = paragraphs[k:] + paragraphs[:k]  # same sentences, new text
            out.append("\n\n".join(rotated) + f"\n\nThis is copy {c} of {i}, round {tag}.")
    return out


def floor(bodies: list[str]) -> None:
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = floor.vader = getattr(floor, "vader", None) or SentimentIntensityAnalyzer()
    split = re.compile(r"(?<=[.!?])\s+")
    for body in bodies:
        for f in (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
                  textstat.gunning_fog, textstat.smog_index, textstat.coleman_liau_index,
                  textstat.automated_readability_index,
                  textstat.dale_chall_readability_score):
            f(body)
        textstat.text_standard(body, float_output=True)
        for sentence in split.split(body):
            vader.polarity_scores(sentence)


def foundation(bodies: list[str]) -> None:
    """mediakit's readability and sentiment only (issue 2's families), as analyze runs them."""
    from mediakit.metrics.readability import readability
    from mediakit.metrics.sentiment import sentiment
    from mediakit.text import segment

    for body in bodies:
        doc = segment(body)
        readability(doc).to_dict()
        sentiment(doc).to_dict()


def with_mediakit(bodies: list[str]) -> None:
    import mediakit

    analyzer = mediakit.Analyzer()
    for body in bodies:
        analyzer.analyze(body).to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6, help="variants of each sample (6)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (3)")
    parser.add_argument("--no-first-call", action="store_true")
    args = parser.parse_args()

    # Warm both: dictionaries, lexicons, imports. Cold start is measured separately.
    floor(make_articles(1, "warm-floor"))
    foundation(make_articles(1, "warm-foundation"))
    with_mediakit(make_articles(1, "warm-mediakit"))
    import mediakit

    families = sorted(k for k in mediakit.analyze("Warm. Up.").to_dict()
                      if k not in ("schema_version", "article", "provenance"))
    rates = {"floor": [], "foundation": [], "mediakit": []}
    for r in range(args.rounds):
        for name, fn in (("floor", floor), ("foundation", foundation),
                         ("mediakit", with_mediakit)):
            bodies = make_articles(args.copies, f"{name}-{r}")
            t0 = time.perf_counter()
            fn(bodies)
            rates[name].append(len(bodies) / (time.perf_counter() - t0))
    f, m = statistics.median(rates["floor"]), statistics.median(rates["mediakit"])
    r_s = statistics.median(rates["foundation"])
    n = len(make_articles(args.copies, "count"))
    print(f"articles per round: {n}; rounds: {args.rounds}; families: {', '.join(families)}")
    print(f"floor (textstat formulas + VADER per sentence): {f:8.1f} articles/s")
    print(f"mediakit readability + sentiment (issue 2):     {r_s:8.1f} articles/s")
    print(f"mediakit.analyze (every family):                {m:8.1f} articles/s")
    print(f"overhead ratio, readability + sentiment: {f / r_s:.2f}x (aim <= 1.3x)")
    print(f"overhead ratio, every family:            {f / m:.2f}x (aim <= 1.3x; corpus aim 1.5x)")
    if not args.no_first_call:
        import bench_first_call

        bench_first_call.main([])


if __name__ == "__main__":
    main()
