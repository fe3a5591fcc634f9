"""Corpus mode: flat rows, the same numbers as ``mediakit analyze``, errors, resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mediakit import load_articles
from mediakit.cli.main import main
from mediakit.errors import MediakitError, MediakitWarning
from mediakit.io.articles import Article, Columns
from mediakit.run.analyzer import Analyzer
from mediakit.run.corpus import (
    column_rules,
    column_table,
    corpus_schema,
    expand_categories,
    flatten_metrics,
    iter_corpus,
    read_errors,
    row_layout,
    run_corpus,
    update_columns_doc,
)

from .conftest import RAW, ROOT


@pytest.fixture(scope="module")
def samples():
    """Bodies and metadata of the repository's sample articles."""
    return [(a.title, a.outlet, a.date, a.body) for a in load_articles(RAW)]


def _write_jsonl(path: Path, samples, n: int, extra_lines=()) -> Path:
    """``n`` articles cycling through the samples (each cut to a different length)."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            title, outlet, date, body = samples[i % len(samples)]
            paragraphs = body.split("\n\n")
            body = "\n\n".join(paragraphs[: 2 + i % 4])
            handle.write(json.dumps({"id": f"art-{i}", "title": title, "outlet": outlet,
                                     "date": date, "body": body}) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return path


def _rows(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def _expected_row(record: dict, layout) -> dict:
    """The row a record should give: its flattened metrics on the run's columns."""
    flat = layout.flatten(record)
    names = [name for name, _ in layout.types]
    assert {k for k, v in flat.items() if v is not None} <= set(names)
    return {name: flat.get(name) for name in names}


# ---------------------------------------------------------------------- flatten


def test_flatten_metrics_nests_drops_lists_and_run_constants():
    record = {
        "schema_version": "1.0",
        "article": {"id": "a", "words": 3, "clutter_lines": [{"line": 1, "text": "x"}],
                    "warnings": ["w1", "w2"]},
        "readability": {"flesch_reading_ease": 50.5, "counts": {"words": 3}},
        "sentiment": {"sentences": [{"compound": 0.1}], "whole_text": {"scores": {"neg": 0.2},
                                                                       "note": "saturates"}},
        "civilian_voice": {"share_sources": 0.25, "quotes": ["a", "b"]},
        "provenance": {"parameters": {"x": 1}},
    }
    assert flatten_metrics(record) == {
        "id": "a",
        "words": 3,
        "warnings": "w1; w2",
        "readability_flesch_reading_ease": 50.5,
        "readability_counts_words": 3,
        "sentiment_whole_text_scores_neg": 0.2,
        "civilian_share_sources": 0.25,
    }
    assert flatten_metrics({"article": {"warnings": []}}) == {"warnings": None}


def test_sources_diversity_keys_take_the_family_prefix():
    record = {"sources": {"speakers": [{"id": 1}],
                          "diversity": {"n_sources": 2, "roles": {"shannon": 0.69}}}}
    assert flatten_metrics(record) == {"sources_n_sources": 2, "sources_roles_shannon": 0.69}


def test_category_dicts_get_every_category_of_the_codebook():
    categories = {"sides": ("israel", "palestine", "unknown"), "roles": ("civilian", "unknown")}
    templates = {("civilian_voice", "per_side"): {"sources": 1, "direct": 0, "speakers": ["x"]}}
    record = {
        "civilian_voice": {"per_side": {"palestine": {"sources": 2, "direct": 1,
                                                      "speakers": ["A", "B"]}}},
        "sources": {"diversity": {"roles": {
            "counts": {"sources": {"civilian": 3}, "attributions": {}},
            "shares": {"sources": {"civilian": 1.0}, "attributions": {}},
        }}},
    }
    expanded = expand_categories(record, categories, templates)
    assert expanded["civilian_voice"]["per_side"] == {
        "israel": {"sources": 0, "direct": 0, "speakers": []},
        "palestine": {"sources": 2, "direct": 1, "speakers": ["A", "B"]},
        "unknown": {"sources": 0, "direct": 0, "speakers": []},
    }
    roles = expanded["sources"]["diversity"]["roles"]
    # Counts of absent categories are 0; a share is 0.0 when others have some, else None.
    assert roles["counts"] == {"sources": {"civilian": 3, "unknown": 0},
                               "attributions": {"civilian": None, "unknown": None}}
    assert roles["shares"] == {"sources": {"civilian": 1.0, "unknown": 0.0},
                               "attributions": {"civilian": None, "unknown": None}}
    assert record["civilian_voice"]["per_side"].keys() == {"palestine"}  # not changed
    row = flatten_metrics(record, categories, templates)
    assert row["civilian_per_side_israel_sources"] == 0
    assert row["sources_roles_counts_sources_unknown"] == 0


