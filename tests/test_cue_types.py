"""Tests for the cue-type lexicon (mediakit/data/cue_types.txt) and the typed attributions
(expected values worked out by reading the texts)."""

from __future__ import annotations

import pytest

from mediakit.errors import ParameterError
from mediakit.extract.attribution import load_reporting_verbs
from mediakit.extract.lexicon import classify_cue, is_negated, load_cue_types


def test_cue_types_classify_a_cue_by_its_head_word():
    types, verbs = load_cue_types(), load_reporting_verbs()
    cases = {
        "said": ("speech", "say"),
        "has said": ("speech", "say"),
        "fears": ("belief", "fear"),
        "wants": ("intention", "want"),
        "showed": ("evidence", "show"),
        "called for": ("stance", "call for"),
        "in a statement": ("nominal", "statement"),
        "according to": ("according_to", "according to"),
        ":": ("other", None),
    }
    for cue, expected in cases.items():
        assert classify_cue(cue.split(), types, verbs) == expected, cue
    assert is_negated("did not".split()) and is_negated(["didn't"])
    assert not is_negated(["has"])


@pytest.mark.parametrize(("body", "problem", "line"), [
    ("[speech]\nsay said\n[rumour]\nhear heard\n", "unknown cue-type section", 3),
    ("say said\n", "before any [type] section", 1),
    ("# two types\n[speech]\nsay said\n[belief]\nthink said\n", "'said' is listed as speech", 5),
    ("# empty\n", "no cue types", None),
])
def test_a_malformed_cue_type_file_is_refused_with_file_and_line(tmp_path, body, problem, line):
    bad = tmp_path / "cues.txt"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(ParameterError) as err:
        load_cue_types(str(bad))
    msg = str(err.value)
    assert "cues.txt" in msg and problem in msg
    if line is not None:
        assert f"line {line}" in msg
