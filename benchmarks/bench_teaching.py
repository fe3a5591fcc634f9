"""How long each teaching exercise takes to execute, against a kernel's floor.

Measured in one run:

* **exercise** - papermill executing each notebook in ``notebooks/teaching/`` (the
  student's copy, unanswered) and ``notebooks/teaching/solutions/`` on its default
  teaching article, as the tests do;
* **floor** - papermill executing a notebook that only imports ``mediakit.teaching``
  (every exercise's first import): the cost of starting a kernel and importing, which
  no exercise avoids.

Each is run ``--repeat`` times; the median is reported with its ratio to the floor. This
is machine time, not student time: the 30-60 minutes an exercise asks of a student are
the authors' estimate (docs/teaching.md).

Usage::

    python benchmarks/bench_teaching.py [--repeat 3]

Figures go to standard output and ``benchmarks/out/bench_teaching.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mediakit.notebook_build import SOLUTIONS_DIR, TEACHING_DIR, render_notebook  # noqa: E402
from mediakit.run.reports import _execute  # noqa: E402

FLOOR_SOURCE = '''# %% tags=["parameters"]
article_path = None

# %%
from mediakit import teaching
'''


def timed(notebook: Path, out_dir: Path, repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` papermill runs of a notebook."""
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        _execute(notebook, out_dir / f"{notebook.stem}-{i}.ipynb", {})
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        floor_nb = out / "floor.ipynb"
        floor_nb.write_text(render_notebook(FLOOR_SOURCE), "utf-8")
        timed(floor_nb, out, 1)  # warm the file cache
        floor = statistics.median(timed(floor_nb, out, args.repeat))
        rows = []
        for notebook in sorted(TEACHING_DIR.glob("*.ipynb")):
            for version, path in (("student", notebook),
                                  ("solution", SOLUTIONS_DIR / notebook.name)):
                t = statistics.median(timed(path, out, args.repeat))
                rows.append({"exercise": notebook.stem, "version": version,
                             "seconds": round(t, 2), "ratio_to_floor": round(t / floor, 2)})
    print(f"floor (kernel start + imports): {floor:.2f} s (median of {args.repeat})")
    print(f"{'exercise':28} {'version':9} {'seconds':>8} {'x floor':>8}")
    for r in rows:
        print(f"{r['exercise']:28} {r['version']:9} {r['seconds']:8.2f} "
              f"{r['ratio_to_floor']:8.2f}")
    result = {"floor_seconds": round(floor, 2), "repeat": args.repeat, "exercises": rows}
    target = ROOT / "benchmarks" / "out" / "bench_teaching.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
