"""Benchmark of report runs: ``mediakit batch`` against papermill's own floor.

Measured in one run, on the same articles and the same ``--jobs``:

* **batch** - wall time of ``mediakit batch INPUT --out DIR --jobs N`` (a subprocess,
  as a user runs it: report notebook per article, HTML export, ``.done.json``, then
  the comparison notebook; also without the comparison, ``--no-compare``);
* **floor** - papermill executing a minimal notebook that only imports the libraries
  the report notebook imports (pandas, matplotlib, mediakit's analysis and views),
  once per article, N at a time in worker processes (papermill's Python API, like
  mediakit): the cost of a kernel and its imports, which no papermill report avoids;
* **ceiling** - this machine's two-process speed-up: a pure-Python loop run in one
  process, then the same loop in two processes at once.

Aims (issue 3): batch per article within 1.25x of the floor; the speed-up of
``--jobs 2`` over ``--jobs 1`` at least 0.85x of the ceiling.

Usage::

    python benchmarks/bench_reports.py [--input data/raw] [--repeat 1]

Figures go to standard output and ``benchmarks/out/bench_reports.json``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from machine_ceiling import two_process_ceiling  # noqa: E402

MINIMAL_SOURCE = '''# %% tags=["parameters"]
article_path: str = ""

# %%
import pandas
import matplotlib.figure
import mediakit.run.analyzer
import mediakit.run.params
import mediakit.run.report_views
import mediakit.run.reports
'''


def _papermill_one(args) -> None:
    import papermill

    notebook, out, article = args
    papermill.execute_notebook(notebook, out, parameters={"article_path": article},
                               progress_bar=False, request_save_on_cell_execute=False)


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its waited-for descendants."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def floor(articles: list[str], jobs: int, work: Path) -> tuple[float, float]:
    """Wall time of papermill running the minimal notebook once per article."""
    from mediakit.notebook_build import render_notebook

    work.mkdir(parents=True, exist_ok=True)
    notebook = work / "minimal.ipynb"
    notebook.write_text(render_notebook(MINIMAL_SOURCE))
    tasks = [(str(notebook), str(work / f"out-{i}.ipynb"), a) for i, a in enumerate(articles)]
    import papermill  # noqa: F401 - imported before forking, as mediakit does

    cpu, start = _cpu(), time.perf_counter()
    if jobs == 1:
        for task in tasks:
            _papermill_one(task)
    else:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            list(pool.map(_papermill_one, tasks))
    return time.perf_counter() - start, _cpu() - cpu


def batch(input_path: str, jobs: int, out: Path, compare: bool = True) -> tuple[float, float]:
    """Wall time of the ``mediakit batch`` command."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "mediakit.cli.main", "batch", input_path, "--out", str(out),
           "--jobs", str(jobs), "--no-progress"]
    if not compare:
        cmd.append("--no-compare")
    cpu, start = _cpu(), time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"mediakit batch failed ({done.returncode}): {done.stderr}")
    return elapsed, cpu


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", default=str(ROOT / "data" / "raw"))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measure (median)")
    args = parser.parse_args(argv)

    from mediakit.io.articles import Article, iter_articles

    articles = [a.source_path for a in iter_articles(args.input) if isinstance(a, Article)]
    n = len(articles)
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    runs: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}

    def record(name, measured):
        seconds, cpu = measured
        runs.setdefault(name, []).append(seconds)
        cpus.setdefault(name, []).append(cpu)
        print(f"  {name:<32} {seconds:7.2f} s wall ({seconds / n:5.2f} s/article), "
              f"{cpu:7.2f} s CPU ({cpu / n:5.2f} s/article)", flush=True)

    cores = os.cpu_count()
    print(f"{n} articles from {args.input}; {cores} CPUs; load {os.getloadavg()[0]:.1f}")
    ceilings = []
    for r in range(args.repeat):
        c = two_process_ceiling(10_000_000, 3)
        ceilings.append(c["speedup"])
        print(f"  ceiling (pure Python)    1 proc {c['one_process_s']:.2f} s, 2 procs "
              f"{c['two_processes_s']:.2f} s -> speed-up {c['speedup']:.2f}x")
        for jobs in (1, 2):
            record(f"floor --jobs {jobs}", floor(articles, jobs, work / f"floor-{r}-{jobs}"))
            record(f"batch --jobs {jobs}", batch(args.input, jobs, work / f"batch-{r}-{jobs}"))
            record(f"batch --jobs {jobs} --no-compare",
                   batch(args.input, jobs, work / f"nc-{r}-{jobs}", compare=False))
    med = {k: statistics.median(v) for k, v in runs.items()}
    med_cpu = {k: statistics.median(v) for k, v in cpus.items()}
    ceil = statistics.median(ceilings)
    figures = {
        "articles": n, "cpus": cores, "seconds": med, "ceiling_speedup": ceil,
        "per_article_s": {k: v / n for k, v in med.items()},
        "cpu_seconds": med_cpu,
        "load_average": os.getloadavg()[0],
    }
    for jobs in (1, 2):
        figures[f"batch_over_floor_jobs{jobs}"] = med[f"batch --jobs {jobs}"] / med[
            f"floor --jobs {jobs}"]
        figures[f"batch_no_compare_over_floor_jobs{jobs}"] = med[
            f"batch --jobs {jobs} --no-compare"] / med[f"floor --jobs {jobs}"]
    figures["batch_cpu_over_floor_cpu_jobs1"] = med_cpu["batch --jobs 1"] / med_cpu[
        "floor --jobs 1"]
    figures["batch_speedup"] = med["batch --jobs 1"] / med["batch --jobs 2"]
    figures["batch_no_compare_speedup"] = (med["batch --jobs 1 --no-compare"]
                                           / med["batch --jobs 2 --no-compare"])
    figures["batch_speedup_over_ceiling"] = figures["batch_speedup"] / ceil
    figures["floor_speedup"] = med["floor --jobs 1"] / med["floor --jobs 2"]
    print()
    for jobs in (1, 2):
        print(f"batch / floor, --jobs {jobs}: {figures[f'batch_over_floor_jobs{jobs}']:.2f}x "
              f"(no comparison: {figures[f'batch_no_compare_over_floor_jobs{jobs}']:.2f}x; "
              "aim <= 1.25x)")
    print(f"CPU per article, --jobs 1: batch {med_cpu['batch --jobs 1'] / n:.2f} s, floor "
          f"{med_cpu['floor --jobs 1'] / n:.2f} s -> "
          f"{figures['batch_cpu_over_floor_cpu_jobs1']:.2f}x")
    print(f"speed-up --jobs 2 over 1: batch {figures['batch_speedup']:.2f}x (no comparison "
          f"{figures['batch_no_compare_speedup']:.2f}x), floor "
          f"{figures['floor_speedup']:.2f}x, ceiling {ceil:.2f}x -> batch/ceiling "
          f"{figures['batch_speedup_over_ceiling']:.2f} (aim >= 0.85)")
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_reports.json").write_text(json.dumps(figures, indent=2) + "\n")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
