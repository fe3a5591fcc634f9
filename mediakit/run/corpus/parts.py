"""Writing a run: one checked Parquet part per chunk, the manifest, resuming, compacting
the parts into the final table, and the errors table."""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import warnings
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ...errors import ArticleError, MediakitError, MediakitWarning
from ...io.writers import dumps_json, write_atomic
from ..analyzer import Analyzer
from .columns import ERROR_SCHEMA, _probe_article

# ------------------------------------------------------------------------ writing

_MANIFEST = "_mediakit_manifest.json"


def _part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def _record_name(index: int) -> str:
    return f"_chunk-{index:06d}.json"


def _table_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _check_parquet(path: Path, rows: int, schema: pa.Schema | None = None) -> None:
    """Raise unless ``path`` reads back as Parquet with ``rows`` rows (and ``schema``)."""
    try:
        parquet = pq.ParquetFile(path)
        found = parquet.metadata.num_rows
        same = schema is None or parquet.schema_arrow.equals(schema, check_metadata=True)
    except (OSError, pa.ArrowException) as exc:
        raise MediakitError(path, f"the file just written does not read back ({exc})") from None
    if found != rows:
        raise MediakitError(path, f"the file just written reads back with {found} rows, not "
                            f"{rows}")
    if not same:
        raise MediakitError(path, "the file just written reads back with other columns")


def _write_chunk(folder: Path, schema: pa.Schema, index: int, rows: pa.Table,
                 errors: list) -> dict:
    """Write a chunk's part file (read back before it is put in place), then its record,
    which names the part's SHA-256 and marks the chunk as done. Returns the record."""
    table = rows.replace_schema_metadata(schema.metadata)
    data = _table_bytes(table)
    write_atomic(folder / _part_name(index), data,
                 check=lambda tmp: _check_parquet(tmp, table.num_rows, table.schema))
    record = {"index": index, "items": table.num_rows + len(errors), "rows": table.num_rows,
              "part_sha256": hashlib.sha256(data).hexdigest(), "errors": errors}
    write_atomic(folder / _record_name(index), dumps_json(record))
    return record


def _done_chunks(folder: Path) -> dict[int, dict]:
    """The chunks an earlier run finished: index -> ``{"items", "rows", "errors"}``.

    A chunk counts only when its record (written after its part file) reads back and
    the part file's bytes have the SHA-256 the record names, so a part left half-made
    or replaced by anything after the record was written is done again."""
    done = {}
    for path in folder.glob("_chunk-*.json"):
        try:
            record = json.loads(path.read_text("utf-8"))
            index = int(record["index"])
            if path.name != _record_name(index):
                continue
            data = (folder / _part_name(index)).read_bytes()
            if hashlib.sha256(data).hexdigest() == record["part_sha256"]:
                done[index] = _tally(record)
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return done


def _tally(record: dict) -> dict:
    errors = record["errors"]
    return {"items": int(record["items"]), "rows": int(record["rows"]), "errors": len(errors),
            "first_errors": [_error_message(e) for e in errors[:3]]}


def _error_message(error: dict) -> str:
    return ArticleError(error["source_path"], error["reason"], error["row"]).message


def _run_metadata(analyzer: Analyzer) -> dict:
    record = analyzer.analyze(_probe_article()).to_dict()
    prov = dict(record["provenance"])
    prov.pop("input_sha256", None)
    return {"schema_version": record["schema_version"], "provenance": prov}


def _remove_temporary(folder: Path, name: str = "") -> None:
    """Remove the temporary files of killed runs (``.NAME*.tmp``); only while holding
    the output's lock, when no other run can be writing them."""
    for path in folder.glob(f".{glob.escape(name)}*.tmp"):
        path.unlink(missing_ok=True)