def test_flatten_metrics_refuses_two_metrics_with_one_name():
    with pytest.raises(ValueError, match="a_b_c"):
        flatten_metrics({"a": {"b_c": 1, "b": {"c": 2}}})


def test_schema_comes_from_the_record_and_is_typed():
    schema = corpus_schema()
    assert schema.names[:4] == ["id", "title", "outlet", "date"]
    assert schema.field("words").type == pa.int64()
    assert schema.field("row").type == pa.int64()
    assert schema.field("readability_flesch_reading_ease").type == pa.float64()
    assert schema.field("sentiment_mean_compound").type == pa.float64()
    assert "provenance_parameters_max_bytes" not in schema.names
    table = column_table()
    assert [c["column"] for c in table] == schema.names
    assert {"column": "sentiment_mean_compound", "type": "double",
            "source": "sentiment.mean_compound"} in table


def test_probe_article_fills_every_category_dictionary():
    # Without an example entry a category's columns could not be typed, and its
    # metrics would be left out of every row.
    layout = row_layout()
    assert set(layout.templates) == set(column_rules().categories)
    names = [name for name, _ in layout.types]
    assert len(names) == len(set(names))
    assert {"sources_n_sources", "sources_roles_shannon", "civilian_source_share",
            "framing_agentless_share", "framing_emotive_by_side_unattributed_total",
            "sources_sides_counts_sources_palestine"} <= set(names)


def test_docs_column_table_is_generated_from_the_code(tmp_path):
    doc = ROOT / "docs" / "corpus.md"
    copy = tmp_path / "corpus.md"
    copy.write_text(doc.read_text("utf-8"), "utf-8")
    update_columns_doc(copy)
    assert copy.read_text("utf-8") == doc.read_text("utf-8"), (
        "docs/corpus.md is stale: run "
        "python -c 'from mediakit.run.corpus import update_columns_doc; "
        "update_columns_doc(\"docs/corpus.md\")'")


# ------------------------------------------------------------------ local engine


