"""Corpus mode: one flat row per article for a whole corpus, streamed, resumable.

A corpus run reads articles in input order, cuts them into chunks of ``chunk_size``
input items, analyses each chunk with :class:`~mediakit.run.analyzer.Analyzer` (in this
process, in a standard-library process pool, or on Dask, see
:mod:`mediakit.run.corpus_dask`) and writes each finished chunk as one Parquet part file,
atomically and read back before it is put in place, then a record naming its SHA-256.
Memory stays flat because only a bounded number of chunks is in flight; an interrupted
run resumes by skipping the chunks whose records and part files check out. At the end
the local engine compacts the parts into one Parquet file; the Dask engine keeps them
as a partitioned Parquet folder. A run holds a lock on its output throughout, so two
runs never write one output at once.

Rows are :func:`flatten_metrics` of the metrics-file record, so a row holds the same
numbers as ``mediakit analyze``, except that ``id`` is the id as the input gave it;
the input's other fields follow as ``meta_<field>`` columns. Articles that cannot be
read or analysed go to an errors table (input position, id, source path, row, reason)
and the run goes on.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ... import __version__
from ...errors import MediakitError, ParameterError
from ...io.articles import (
    Columns,
    check_input,
)
from ...io.writers import output_lock
from ..analyzer import Analyzer
from .chunks import Chunk, analyze_chunk, chunked, map_local
from .columns import (
    DEFAULT_CHUNK_SIZE,
    ERROR_SCHEMA,
    ColumnRules,
    RowLayout,
    category_lists,
    column_rules,
    column_table,
    corpus_schema,
    expand_categories,
    flatten_metrics,
    row_layout,
)
from .docs import columns_markdown, update_columns_doc
from .inputs import count_items, input_fingerprint, iter_corpus, meta_columns
from .parts import (
    _collect_errors,
    _compact,
    _prepare_folder,
    _remove_temporary,
    _run_metadata,
    _tally,
    _write_chunk,
    default_errors_path,
    read_errors,
    write_errors,
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "ColumnRules",
    "ERROR_SCHEMA",
    "CorpusResult",
    "RowLayout",
    "analyze_chunk",
    "column_rules",
    "column_table",
    "columns_markdown",
    "category_lists",
    "corpus_schema",
    "expand_categories",
    "flatten_metrics",
    "iter_corpus",
    "meta_columns",
    "read_errors",
    "row_layout",
    "run_corpus",
    "update_columns_doc",
]


# --------------------------------------------------------------------------- run


@dataclass(frozen=True)
class CorpusResult:
    """What a corpus run did.

    Attributes
    ----------
    out : Path
        The Parquet file (local engine) or folder of part files (Dask engine).
    errors_path : Path or None
        The errors table (None when the run stopped early).
    rows, errors : int
        Articles written and items that failed (so far, when the run stopped early).
    chunks, resumed_chunks : int
        Chunks in the input (read so far, when the run stopped early), and those
        found already written.
    complete : bool
        False when ``stop_after`` ended the run before the input did.
    seconds : float
        Wall time.
    first_errors : tuple of str
        The first few errors (``path, line N: reason``), for a summary line.
    """

    out: Path
    errors_path: Path | None
    rows: int
    errors: int
    chunks: int
    resumed_chunks: int
    complete: bool
    seconds: float
    first_errors: tuple[str, ...] = ()


def run_corpus(input: str | Path, out: str | Path, *, engine: str = "local", jobs: int = 1,
               scheduler: str | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
               resume: bool = True, errors: str | Path | None = None,
               analyzer: Analyzer | None = None, columns: Columns | None = None,
               progress: bool = True, stop_after: int | None = None) -> CorpusResult:
    """Analyse a corpus into a flat Parquet table.

    One run at a time writes an output: the run holds an exclusive lock
    (``<out>.lock``, see :func:`mediakit.io.output_lock`) from start to end, and a
    second run into the same output stops at once, naming the first one's process.

    Parameters
    ----------
    input : str or Path
        A folder of article files, or a .jsonl, .csv or .parquet file.
    out : str or Path
        The Parquet file to write (local engine), or the folder of part files
        (Dask engine).
    engine : {"local", "dask"}
        Standard-library process pool, or Dask (:mod:`mediakit.run.corpus_dask`).
    jobs : int
        Worker processes (local: 1 means this process; Dask: LocalCluster workers).
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); Dask engine only.
    chunk_size : int
        Input items per chunk (and per part file).
    resume : bool
        Keep the chunks an earlier, interrupted run with the same settings wrote (a
        run with other settings is started over, with a
        :class:`~mediakit.errors.MediakitWarning` saying what differs).
    errors : str or Path, optional
        The errors table (default ``<out>.errors.csv``; ``.parquet`` for Parquet).
    analyzer : Analyzer, optional
        The configured analysis (default parameters otherwise).
    columns : Columns, optional
        Field names of .jsonl, .csv and .parquet inputs.
    progress : bool
        Show a progress bar (articles per second) on standard error.
    stop_after : int, optional
        Stop after writing this many new chunks, leaving the run resumable (to try
        a sample first, or to test resuming).

    Returns
    -------
    CorpusResult

    Raises
    ------
    MediakitError
        If the input is missing or not a regular file or folder, no record of a
        one-file input has the text field, the parameters are invalid, or the output
        is another run's (:class:`~mediakit.io.OutputBusyError`) or not mediakit's.
    """
    began = time.perf_counter()
    if engine not in ("local", "dask"):
        raise ParameterError(None, f"engine must be 'local' or 'dask', got {engine!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ParameterError(None, f"jobs must be a positive integer, got {jobs!r}")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ParameterError(None, f"chunk_size must be a positive integer, got {chunk_size!r}")
    if scheduler and engine != "dask":
        raise ParameterError(None, "a scheduler address needs engine='dask'")
    if stop_after is not None and (isinstance(stop_after, bool) or not isinstance(stop_after, int)
                                   or stop_after < 1):
        raise ParameterError(None, f"stop_after must be a positive integer, got {stop_after!r}")
    input_path, out = check_input(input), Path(out)
    analyzer = analyzer or Analyzer()
    analyzer.validate()
    options = replace(analyzer.load_options(), columns=columns or Columns())
    if engine == "dask" and out.is_file():
        raise MediakitError(out, "is a file; the Dask engine writes a folder of part files "
                            "(choose another --out)")
    if engine == "local" and out.is_dir():
        raise MediakitError(out, "is a folder; the local engine writes one Parquet file "
                            "(choose another --out)")
    with output_lock(out):
        _remove_temporary(out.parent, out.name)  # left by killed runs
        return _run_locked(input_path, out, engine=engine, jobs=jobs, scheduler=scheduler,
                           chunk_size=chunk_size, resume=resume, errors=errors,
                           analyzer=analyzer, options=options, progress=progress,
                           stop_after=stop_after, began=began)


def _run_locked(input_path: Path, out: Path, *, engine, jobs, scheduler, chunk_size, resume,
                errors, analyzer, options, progress, stop_after, began) -> CorpusResult:
    """:func:`run_corpus` once it holds the output's lock."""
    layout = replace(row_layout(analyzer), meta=meta_columns(input_path, options))
    run_meta = _run_metadata(analyzer)
    schema = layout.schema.with_metadata({"mediakit": json.dumps(run_meta, sort_keys=True)})
    manifest = {
        "mediakit_version": __version__,
        "input": str(input_path.resolve()),
        "input_fingerprint": input_fingerprint(input_path),
        "chunk_size": chunk_size,
        "parameters": dict(analyzer.get_params()),
        "columns": asdict(options.columns),
        "schema": [list(t) for t in layout.types + layout.meta],
    }
    folder = out if engine == "dask" else out.with_name(out.name + ".parts")
    done = _prepare_folder(folder, manifest, resume)
    errors_path = Path(errors) if errors else default_errors_path(out)

    from tqdm import tqdm

    bar = tqdm(total=count_items(input_path), unit="article", disable=not progress,
               smoothing=0.1, dynamic_ncols=True)
    n_chunks = 0
    tallies: dict[int, dict] = {}  # chunks done, resumed or new
    resumed = 0

    def todo() -> Iterator[Chunk]:
        nonlocal n_chunks, resumed
        for chunk in chunked(iter_corpus(input_path, options), chunk_size):
            n_chunks = chunk.index + 1
            old = done.get(chunk.index)
            if old is not None and old["items"] == len(chunk.items):
                tallies[chunk.index] = old
                resumed += 1
                bar.update(len(chunk.items))
                continue
            yield chunk

    worker = _ChunkTask(analyzer, layout)
    if engine == "dask":
        from ..corpus_dask import map_dask

        results = map_dask(worker, todo(), jobs=jobs, scheduler=scheduler)
    else:
        results = map_local(worker, todo(), jobs)
    stopped = False
    written = 0
    try:
        for index, rows, errs in results:
            tallies[index] = _tally(_write_chunk(folder, schema, index, rows, errs))
            bar.update(rows.num_rows + len(errs))
            written += 1
            if stop_after is not None and written >= stop_after:
                stopped = True
                break
    finally:
        if hasattr(results, "close"):
            results.close()
        bar.close()
    kept = [tallies[i] for i in sorted(tallies) if i < n_chunks]
    n_rows = sum(t["rows"] for t in kept)
    n_errors = sum(t["errors"] for t in kept)
    first = tuple(m for t in kept for m in t["first_errors"])[:3]
    if stopped:
        return CorpusResult(out, None, n_rows, n_errors, n_chunks, resumed, False,
                            time.perf_counter() - began, first)
    error_rows = _collect_errors(folder, n_chunks)
    if engine != "dask":
        n_rows = _compact(folder, out, schema, n_chunks)
    write_errors(errors_path, error_rows)
    if engine != "dask":
        shutil.rmtree(folder)
    return CorpusResult(out, errors_path, n_rows, len(error_rows), n_chunks, resumed, True,
                        time.perf_counter() - began, first)


class _ChunkTask:
    """A picklable ``chunk -> analyze_chunk(chunk, analyzer, layout)``."""

    def __init__(self, analyzer: Analyzer, layout: RowLayout):
        self.analyzer, self.layout = analyzer, layout

    def __call__(self, chunk: Chunk) -> tuple[int, list, list]:
        return analyze_chunk(chunk, self.analyzer, self.layout)
