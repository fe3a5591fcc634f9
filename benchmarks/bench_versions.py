"""mediakit against the floor on real news: ``python benchmarks/bench_versions.py DIR [ROUNDS]``.

The floor is textstat's seven formulas and ``text_standard`` plus VADER on each sentence;
mediakit is ``Analyzer().analyze`` with every registered family. ``DIR`` holds real news
articles as .txt (headline on the first line), e.g. PolNeAR's dev texts, read from outside
the repository. Every round gives each article a new last sentence, so no cache (textstat
caches by text) has seen it. Wall and CPU milliseconds per article and their ratios are
printed. To compare two versions of mediakit on one machine, run it twice with
``PYTHONPATH`` pointing at each checkout (the first line says which one was imported).
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import mediakit

_FORMULAS = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
             textstat.gunning_fog, textstat.smog_index, textstat.coleman_liau_index,
             textstat.automated_readability_index, textstat.dale_chall_readability_score)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def floor(bodies: list[str], vader: SentimentIntensityAnalyzer) -> None:
    for body in bodies:
        for formula in _FORMULAS:
            formula(body)
        textstat.text_standard(body, float_output=True)
        for sentence in _SENTENCE_END.split(body):
            vader.polarity_scores(sentence)


def with_mediakit(bodies: list[str], analyzer: mediakit.Analyzer) -> None:
    for body in bodies:
        analyzer.analyze(body).to_dict()


def main(argv: list[str]) -> None:
    folder, rounds = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 3
    print("mediakit from", mediakit.__file__)
    texts = [p.read_text("utf-8").split("\n", 1)[-1].strip()
             for p in sorted(folder.glob("*.txt"))]

    def variant(tag: str) -> list[str]:
        return [t + f"\n\nThis is variant {tag}." for t in texts]

    vader, analyzer = SentimentIntensityAnalyzer(), mediakit.Analyzer()
    runs = {"floor": lambda b: floor(b, vader), "mediakit": lambda b: with_mediakit(b, analyzer)}
    for name, run in runs.items():
        run(variant(f"warm-{name}"))
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for r in range(rounds):
        for name, run in runs.items():
            bodies = variant(f"{name}-{r}")
            wall, cpu = time.perf_counter(), time.process_time()
            run(bodies)
            times[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    medians = {name: (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts))
               for name, ts in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name}: {1000 * wall / len(texts):.1f} ms wall, "
              f"{1000 * cpu / len(texts):.1f} ms CPU per article")
    (fw, fc), (mw, mc) = medians["floor"], medians["mediakit"]
    print(f"ratio: {mw / fw:.2f}x wall, {mc / fc:.2f}x CPU ({len(texts)} articles, "
          f"{rounds} rounds; aim 1.3x)")


if __name__ == "__main__":
    main(sys.argv[1:])