def test_rows_equal_flattened_analyze_output_in_input_order(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 6)
    result = run_corpus(src, tmp_path / "out.parquet", chunk_size=4, progress=False)
    assert (result.rows, result.errors, result.chunks, result.complete) == (6, 0, 2, True)
    rows = _rows(tmp_path / "out.parquet")
    analyzer = Analyzer()
    layout = row_layout(analyzer)
    articles = [a for a in iter_corpus(src) if isinstance(a, Article)]
    assert [r["id"] for r in rows] == [f"art-{i}" for i in range(6)]
    assert rows == [_expected_row(analyzer.analyze(a).to_dict(), layout) for a in articles]
    assert [r["row"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert not (tmp_path / "out.parquet.parts").exists()
    meta = json.loads(pq.read_schema(tmp_path / "out.parquet").metadata[b"mediakit"])
    assert meta["provenance"]["parameters"]["positive_threshold"] == 0.05


def test_bad_rows_go_to_the_errors_table_and_the_run_completes(tmp_path, samples):
    huge = json.dumps({"id": "huge", "body": "word " * 3000})
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 3, extra_lines=[
        '{"id": "broken", "body": ',                 # line 4: bad JSON
        json.dumps({"id": "empty", "body": "   "}),  # line 5
        json.dumps({"id": "number", "body": 42}),     # line 6
        huge,                                         # line 7: over max_bytes
    ])
    _write_jsonl(tmp_path / "tail.jsonl", samples, 1)
    with (tmp_path / "c.jsonl").open("a") as handle:  # one good article after the bad ones
        handle.write((tmp_path / "tail.jsonl").read_text().replace("art-0", "last"))
    result = run_corpus(src, tmp_path / "out.parquet", chunk_size=3, progress=False,
                        analyzer=Analyzer(max_bytes=10_000))
    assert (result.rows, result.errors) == (4, 4)
    assert [r["id"] for r in _rows(tmp_path / "out.parquet")] == ["art-0", "art-1", "art-2",
                                                                 "last"]
    errors = read_errors(tmp_path / "out.errors.csv")
    assert errors["index"].tolist() == [3, 4, 5, 6]
    assert errors["row"].tolist() == [4, 5, 6, 7]
    assert errors["source_path"].tolist() == [str(src)] * 4
    reasons = errors["reason"].tolist()
    assert reasons[0].startswith("malformed JSON")
    assert reasons[1] == "article text is empty"
    assert reasons[2] == "article text is int, not text"
    assert "larger than the limit of 10000 bytes" in reasons[3]


def test_interrupted_run_resumes_to_the_same_table(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 7, extra_lines=["not json"])
    clean = run_corpus(src, tmp_path / "clean.parquet", chunk_size=2, progress=False)
    first = run_corpus(src, tmp_path / "out.parquet", chunk_size=2, progress=False,
                       stop_after=2)
    assert not first.complete
    assert not (tmp_path / "out.parquet").exists()
    parts = sorted(p.name for p in (tmp_path / "out.parquet.parts").glob("part-*"))
    assert parts == ["part-000000.parquet", "part-000001.parquet"]
    second = run_corpus(src, tmp_path / "out.parquet", chunk_size=2, progress=False)
    assert (second.resumed_chunks, second.chunks, second.rows, second.errors) == (2, 4, 7, 1)
    assert pq.read_table(tmp_path / "out.parquet").equals(pq.read_table(tmp_path /
                                                                       "clean.parquet"))
    assert read_errors(tmp_path / "out.errors.csv").equals(read_errors(clean.errors_path))


def test_a_run_with_other_settings_is_started_over_with_one_line(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 4)
    clean = run_corpus(src, tmp_path / "clean.parquet", chunk_size=3, progress=False)
    run_corpus(src, tmp_path / "out.parquet", chunk_size=2, progress=False, stop_after=1)
    parts = tmp_path / "out.parquet.parts"
    with pytest.warns(MediakitWarning) as record:
        result = run_corpus(src, tmp_path / "out.parquet", chunk_size=3, progress=False)
    assert [str(w.message) for w in record] == [
        f"{parts}: holds a run with other settings (chunk_size differ); starting over"]
    assert (result.rows, result.resumed_chunks) == (4, 0)
    assert pq.read_table(tmp_path / "out.parquet").equals(pq.read_table(clean.out))
    result = run_corpus(src, tmp_path / "out.parquet", chunk_size=3, progress=False,
                        resume=False)
    assert (result.rows, result.resumed_chunks) == (4, 0)


def _default_sigint() -> None:
    """In the child: Ctrl-C's default action. A test run started in the background (a CI
    job, ``nohup``) ignores SIGINT, the child inherits that, and Python then installs no
    KeyboardInterrupt handler, so the command would run to its end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_killed_command_resumes_where_it_stopped(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 10)
    out = tmp_path / "out.parquet"
    cmd = [sys.executable, "-m", "mediakit.cli", "corpus", str(src), "--out", str(out),
           "--chunk-size", "1", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, preexec_fn=_default_sigint)
    parts = tmp_path / "out.parquet.parts"
    deadline = time.monotonic() + 30
    while not list(parts.glob("_chunk-000001.json")) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"run the same command again to resume" in err
    # A chunk is done once its record (written after its part file) exists.
    written = len(list(parts.glob("_chunk-*.json")))
    assert 2 <= written < 10
    rerun = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{written} chunk(s) resumed".encode() in rerun.stderr
    clean = run_corpus(src, tmp_path / "clean.parquet", chunk_size=1, progress=False)
    assert clean.rows == 10
    assert pq.read_table(out).equals(pq.read_table(tmp_path / "clean.parquet"))


def test_process_pool_gives_the_same_table_as_one_process(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 9, extra_lines=['{"body": ""}'])
    one = run_corpus(src, tmp_path / "one.parquet", chunk_size=2, progress=False)
    two = run_corpus(src, tmp_path / "two.parquet", chunk_size=2, jobs=2, progress=False)
    assert (two.rows, two.errors) == (one.rows, one.errors) == (9, 1)
    assert pq.read_table(tmp_path / "two.parquet").equals(pq.read_table(tmp_path /
                                                                       "one.parquet"))


def test_parquet_input_is_read_in_batches_with_named_columns(tmp_path, samples):
    table = pa.table({
        "content": [samples[0][3], None, samples[1][3], ""],
        "headline": ["One", "Two", "Three", "Four"],
        "source": ["Paper A", "Paper B", "Paper A", "Paper B"],
        "published": ["2024-05-01", "2024-05-02", "2024-06-01", "2024-06-02"],
    })
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=2)
    columns = Columns(text="content", title="headline", outlet="source", date="published")
    result = run_corpus(tmp_path / "in.parquet", tmp_path / "out.parquet", columns=columns,
                        chunk_size=3, progress=False)
    assert (result.rows, result.errors) == (2, 2)
    rows = _rows(tmp_path / "out.parquet")
    assert [(r["id"], r["row"], r["title"], r["outlet"], r["date"]) for r in rows] == [
        ("in-1", 1, "One", "Paper A", "2024-05-01"), ("in-3", 3, "Three", "Paper A", "2024-06-01")]
    assert rows[0]["words"] == Analyzer().analyze(samples[0][3]).article["words"]
    errors = read_errors(result.errors_path)
    assert errors["row"].tolist() == [2, 4]
    assert errors["reason"].tolist() == ["article text is missing (null)",
                                         "article text is empty"]


def test_folder_input_and_command_line(tmp_path, capsys):
    out = tmp_path / "raw.parquet"
    code = main(["corpus", str(RAW), "--out", str(out), "--no-progress", "--jobs", "1",
                 "--errors", str(tmp_path / "errors.parquet")])
    assert code == 0
    rows = _rows(out)
    loaded = load_articles(RAW)
    assert [r["id"] for r in rows] == [a.id for a in loaded]
    # The samples' own front-matter keys follow the metrics; a file without them has null.
    meta = [{k: r.pop(k) for k in list(r) if k.startswith("meta_")} for r in rows]
    note = "Teaching sample written for mediakit. Fictional; not a real news report."
    assert meta[0] == {"meta_sample": True, "meta_note": note}
    by_id = dict(zip([r["id"] for r in rows], meta))
    assert by_id["israel-hamas-war-latest-news"] == {"meta_sample": None, "meta_note": None}
    assert pq.read_schema(out).field("meta_sample").type == pa.bool_()
    assert rows[0] == _expected_row(Analyzer().analyze(loaded[0]).to_dict(), row_layout())
    assert len(read_errors(tmp_path / "errors.parquet")) == 0
    assert f"wrote {len(loaded)} row(s)" in capsys.readouterr().err


def test_command_line_exit_code_and_text_column(tmp_path, capsys):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"text": "Short text. Two sentences."}) + "\n"
                   + json.dumps({"text": ""}) + "\n")
    code = main(["corpus", str(src), "--out", str(tmp_path / "o.parquet"), "--no-progress",
                 "--text-column", "text"])
    assert code == 1
    assert "1 error(s)" in capsys.readouterr().err
    assert _rows(tmp_path / "o.parquet")[0]["sentences"] == 2


# ------------------------------------------------------------------- reliability


def _corpus_command(src, out, *extra):
    return [sys.executable, "-m", "mediakit.cli", "corpus", str(src), "--out", str(out),
            "--no-progress", *map(str, extra)]


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _wait_for(condition, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def test_a_second_run_into_the_same_output_refuses_at_once(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 6)
    out = tmp_path / "out.parquet"
    stale = tmp_path / ".out.parquet.999999.tmp"  # what a killed run's compaction leaves
    stale.write_bytes(b"PAR1 half a file")
    first = subprocess.Popen(_corpus_command(src, out, "--chunk-size", 1), env=ENV,
                             stderr=subprocess.PIPE, text=True)
    lock = tmp_path / "out.parquet.lock"
    _wait_for(lambda: lock.exists() and f'"pid": {first.pid}' in lock.read_text())
    second = subprocess.run(_corpus_command(src, out, "--chunk-size", 1), env=ENV,
                            capture_output=True, text=True, timeout=60)
    assert second.returncode == 2
    holder = json.loads(lock.read_text())
    assert second.stderr == (f"mediakit: {out}: another mediakit run is writing this output "
                             f"(pid {first.pid} on {holder['host']}, since "
                             f"{holder['started']}); wait for it to finish or stop it\n")
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert "wrote 6 row(s)" in err
    clean = run_corpus(src, tmp_path / "clean.parquet", chunk_size=1, progress=False)
    assert pq.read_table(out).equals(pq.read_table(clean.out))  # complete and readable
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "c.jsonl", "clean.errors.csv", "clean.parquet", "out.errors.csv", "out.parquet"]


def test_a_part_that_does_not_check_out_is_done_again(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 8)
    clean = run_corpus(src, tmp_path / "clean.parquet", chunk_size=2, progress=False)
    run_corpus(src, tmp_path / "out.parquet", chunk_size=2, progress=False, stop_after=3)
    parts = tmp_path / "out.parquet.parts"
    # A part changed after its record (as by a process that outlived its run), one whose
    # record never came, and one cut short.
    part1 = parts / "part-000001.parquet"
    part1.write_bytes(part1.read_bytes().replace(b"art-2", b"art-X"))
    (parts / "_chunk-000002.json").unlink()
    (parts / "part-000000.parquet").write_bytes((parts / "part-000000.parquet")
                                                .read_bytes()[:-100])
    result = run_corpus(src, tmp_path / "out.parquet", chunk_size=2, progress=False)
    assert (result.resumed_chunks, result.rows) == (0, 8)
    assert pq.read_table(result.out).equals(pq.read_table(clean.out))


def test_the_compacted_table_is_read_back_before_it_replaces_the_output(tmp_path, samples,
                                                                          monkeypatch):
    import mediakit.run.corpus as corpus

    src = _write_jsonl(tmp_path / "c.jsonl", samples, 2)
    out = tmp_path / "out.parquet"
    out.write_bytes(b"the previous table")

    def refuse(path, rows, schema=None):
        raise MediakitError(path, f"the file just written reads back with 0 rows, not {rows}")

    monkeypatch.setattr(corpus.parts, "_check_parquet", refuse)
    with pytest.raises(MediakitError, match="reads back with 0 rows, not 1"):
        run_corpus(src, out, chunk_size=1, progress=False)
    assert out.read_bytes() == b"the previous table"
    assert not list(tmp_path.glob(".*.tmp"))


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid``, read from /proc."""
    children: dict[int, list[int]] = {}
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat_file.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_runs_workers_exit_and_the_run_resumes(tmp_path, samples):
    from mediakit.run.workers import process_alive

    src = _write_jsonl(tmp_path / "c.jsonl", samples, 6)
    out = tmp_path / "out.parquet"
    cmd = _corpus_command(src, out, "--chunk-size", 1, "--jobs", 2)
    proc = subprocess.Popen(cmd, env=ENV, stderr=subprocess.DEVNULL)
    parts = tmp_path / "out.parquet.parts"
    _wait_for(lambda: (parts / "_chunk-000000.json").exists() or proc.poll() is not None)
    below = _descendants(proc.pid)  # fork server, two workers, resource tracker
    proc.kill()
    proc.wait(timeout=10)
    assert len(below) >= 3, below
    deadline = time.monotonic() + 5
    while any(process_alive(p) for p in below) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in below if process_alive(p)]
    # The killed run's lock went with it; what it finished is kept.
    resumed = run_corpus(src, out, chunk_size=1, progress=False)
    assert resumed.resumed_chunks >= 1 and resumed.rows == 6
    assert [r["id"] for r in _rows(out)] == [f"art-{i}" for i in range(6)]


