"""Corpus-mode benchmark: speed, scaling and memory, in one run.

Prints, for each corpus size (default 2,000 and 20,000 synthetic articles from
``benchmarks/make_corpus.py``):

* articles per second of ``mediakit corpus`` with ``--jobs 1``, ``--jobs 2`` and
  ``--engine dask`` on a LocalCluster of two workers, end to end (each run is a fresh
  command: imports, pool or cluster start-up and writing included); the per-article
  rate after start-up is the marginal rate between the two sizes, where start-up
  cancels out;
* peak memory: the largest summed RSS of the command's whole process tree (the
  command, its pool or cluster processes), sampled every 50 ms with psutil (a
  dependency of ``distributed``);

and once:

* the floor: textstat's readability functions and VADER (per sentence and on the
  whole text) called directly in one process, without mediakit;
* this machine's two-process ceiling: a pure-Python loop in one process, then the
  same loop in two processes at once (at the start and again at the end, since the
  load of a shared machine changes; the higher is used).

Aims (issue 6): ``--jobs 2`` speed-up >= 0.9 x the ceiling; peak memory at the larger
size <= 1.3 x that at the smaller; mediakit ``--jobs 1`` per-article time <= 1.5 x the
floor's.

Usage::

    python benchmarks/bench_corpus.py                       # 2,000 and 20,000
    python benchmarks/bench_corpus.py --sizes 200 1000      # a quick run
    python benchmarks/bench_corpus.py --json results.json   # also save the figures
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine_ceiling import two_process_ceiling  # noqa: E402
from make_corpus import synthetic_articles, write_jsonl  # noqa: E402

CONFIGS = {
    "jobs 1": ["--jobs", "1"],
    "jobs 2": ["--jobs", "2"],
    "dask 2 workers": ["--engine", "dask", "--jobs", "2"],
}


def write_corpus(n: int, path: Path) -> Path:
    return write_jsonl(synthetic_articles(n, seed=0), path)


# ----------------------------------------------------------------- measurement


def tree_rss(proc: psutil.Process) -> int:
    """Summed RSS of a process and all its descendants (bytes)."""
    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measured(cmd: list[str]) -> tuple[float, int, str]:
    """Run a command; return wall seconds, peak tree RSS (bytes) and its stderr."""
    began = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    proc = psutil.Process(child.pid)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - began
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err.decode()}")
    return wall, peak, err.decode()


def corpus_command(src: Path, out: Path, args: list[str]) -> list[str]:
    return [sys.executable, "-m", "mediakit.cli.main", "corpus", str(src), "--out", str(out),
            "--no-progress", "--no-resume", *args]


def floor_rate(src: Path, limit: int) -> float:
    """Articles/second of textstat + VADER called directly in one process."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    bodies = []
    with src.open(encoding="utf-8") as handle:
        for line in handle:
            bodies.append(json.loads(line)["body"])
            if len(bodies) == limit:
                break
    split = re.compile(r"(?<=[.!?])\s+")
    functions = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
                 textstat.gunning_fog, textstat.smog_index, textstat.coleman_liau_index,
                 textstat.automated_readability_index, textstat.dale_chall_readability_score,
                 textstat.linsear_write_formula, textstat.text_standard)
    for f in functions:  # warm textstat's caches (cmudict) before timing
        f("Warm up the dictionaries. Then time the work.")
    began = time.perf_counter()
    for body in bodies:
        for f in functions:
            f(body)
        for sentence in split.split(body):
            vader.polarity_scores(sentence)
        vader.polarity_scores(body)
    return len(bodies) / (time.perf_counter() - began)


def overhead_in_process(src: Path, limit: int = 300, rounds: int = 3) -> dict:
    """Per-article time of mediakit (every metric, flattened to a row) over the floor's,
    both in this process on the same articles, alternated ``rounds`` times (best of
    each): on a shared machine this ratio is steadier than rates taken minutes apart."""
    from mediakit.run.analyzer import Analyzer
    from mediakit.run.corpus import iter_corpus, row_layout

    analyzer = Analyzer()
    layout = row_layout(analyzer)
    articles = []
    for item in iter_corpus(src):
        articles.append(item)
        if len(articles) == limit:
            break
    best_mediakit = best_floor = 0.0
    for _ in range(rounds):
        best_floor = max(best_floor, floor_rate(src, limit))
        began = time.perf_counter()
        for article in articles:
            layout.flatten(analyzer.analyze(article).to_dict())
        best_mediakit = max(best_mediakit, len(articles) / (time.perf_counter() - began))
    return {"floor_rate": best_floor, "mediakit_rate": best_mediakit,
            "ratio": best_floor / best_mediakit}


