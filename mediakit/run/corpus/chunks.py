"""Analysing a corpus in chunks, in this process or a pool of worker processes."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass

import pyarrow as pa

from ...io.articles import (
    LoadFailure,
)
from ..analyzer import Analyzer
from ..workers import exit_with_parent
from .columns import RowLayout

# ------------------------------------------------------------------ chunk analysis


@dataclass(frozen=True)
class Chunk:
    """``chunk_size`` consecutive input items (articles and load failures)."""

    index: int
    start: int  # input position of the first item
    items: tuple


def chunked(items: Iterable, chunk_size: int) -> Iterator[Chunk]:
    """Group a stream into :class:`Chunk` objects of ``chunk_size`` items."""
    buffer, index, start = [], 0, 0
    for item in items:
        buffer.append(item)
        if len(buffer) == chunk_size:
            yield Chunk(index, start, tuple(buffer))
            index, start, buffer = index + 1, start + chunk_size, []
    if buffer:
        yield Chunk(index, start, tuple(buffer))


def _error(index: int, id_, path, row, reason: str) -> dict:
    return {"index": index, "id": id_, "source_path": path, "row": row, "reason": reason}


def analyze_chunk(chunk: Chunk, analyzer: Analyzer, layout: RowLayout
                  ) -> tuple[int, pa.Table, list]:
    """Analyse one chunk (runs in a worker: plain data in, an Arrow table out).

    Parameters
    ----------
    chunk : Chunk
        The items.
    analyzer : Analyzer
        The configured analysis (pickled to the worker with the chunk).
    layout : RowLayout
        The run's row layout (:func:`row_layout`).

    Returns
    -------
    index : int
        ``chunk.index``.
    rows : pyarrow.Table
        One flat row per article analysed, in input order, with the layout's
        schema. A table, not dicts: it travels between processes as a few buffers
        rather than hundreds of thousands of small objects.
    errors : list of dict
        One entry per item that failed (see :data:`ERROR_SCHEMA`).
    """
    rows, errors = [], []
    for offset, item in enumerate(chunk.items):
        position = chunk.start + offset
        if isinstance(item, LoadFailure):
            errors.append(_error(position, None, item.path, item.row, item.problem))
            continue
        try:
            rows.append(layout.row(item, analyzer.analyze(item).to_dict()))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus
            given = item.id if item.source_id is None else item.source_id
            errors.append(_error(position, given, item.source_path, item.row,
                                 f"analysis failed: {type(exc).__name__}: {exc}"))
    return chunk.index, pa.Table.from_pylist(rows, schema=layout.schema), errors


def _warm_worker(run_pid: int | None = None) -> None:
    # A worker of a killed run must not wait for work for ever (its parent, the fork
    # server, exits when the run's main process is gone; see mediakit.run.workers).
    exit_with_parent(run_pid)
    # Ctrl-C reaches the whole process group: the parent shuts the pool down and
    # keeps what was written, so workers must not die with tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Load the lexicons and dictionaries before the first chunk.
    Analyzer().analyze("Warm up. The lexicons load once per process.")


def map_local(fn: Callable, chunks: Iterable[Chunk], jobs: int) -> Iterator[tuple]:
    """Run ``fn(chunk)`` over chunks: in this process (``jobs == 1``) or in a
    :class:`~concurrent.futures.ProcessPoolExecutor` with at most ``2 * jobs`` chunks
    in flight, yielding results as they finish (any order)."""
    if jobs == 1:
        for chunk in chunks:
            yield fn(chunk)
        return
    # forkserver: workers fork from a clean single-threaded server, not from a
    # process that may hold threads (progress bar) or locks.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["mediakit.run.corpus"])  # imported once, forked warm
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_warm_worker,
                               initargs=(os.getpid(),))
    pending: set = set()
    try:
        for chunk in chunks:
            pending.add(pool.submit(fn, chunk))
            while len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
