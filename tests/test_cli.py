import json
import subprocess
import sys

import pytest

from mediakit.cli.main import main

from .conftest import RAW, SEED


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_one_article_prints_one_object(capsys):
    code, out, err = run(capsys, "analyze", str(SEED))
    assert code == 0, err
    record = json.loads(out)
    assert list(record)[:5] == ["article", "provenance", "readability", "schema_version",
                                "sentiment"] or set(record) >= {
        "schema_version", "article", "readability", "sentiment", "provenance"}
    assert record["article"]["id"] == "israel-hamas-war-latest-news"
    assert record["article"]["clutter_removed"] == 2
    assert record["article"]["sentences"] == 31
    assert record["provenance"]["input_sha256"] == record["article"]["sha256"]
    assert record["provenance"]["dependencies"]["textstat"] == "0.7.8"


def test_analyze_folder_writes_files_byte_identically(capsys, tmp_path):
    out1, out2 = tmp_path / "a", tmp_path / "b"
    assert run(capsys, "analyze", str(RAW), "--out", str(out1))[0] == 0
    assert run(capsys, "analyze", str(RAW), "--out", str(out2))[0] == 0
    names = sorted(p.name for p in out1.iterdir())
    assert len(names) >= 8 and "israel-hamas-war-latest-news.json" in names
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()


def test_table_format(capsys):
    code, out, _ = run(capsys, "analyze", str(SEED), "--format", "table")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["id", "words", "sent."]
    assert lines[1].startswith("israel-hamas-war-latest-news")


def test_bad_inputs_are_reported_and_the_rest_still_run(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("Title\nA calm day. Nothing happened.", "utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "analyze", str(tmp_path), str(tmp_path / "missing.md"))
    assert code == 1
    records = json.loads(out)
    assert [r["article"]["id"] for r in records] == ["good"]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "bin.txt: binary file" in lines[0]
    assert "missing.md: no such file or folder" in lines[1]


def test_bad_parameter_is_one_line_exit_2(capsys):
    code, _, err = run(capsys, "analyze", str(SEED), "--positive-threshold", "3")
    assert code == 2
    assert err.strip() == ("mediakit: <input>: positive_threshold must be a number in [-1, 1], "
                           "got 3.0")


@pytest.mark.parametrize("content", [b"", b"\x00\x00", b"Title only\n"])
def test_no_traceback_from_the_command(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "mediakit.cli", "analyze", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and str(bad) in proc.stderr


def test_a_named_pipe_is_refused_at_once_and_skipped_entries_get_one_line(tmp_path):
    import os

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    proc = subprocess.run([sys.executable, "-m", "mediakit.cli", "analyze", str(pipe)],
                          capture_output=True, text=True, timeout=20)
    assert proc.returncode == 1
    assert proc.stderr == (f"mediakit: {pipe}: not a regular file (a named pipe); give an "
                           "article file or a folder\n")
    (tmp_path / "a.txt").write_text("Title\nA calm day.", "utf-8")
    (tmp_path / ".b.txt").write_text("Title\nA calm day.", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "mediakit.cli", "analyze", str(tmp_path),
                           "--format", "table"], capture_output=True, text=True, timeout=20)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"mediakit: {tmp_path}: skipped 1 entry that is not a regular file: pipe.txt (a named "
        "pipe)",
        f"mediakit: {tmp_path}: skipped 1 hidden file(s): .b.txt"]


def test_a_named_pipe_as_codebook_or_clutter_file_is_refused(tmp_path, capsys):
    import os

    pipe = tmp_path / "codebook.yaml"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "analyze", str(SEED), "--codebook", str(pipe))
    assert code == 2
    assert err == f"mediakit: {pipe}: codebook: not a regular file\n"
    code, _, err = run(capsys, "analyze", str(SEED), "--clutter", str(tmp_path / "none.txt"))
    assert (code, err) == (2, f"mediakit: {tmp_path / 'none.txt'}: clutter_path: no such file\n")