def _prepare_folder(folder: Path, manifest: dict, resume: bool) -> dict[int, dict]:
    """Make the parts folder ready; return the chunks an earlier run with the same
    settings finished (see :func:`_done_chunks`). A folder holding a run with other
    settings is started over, with one line saying what differs."""
    path = folder / _MANIFEST
    if folder.exists() and not resume:
        _remove_run_folder(folder)
    if folder.exists():
        if not path.is_file():
            if any(folder.iterdir()):
                raise MediakitError(folder, "exists and is not a mediakit corpus folder "
                                    "(choose another --out)")
        else:
            try:
                old = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                old = None
            if old == manifest:
                _remove_temporary(folder)
                return _done_chunks(folder)
            if isinstance(old, dict):
                changed = sorted(k for k in set(old) | set(manifest)
                                 if old.get(k) != manifest.get(k))
                what = f"{', '.join(changed)} differ"
            else:
                what = "its manifest does not read back"
            warnings.warn(f"{folder}: holds a run with other settings ({what}); starting "
                          "over", MediakitWarning, stacklevel=4)
            _remove_run_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dumps_json(manifest))
    return {}


def _remove_run_folder(folder: Path) -> None:
    if not (folder / _MANIFEST).is_file() and any(folder.iterdir()):
        raise MediakitError(folder, "exists and is not a mediakit corpus folder "
                            "(refusing to delete it)")
    shutil.rmtree(folder)


#: Rows per row group of the compacted file. Each row group's metadata (hundreds of
#: columns) stays in the writer's memory until the file is closed, so one row group
#: per small chunk would make memory grow with the corpus; about 2,000 rows keeps
#: both the buffered rows and the metadata small.
ROW_GROUP_ROWS = 2000


def _compact(folder: Path, out: Path, schema: pa.Schema, n_chunks: int) -> int:
    """Stream the part files into one Parquet file, read it back, then put it in place."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")  # one per process
    rows = 0
    buffered: list = []
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for index in range(n_chunks):
                # One thread: reading in parallel buys nothing for a small part and
                # costs a buffer per thread.
                table = pq.read_table(folder / _part_name(index), schema=schema,
                                      use_threads=False)
                rows += table.num_rows
                buffered.append(table)
                if sum(t.num_rows for t in buffered) >= ROW_GROUP_ROWS:
                    writer.write_table(pa.concat_tables(buffered))
                    buffered = []
            if buffered or rows == 0:
                writer.write_table(pa.concat_tables(buffered) if buffered
                                   else schema.empty_table())
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        _check_parquet(tmp, rows, schema)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


def _collect_errors(folder: Path, n_chunks: int) -> list[dict]:
    errors = []
    for index in range(n_chunks):
        record = json.loads((folder / _record_name(index)).read_text("utf-8"))
        errors.extend(record["errors"])
    return errors


def _read_errors_table(path: Path, parquet: bool) -> pa.Table:
    if parquet:
        return pq.read_table(path)
    import pyarrow.csv as pacsv

    convert = pacsv.ConvertOptions(column_types=ERROR_SCHEMA, strings_can_be_null=True)
    return pacsv.read_csv(path, convert_options=convert)


def write_errors(path: str | Path, errors: list[dict]) -> Path:
    """Write the errors table: Parquet if ``path`` ends in ``.parquet``, else CSV.

    The file is read back (and its row count checked) before it replaces ``path``."""
    path = Path(path)
    table = pa.Table.from_pylist(errors, schema=ERROR_SCHEMA)
    parquet = path.suffix.lower() == ".parquet"

    def check(tmp: Path) -> None:
        found = _read_errors_table(tmp, parquet).num_rows
        if found != len(errors):
            raise MediakitError(tmp, f"the errors table just written reads back with {found} "
                                f"rows, not {len(errors)}")

    if parquet:
        return write_atomic(path, _table_bytes(table), check=check)
    import pyarrow.csv as pacsv

    sink = pa.BufferOutputStream()
    pacsv.write_csv(table, sink)
    return write_atomic(path, sink.getvalue().to_pybytes(), check=check)


def read_errors(path: str | Path):
    """Read an errors table written by :func:`run_corpus` as a pandas DataFrame."""
    path = Path(path)
    return _read_errors_table(path, path.suffix.lower() == ".parquet").to_pandas()


def default_errors_path(out: str | Path) -> Path:
    """``results.parquet`` -> ``results.errors.csv`` (beside the output)."""
    out = Path(out)
    stem = out.name[:-len(".parquet")] if out.name.endswith(".parquet") else out.name
    return out.with_name(f"{stem}.errors.csv")
