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
from mediakit.errors import MediakitError
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


def test_resume_refuses_parts_written_with_other_settings(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 4)
    run_corpus(src, tmp_path / "out.parquet", chunk_size=2, progress=False, stop_after=1)
    with pytest.raises(MediakitError, match="chunk_size differ"):
        run_corpus(src, tmp_path / "out.parquet", chunk_size=3, progress=False)
    result = run_corpus(src, tmp_path / "out.parquet", chunk_size=3, progress=False,
                        resume=False)
    assert (result.rows, result.resumed_chunks) == (4, 0)


def test_killed_command_resumes_where_it_stopped(tmp_path, samples):
    src = _write_jsonl(tmp_path / "c.jsonl", samples, 10)
    out = tmp_path / "out.parquet"
    cmd = [sys.executable, "-m", "mediakit.cli", "corpus", str(src), "--out", str(out),
           "--chunk-size", "1", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    parts = tmp_path / "out.parquet.parts"
    deadline = time.monotonic() + 30
    while not list(parts.glob("part-000001.parquet")) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"run the same command again to resume" in err
    written = len(list(parts.glob("part-*.parquet")))
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
