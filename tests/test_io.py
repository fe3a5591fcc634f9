import json
import os

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
