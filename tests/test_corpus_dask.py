"""The Dask engine: a real LocalCluster of two workers gives the local engine's table."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from mediakit import load_articles
from mediakit.run.corpus import read_errors, run_corpus

from .conftest import RAW

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """12 articles (cut to different lengths) and one bad row."""
    path = tmp_path_factory.mktemp("dask") / "c.jsonl"
    articles = load_articles(RAW)
    with path.open("w") as handle:
        for i in range(12):
            a = articles[i % len(articles)]
            body = "\n\n".join(a.body.split("\n\n")[: 1 + i % 3])
            handle.write(json.dumps({"id": f"d{i}", "outlet": a.outlet, "body": body}) + "\n")
        handle.write(json.dumps({"id": "bad", "body": ""}) + "\n")
    return path


@pytest.fixture(scope="module")
def local_table(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "local.parquet"
    run_corpus(corpus, out, chunk_size=3, progress=False)
    return pq.read_table(out)


def test_existing_cluster_gives_the_local_engines_rows_and_resumes(corpus, local_table,
                                                                   tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        first = run_corpus(corpus, tmp_path / "out", engine="dask", scheduler=address,
                           chunk_size=3, progress=False, stop_after=2)
        assert not first.complete
        result = run_corpus(corpus, tmp_path / "out", engine="dask", scheduler=address,
                            chunk_size=3, progress=False)
    assert (result.rows, result.errors, result.chunks) == (12, 1, 5)
    assert result.resumed_chunks >= 2
    parts = sorted(p.name for p in (tmp_path / "out").glob("part-*.parquet"))
    assert parts == [f"part-{i:06d}.parquet" for i in range(5)]
    table = pq.read_table(tmp_path / "out")
    assert table.to_pylist() == local_table.to_pylist()
    assert read_errors(result.errors_path)["reason"].tolist() == ["article text is empty"]


def test_local_cluster_of_jobs_workers_when_no_address_is_given(corpus, local_table, tmp_path):
    result = run_corpus(corpus, tmp_path / "out", engine="dask", jobs=2, chunk_size=3,
                        progress=False)
    assert (result.rows, result.errors) == (12, 1)
    assert pq.read_table(tmp_path / "out").to_pylist() == local_table.to_pylist()


def test_a_killed_runs_dask_workers_exit(corpus, tmp_path):
    import os
    import subprocess
    import sys
    import time
    from pathlib import Path

    from mediakit.run.workers import process_alive

    from .conftest import ROOT
    from .test_corpus import _descendants

    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "mediakit.cli", "corpus", str(corpus),
                             "--out", str(out), "--engine", "dask", "--jobs", "2",
                             "--chunk-size", "1", "--no-progress"],
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (out / "_chunk-000000.json").exists() and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    below = _descendants(proc.pid)  # the LocalCluster's worker processes
    proc.kill()
    proc.wait(timeout=10)
    assert len(below) >= 2 and Path("/proc").is_dir()
    deadline = time.monotonic() + 5
    while any(process_alive(p) for p in below) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in below if process_alive(p)]