def test_a_named_pipe_input_is_refused_at_once(tmp_path):
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    proc = subprocess.run(_corpus_command(pipe, tmp_path / "o.parquet"), env=ENV,
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr == (f"mediakit: {pipe}: not a regular file (a named pipe); give an "
                           "article file or a folder\n")


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_a_missing_text_column_stops_the_run_naming_the_option(tmp_path, capsys, kind):
    src = tmp_path / f"c.{kind}"
    rows = [{"id": "a", "text": "One. Two.", "topic": "x"}, {"id": "b", "text": "Three."}]
    if kind == "jsonl":
        src.write_text("".join(json.dumps(r) + "\n" for r in rows))
        what = "no record has the 'body' field (fields found: id, text, topic; name the text " \
               "field"
    else:
        if kind == "csv":
            src.write_text("id,text,topic\na,One. Two.,x\n")
        else:
            pq.write_table(pa.Table.from_pylist(rows), src)
        what = "no 'body' column (columns are: id, text, topic; name the text column"
    code = main(["corpus", str(src), "--out", str(tmp_path / "o.parquet"), "--no-progress",
                 "--stop-after", "1"])
    assert code == 2
    assert capsys.readouterr().err == f"mediakit: {src}: {what} with --text-column)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [src.name]  # nothing written


def test_a_run_whose_every_item_failed_exits_non_zero(tmp_path, capsys):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"body": ""}) + "\n" + json.dumps({"body": "  "}) + "\n"
                   + "{broken\n")
    code = main(["corpus", str(src), "--out", str(tmp_path / "o.parquet"), "--no-progress",
                 "--chunk-size", "2", "--stop-after", "1"])
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "mediakit: stopped after 1 chunk(s) (0 row(s), 2 error(s) so far); run the same "
        "command without --stop-after to finish",
        f"mediakit: no article was measured: all 2 item(s) failed (first: {src}, line 1: "
        "article text is empty)"]
    assert main(["corpus", str(src), "--out", str(tmp_path / "o.parquet"), "--no-progress",
                 "--chunk-size", "2"]) == 1
    assert "no article was measured: all 3 item(s) failed" in capsys.readouterr().err


