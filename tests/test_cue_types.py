"""Tests for the cue-type lexicon (mediakit/data/cue_types.txt) and the typed attributions
(expected values worked out by reading the texts)."""

from __future__ import annotations

import pytest

from mediakit.errors import ParameterError
from mediakit.extract.attribution import extract_attributions, load_reporting_verbs
from mediakit.extract.lexicon import (
    classify_cue,
    is_negated,
    load_cue_types,
    parse_counted_cue_types,
)
from mediakit.metrics.sources import analyze_sources
from mediakit.text import segment


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


def _typed(text: str) -> list[tuple]:
    return [(text[a.source_start:a.source_end], a.cue_type, a.cue_lemma, a.text)
            for a in extract_attributions(segment(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Union leaders fear that the plant will close in the spring.",
     ("Union leaders", "belief", "fear", "the plant will close in the spring")),
    ("The report shows that hospital waiting times doubled last year.",
     ("The report", "evidence", "show", "hospital waiting times doubled last year")),
    ("The mayor wants to rebuild the bridge before the winter.",
     ("The mayor", "intention", "want", "to rebuild the bridge before the winter")),
    ("Senator Maria Lopez blasted the plan for its cost to rural hospitals.",
     ("Senator Maria Lopez", "stance", "blast", "the plan for its cost to rural hospitals")),
    ("The minister did not say whether the border would reopen.",
     ("The minister", "negated", "say", "whether the border would reopen")),
    # A document's evidence needs no "that" (attribution_lexicon.txt [documents]).
    ("The latest poll shows the governor ahead by six points.",
     ("The latest poll", "evidence", "show", "the governor ahead by six points")),
    # The source span as PolNeAR marks it keeps the apposition.
    ("Jeff Weaver, the campaign's manager, said the race was far from over.",
     ("Jeff Weaver, the campaign's manager", "speech", "say", "the race was far from over")),
])
def test_each_cue_type_is_found_and_typed(text, expected):
    assert _typed(text) == [expected]


def test_evidence_of_a_person_needs_explicit_content():
    assert _typed("The coach shows the players a video before every match.") == []


def test_a_belief_without_explicit_content_and_a_noun_are_not_attributions():
    # "believes" needs a clause ("that ...", or a subject and a verb); "union support" is
    # a noun, not a stance that tags the name before it.
    assert _typed("Jeff Weaver also believes in the campaign and its volunteers.") == []
    assert [t for _, t, _, _ in _typed("Jeff Weaver believes the race is far from over.")
            ] == ["belief"]
    text = ("Gov. Dana Whitfield, a Democrat who has courted union support, urged both "
            "sides to return to the table.")
    assert [(t, c) for _, t, c, _ in _typed(text)] == [("stance", "urge")]


def test_counted_cue_types_decide_which_attributions_count():
    doc = segment("Union leaders fear that the plant will close. The mayor said the plant "
                  "would stay open. The minister did not say whether it would.")
    default = analyze_sources(doc)
    assert [a.cue_type for a in default.attributions] == ["speech"]
    everything = analyze_sources(doc, counted_cue_types="all")
    assert [a.cue_type for a in everything.attributions] == ["belief", "speech", "negated"]
    assert everything.diversity["n_attributions"] == 3
    two = analyze_sources(doc, counted_cue_types="speech, belief")
    assert [a.cue_type for a in two.attributions] == ["belief", "speech"]
    with pytest.raises(ParameterError, match="unknown cue type"):
        analyze_sources(doc, counted_cue_types="speech,rumour")
    assert parse_counted_cue_types("all") >= {"negated", "belief"}


def test_counted_cue_types_is_a_sources_parameter_in_the_provenance():
    from mediakit.run.analyzer import Analyzer

    analyzer = Analyzer(counted_cue_types="all")
    assert analyzer.get_params()["counted_cue_types"] == "all"
    with pytest.raises(ParameterError, match="counted_cue_types"):
        Analyzer(counted_cue_types="").validate()
