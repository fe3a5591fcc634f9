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

And one long text (issue 11): real news articles (PolNeAR's training texts, read from
outside the repository) joined until 1 MB. On it: VADER's whole-text score with
mediakit's analyser, with mediakit's previous one (stock VADER with its negation and
idiom checks windowed) and with stock vaderSentiment 3.3.2 (by default on the first
125 KB only: on 1 MB it takes about half an hour; ``--stock-full`` measures it), each
also on half the text to show how it grows; and ``mediakit.analyze`` on 1 MB and on
half of it. Wall and CPU seconds are printed: on a shared machine the wall clock also
counts waiting for a core.

Usage: ``python benchmarks/bench_analyze.py [--articles DIR] [--copies N] [--rounds R]
[--no-first-call] [--news-dir DIR] [--megabytes M] [--stock-kb K | --stock-full] [--no-long-text]``.
Aims (issue 2): overhead over the floor at most 1.3x; first call at most 0.2 s.
Aim (issue 11): ``analyze`` on 1 MB of news in under 10 s.
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


#: Folder of real news articles (.txt, headline on the first line) to measure on instead
#: of the sample articles (``--articles``).
ARTICLES_DIR: list[Path] = []


def _bodies() -> list[str]:
    import mediakit

    if ARTICLES_DIR:
        return [p.read_text("utf-8").split("\n", 1)[-1].strip()
                for p in sorted(ARTICLES_DIR[0].glob("*.txt"))]
    return [a.body for a in mediakit.load_articles(ROOT / "data" / "raw")]


def make_articles(copies: int, tag: str) -> list[str]:
    """Bodies of the articles, ``copies`` variants each, unseen by any cache."""
    bodies = _bodies()
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


NEWS = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def long_news_text(news_dir: Path, n_chars: int) -> str:
    """Real articles from ``news_dir`` (sorted by name), joined until ``n_chars``."""
    files = sorted(news_dir.glob("*.txt"))
    if not files:
        raise SystemExit(f"{news_dir}: no .txt articles (give --news-dir, or --no-long-text)")
    parts, size = [], 0
    for f in files:
        parts.append(f.read_text(encoding="utf-8").strip())
        size += len(parts[-1]) + 2
        if size >= n_chars:
            break
    else:
        raise SystemExit(f"{news_dir}: {size:,} characters in all, fewer than {n_chars:,}")
    return "\n\n".join(parts)[:n_chars]


def previous_vader():
    """mediakit's VADER before issue 11: stock, with the negation and idiom checks handed
    the three words either side of word ``i`` (all they look at) instead of the whole word
    list, which they lower-case on every call."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class Previous(SentimentIntensityAnalyzer):
        @staticmethod
        def _negation_check(valence, words_and_emoticons, start_i, i):
            lo = max(0, i - 3)
            return SentimentIntensityAnalyzer._negation_check(
                valence, words_and_emoticons[lo:i + 1], start_i, i - lo)

        @staticmethod
        def _special_idioms_check(valence, words_and_emoticons, i):
            lo = max(0, i - 3)
            return SentimentIntensityAnalyzer._special_idioms_check(
                valence, words_and_emoticons[lo:i + 3], i - lo)

    return Previous()


def _clock(fn, arg, repeats: int = 1) -> tuple[float, float, object]:
    """Wall and CPU seconds of the call with the least CPU time, and its result."""
    best = None
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        out = fn(arg)
        run = (time.perf_counter() - w, time.process_time() - c, out)
        best = run if best is None or run[1] < best[1] else best
    return best


def _half(text: str) -> str:
    cut = text.rfind("\n\n", 0, len(text) // 2)
    return text[:cut if cut > 0 else len(text) // 2]


def long_text(news_dir: Path, megabytes: float, stock_kb: float | None) -> None:
    """Whole-text VADER (stock, previous, now) and ``analyze`` on one long news text."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    import mediakit
    from mediakit.metrics.sentiment import _analyzer

    text = long_news_text(news_dir, int(megabytes * 1_000_000))
    print(f"\none long text: {len(text):,} characters, {len(text.split()):,} words, "
          f"from {news_dir}")
    now, before, stock = _analyzer(), previous_vader(), SentimentIntensityAnalyzer()
    stock_text = text if stock_kb is None else text[:int(stock_kb * 1000)]
    rows = {}
    for name, analyser, t in (("now", now, text), ("before", before, text),
                              ("stock", stock, stock_text), ("now-slice", now, stock_text)):
        repeats = 3 if analyser is now else 1  # best of three where it is cheap
        full = _clock(analyser.polarity_scores, t, repeats)
        half = _clock(analyser.polarity_scores, _half(t), repeats)
        rows[name] = (len(t), full, half)
    same = rows["now"][1][2] == rows["before"][1][2] and (
        rows["stock"][1][2] == rows["now-slice"][1][2])
    print("whole-text VADER        chars     wall s    CPU s  doubling (full/half, CPU)")
    for name, label in (("stock", "stock 3.3.2"), ("now-slice", "mediakit now"),
                        ("before", "mediakit before"), ("now", "mediakit now")):
        n, full, half = rows[name]
        print(f"  {label:18} {n:>10,} {full[0]:10.2f} {full[1]:8.2f}  {full[1] / half[1]:.2f}x")
    print(f"  scores identical: {same}")
    print(f"  ratio on {rows['stock'][0]:,} chars, stock / now: "
          f"{rows['stock'][1][1] / rows['now-slice'][1][1]:.0f}x (CPU)")
    print(f"  ratio on {len(text):,} chars, before / now: "
          f"{rows['before'][1][1] / rows['now'][1][1]:.0f}x (CPU)")
    analyzer = mediakit.Analyzer()
    tag = f"\n\nThis is the long text of run {time.time_ns()}."  # unseen by any cache
    full = _clock(lambda t: analyzer.analyze(t).to_dict(), text + tag)
    half = _clock(lambda t: analyzer.analyze(t).to_dict(), _half(text) + tag)
    print(f"mediakit.analyze on {len(text):,} chars: {full[0]:.2f} s wall, {full[1]:.2f} s "
          f"CPU (aim < 10 s); on half: {half[1]:.2f} s CPU; doubling {full[1] / half[1]:.2f}x")
    print(f"  whole-text VADER's share of analyze: {rows['now'][1][1] / full[1]:.0%} (CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6, help="variants of each sample (6)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (3)")
    parser.add_argument("--no-first-call", action="store_true")
    parser.add_argument("--news-dir", type=Path, default=NEWS,
                        help="folder of .txt news articles for the long text (PolNeAR's)")
    parser.add_argument("--megabytes", type=float, default=1.0, help="long text size (1)")
    parser.add_argument("--stock-kb", type=float, default=125.0,
                        help="stock VADER on the first K thousand characters only (125)")
    parser.add_argument("--stock-full", action="store_true",
                        help="stock VADER on the whole long text (about 30 min on 1 MB)")
    parser.add_argument("--no-long-text", action="store_true")
    parser.add_argument("--articles", type=Path, default=None, metavar="DIR",
                        help="measure on these real news articles (.txt, e.g. PolNeAR's dev "
                             "texts) instead of the samples")
    args = parser.parse_args()
    if args.articles is not None:
        ARTICLES_DIR.append(args.articles)

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
    if not args.no_long_text:
        long_text(args.news_dir, args.megabytes, None if args.stock_full else args.stock_kb)
    if not args.no_first_call:
        import bench_first_call

        bench_first_call.main([])


if __name__ == "__main__":
    main()