def test_a_changed_column_option_starts_over_cleanly(tmp_path, capsys, samples):
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"id": f"n{i}", "content": samples[i][3],
                                       "headline": f"Headline {i}"}) + "\n" for i in range(3)))
    out = tmp_path / "o.parquet"
    args = ["corpus", str(src), "--out", str(out), "--no-progress", "--chunk-size", "1",
            "--text-column", "content"]
    assert main([*args, "--stop-after", "1"]) == 0
    capsys.readouterr()
    assert main([*args, "--title-column", "headline"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"mediakit: {out}.parts: holds a run with other settings (columns, "
                      "schema differ); starting over")
    assert err[1].startswith("wrote 3 row(s)") and "resumed" not in err[1]
    assert [r["title"] for r in _rows(out)] == ["Headline 0", "Headline 1", "Headline 2"]


def test_input_ids_are_kept_as_given_and_extra_fields_become_meta_columns(tmp_path, samples):
    body = samples[0][3]
    lines = [
        {"id": "business/001", "body": body, "category": "business", "section": 3,
         "score": 2, "weight": 1, "tags": ["a", "b"], "flag": True},
        {"id": 17, "body": body, "category": "sport", "section": "front", "score": 5,
         "weight": 0.5, "tags": None, "flag": False},
        {"id": "business/001", "body": body, "score": None},  # same id, fewer fields
        {"body": body, "category": "x", "big": 2**64},  # no int64 holds it: text
    ]
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in lines))
    result = run_corpus(src, tmp_path / "o.parquet", chunk_size=3, progress=False)
    table = pq.read_table(result.out)
    meta = [n for n in table.schema.names if n.startswith("meta_")]
    assert meta == ["meta_category", "meta_section", "meta_score", "meta_weight", "meta_tags",
                    "meta_flag", "meta_big"]
    assert [str(table.schema.field(n).type) for n in meta] == [
        "string", "string", "int64", "double", "string", "bool", "string"]
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["business/001", "17", "business/001", "c-4"]
    assert [[r[n] for n in meta] for r in rows] == [
        ["business", "3", 2, 1.0, '["a", "b"]', True, None],
        ["sport", "front", 5, 0.5, None, False, None],
        [None, None, None, None, None, None, None],
        ["x", None, None, None, None, None, str(2**64)],
    ]
    # Only file names are made safe: the metrics file of the same article keeps its slug.
    assert [a.id for a in iter_corpus(src)] == ["business-001", "17", "business-001-2", "c-4"]
    csv_src = tmp_path / "c.csv"
    csv_src.write_text('id,body,desk\nPol/7,"A calm day. Nothing happened.",politics\n')
    table = pq.read_table(run_corpus(csv_src, tmp_path / "csv.parquet",
                                     progress=False).out)
    assert table.select(["id", "meta_desk"]).to_pylist() == [{"id": "Pol/7",
                                                              "meta_desk": "politics"}]
    pq_src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"body": [body], "id": ["A B"], "pages": [4],
                             "when": pa.array([1714521600000], pa.timestamp("ms"))}), pq_src)
    table = pq.read_table(run_corpus(pq_src, tmp_path / "pq.parquet", progress=False).out)
    assert table.select(["id", "meta_pages", "meta_when"]).to_pylist() == [
        {"id": "A B", "meta_pages": 4, "meta_when": "2024-05-01T00:00:00"}]