# ------------------------------------------------------------------------ main


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="corpus-mode benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--floor-articles", type=int, default=2000,
                        help="articles timed for the textstat + VADER floor")
    parser.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    parser.add_argument("--workdir", help="keep corpora and outputs here")
    parser.add_argument("--overhead-only", action="store_true",
                        help="only the ceiling, the floor and the in-process overhead")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="mediakit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = {"cpus": os.cpu_count(), "load_average_start": os.getloadavg(), "runs": []}

    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    report["ceiling"] = ceil = two_process_ceiling(20_000_000, 3)
    print(f"two-process ceiling (pure-Python loop): {ceil['speedup']:.2f}x "
          f"({ceil['one_process_s']:.2f} s one, {ceil['two_processes_s']:.2f} s two)", flush=True)

    # The floor first: it is short, and a long run cut off at the end still has it.
    floor_src = write_corpus(args.floor_articles, work / "corpus-floor.jsonl")
    floor = floor_rate(floor_src, args.floor_articles)
    report["floor_rate"] = floor
    print(f"floor (textstat + VADER directly, one process): {floor:.1f} art/s", flush=True)
    report["overhead_in_process"] = ov = overhead_in_process(floor_src)
    print(f"in one process, alternated: mediakit {ov['mediakit_rate']:.1f} art/s, floor "
          f"{ov['floor_rate']:.1f} art/s: mediakit takes {ov['ratio']:.2f}x the floor's time "
          "(aim <= 1.5)", flush=True)
    if args.overhead_only:
        print(json.dumps(report, indent=2))
        return 0

    for n in args.sizes:
        src = write_corpus(n, work / f"corpus-{n}.jsonl")
        for name in args.configs:
            out = work / f"out-{n}-{name.replace(' ', '-')}.parquet"
            wall, peak, err = run_measured(corpus_command(src, out, CONFIGS[name]))
            run = {"articles": n, "config": name, "wall_s": wall, "rate": n / wall,
                   "peak_rss_mb": peak / 2**20, "load_average": os.getloadavg()[0]}
            report["runs"].append(run)
            print(f"{n:>6} articles  {name:<15} {wall:8.1f} s  {n / wall:7.1f} art/s  "
                  f"peak RSS {peak / 2**20:7.0f} MB  [load {run['load_average']:.1f}]",
                  flush=True)

    print("\nsummary")
    by = {(r["articles"], r["config"]): r for r in report["runs"]}
    small, large = min(args.sizes), max(args.sizes)
    summary: dict = {}
    rates = {}
    for name in args.configs:
        if small != large:
            # Marginal rate between the two sizes: start-up (imports, pool or cluster,
            # lexicons) cancels out, leaving the per-article cost.
            rate = (large - small) / (by[(large, name)]["wall_s"] - by[(small, name)]["wall_s"])
            startup = by[(small, name)]["wall_s"] - small / rate
            summary[f"startup_s {name}"] = startup
        else:
            rate = by[(small, name)]["rate"]
        rates[name] = summary[f"rate {name}"] = rate
        print(f"  {name}: {rate:.1f} articles/s per article after start-up"
              + (f" (start-up {startup:.1f} s)" if small != large else ""))
    # The ceiling again: on a shared machine the load can change during the run, and
    # the higher of the two is the fairer (stricter) yardstick.
    report["ceiling_end"] = ceil_end = two_process_ceiling(20_000_000, 3)
    print(f"  two-process ceiling at the end: {ceil_end['speedup']:.2f}x")
    best = max(ceil["speedup"], ceil_end["speedup"])
    if "jobs 1" in rates and "jobs 2" in rates:
        s2 = rates["jobs 2"] / rates["jobs 1"]
        summary["speedup_jobs2"] = s2
        summary["speedup_share_of_ceiling"] = s2 / best
        print(f"  jobs 2 / jobs 1 = {s2:.2f}x = {s2 / best:.2f} of this machine's "
              f"ceiling {best:.2f}x (aim >= 0.9)")
    if "dask 2 workers" in rates and "jobs 1" in rates:
        print(f"  dask 2 workers / jobs 1 = {rates['dask 2 workers'] / rates['jobs 1']:.2f}x")
    if "jobs 1" in rates:
        o = floor / rates["jobs 1"]
        summary["overhead_vs_floor"] = o
        print(f"  mediakit jobs 1 takes {o:.2f}x the floor's time per article (aim <= 1.5)")
    if small != large:
        for name in args.configs:
            m = by[(large, name)]["peak_rss_mb"] / by[(small, name)]["peak_rss_mb"]
            summary[f"memory_ratio {name}"] = m
            print(f"  peak RSS {name}: {large} / {small} articles = {m:.2f}x (aim <= 1.3)")
    report["summary"] = summary
    report["load_average_end"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
