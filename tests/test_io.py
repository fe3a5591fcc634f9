import json
import os
from pathlib import Path

import pytest

from mediakit.io.writers import dumps_json, write_atomic, write_json


def test_dumps_json_is_canonical():
    assert dumps_json({"b": 1, "a": "é"}) == '{\n  "a": "é",\n  "b": 1\n}\n'
    with pytest.raises(ValueError):
        dumps_json({"x": float("nan")})


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    p = write_json(tmp_path / "sub" / "m.json", {"x": 1})
    write_atomic(p, "new")
    assert p.read_text() == "new"
    assert os.listdir(p.parent) == ["m.json"]


def test_write_atomic_keeps_old_content_when_writing_fails(tmp_path, monkeypatch):
    p = write_json(tmp_path / "m.json", {"x": 1})

    def broken_replace(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(p, "half")
    assert json.loads(p.read_text()) == {"x": 1}
    assert os.listdir(tmp_path) == ["m.json"]


def test_written_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        p = write_atomic(tmp_path / "r.html", "x")
    finally:
        os.umask(old)
    assert oct(p.stat().st_mode & 0o777) == oct(0o644)


def test_write_atomic_puts_nothing_in_place_that_fails_its_check(tmp_path):
    p = write_atomic(tmp_path / "t.txt", "old")
    seen = []

    def check(tmp):
        seen.append((tmp.name.startswith(f".t.txt.{os.getpid()}."), tmp.read_text()))
        raise ValueError("not what was meant")

    with pytest.raises(ValueError, match="not what was meant"):
        write_atomic(p, "new", check=check)
    assert seen == [(True, "new")]  # the temporary name holds this process's id
    assert p.read_text() == "old" and os.listdir(tmp_path) == ["t.txt"]


def test_output_lock_refuses_a_second_holder_naming_the_first(tmp_path):
    import socket

    from mediakit.io.writers import OutputBusyError, output_lock

    out = tmp_path / "results.parquet"
    with output_lock(out) as lock:
        assert lock == tmp_path / "results.parquet.lock"
        holder = json.loads(lock.read_text())
        assert (holder["pid"], holder["host"]) == (os.getpid(), socket.gethostname())
        with pytest.raises(OutputBusyError) as info:
            with output_lock(out):
                pass  # pragma: no cover
        assert info.value.holder == holder
        assert info.value.message == (
            f"{out}: another mediakit run is writing this output (pid {os.getpid()} on "
            f"{holder['host']}, since {holder['started']}); wait for it to finish or stop it")
    assert not lock.exists()
    with output_lock(out):  # free again
        pass


def test_a_lock_left_by_a_killed_process_is_taken_over(tmp_path):
    import signal
    import subprocess
    import sys

    from mediakit.io.writers import output_lock

    out = tmp_path / "out"
    code = ("import sys, time; sys.path.insert(0, sys.argv[2]); from mediakit.io.writers import "
            "output_lock\nwith output_lock(sys.argv[1]):\n    print('held', flush=True); "
            "time.sleep(60)")
    root = str(Path(__file__).resolve().parent.parent)
    proc = subprocess.Popen([sys.executable, "-c", code, str(out), root],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "held\n"
        dead = json.loads((tmp_path / "out.lock").read_text())["pid"]
        assert dead == proc.pid
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert (tmp_path / "out.lock").exists()  # left behind, with the dead process's pid
    with output_lock(out) as lock:
        assert json.loads(lock.read_text())["pid"] == os.getpid()
