"""Corrected metrics: the coders' codes in place of the machine's."""

from __future__ import annotations

import json

import pytest

from mediakit import Analyzer, article_from_text
from mediakit.coding.corrections import corrected_families, load_corrections
from mediakit.coding.reading import CodingError

from .coding_helpers import TEXT, code, small_article, write_sheet

A1, A2 = "972ee570d7c4-attribution-1", "972ee570d7c4-attribution-2"
H1 = "972ee570d7c4-harm-1"


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    return write_sheet(tmp_path_factory.mktemp("corr") / "blank.xlsx")


def _corrected(sheet):
    return corrected_families(small_article(), Analyzer(), load_corrections(sheet))


def test_an_uncoded_sheet_changes_nothing(tmp_path):
    from mediakit import load_articles

    from .conftest import RAW

    articles = [small_article(), *load_articles(RAW / "wire-gaza-aid-talks.md")]
    sheet = load_corrections(write_sheet(tmp_path / "s.xlsx", articles))
    for article in articles:
        record = Analyzer().analyze(article).to_dict()
        families, provenance = corrected_families(article, Analyzer(), sheet)
        for name, output in families.items():
            assert json.dumps(output, sort_keys=True) == json.dumps(record[name], sort_keys=True)
        assert provenance["corrected"] == provenance["rejected"] == provenance["added"] == []


def test_a_role_correction_moves_the_civilian_figures(blank, tmp_path):
    families, provenance = _corrected(code(blank, tmp_path / "c.xlsx", "attributions",
                                           {A2: {"coder_role": "ngo"}}))
    # mediakit: the ministry (government) and Amal Hassan (civilian); corrected: ngo.
    assert families["civilian_voice"]["n_civilian_sources"] == 0
    assert families["civilian_voice"]["source_share"] == 0.0
    roles = families["sources"]["diversity"]["roles"]["counts"]["sources"]
    assert roles == {"government": 1, "ngo": 1}
    speaker = families["sources"]["speakers"][1]
    assert (speaker["speaker"], speaker["role_rule"]) == ("Amal Hassan", "coder: c.xlsx")
    assert provenance["corrected"] == [A2]
    assert len(provenance["sha256"]) == 64


def test_rejected_and_added_attributions(blank, tmp_path):
    sheet = code(blank, tmp_path / "c.xlsx", "attributions",
                 {A1: {"coder_verdict": "not an attribution"}},
                 added=[{"article_id": "t1", "text": "[[five people in Rafah]]",
                         "coder_speaker": "amal hassan", "coder_kind": "partial",
                         "coder_verdict": "missed one here"}])
    families, provenance = _corrected(sheet)
    div = families["sources"]["diversity"]
    # The ministry's attribution is gone; the added one joins Amal Hassan's source.
    assert (div["n_attributions"], div["n_sources"]) == (2, 1)
    assert div["quote_kinds"] == {"direct": 1, "partial": 1}
    assert families["civilian_voice"]["attribution_share"] == 1.0
    assert families["sources"]["attributions"][0]["rule"] == "coder.added"
    assert provenance["rejected"] == [A1] and provenance["added"] == ["c:added:attribution-1"]


def test_harm_corrections(blank, tmp_path):
    families, _ = _corrected(code(blank, tmp_path / "h.xlsx", "harm_mentions",
                                  {H1: {"coder_construction": "passive_agentless"}}))
    framing = families["framing"]
    assert framing["counts"]["passive_agentless"] == 1 and framing["counts"]["active_agent"] == 0
    assert framing["agentless_share"] == 1.0
    assert framing["by_side"]["palestine"]["agentless_share"] == 1.0
    families, _ = _corrected(code(blank, tmp_path / "r.xlsx", "harm_mentions",
                                  {H1: {"coder_verdict": "not a harm mention"}}))
    assert families["framing"]["n_mentions"] == 0
    assert families["framing"]["agentless_share"] is None
    bad = code(blank, tmp_path / "a.xlsx", "harm_mentions", {}, added=[{
        "article_id": "t1", "text": "[[nothing left]]", "coder_verdict": "missed one here"}])
    with pytest.raises(CodingError, match="row 3, column coder_construction: an added harm "
                                          "mention needs coder_construction and coder_harm"):
        _corrected(bad)


def test_changed_text_and_unknown_spans_are_refused(blank, tmp_path):
    changed = article_from_text(TEXT + " More.", id="t1", title="Strike")
    with pytest.raises(CodingError, match="'t1' was coded with SHA-256 972ee570d7c4... but "
                                          "reads [0-9a-f]{12}... now: its text changed"):
        corrected_families(changed, Analyzer(), load_corrections(blank))
    edited = code(blank, tmp_path / "t.xlsx", "attributions", {A1: {"text": "[[Other]] words."}})
    with pytest.raises(CodingError, match="row 2, column text: row id .* marks other words "
                                          "than mediakit finds now"):
        _corrected(edited)
    added = code(blank, tmp_path / "x.xlsx", "attributions", {}, added=[{
        "article_id": "t1", "text": "[[words not there]]", "coder_verdict": "missed one here"}])
    with pytest.raises(CodingError, match="row 4, column text: the words marked"):
        _corrected(added)


def test_analyze_command_with_corrections(blank, tmp_path, capsys):
    from mediakit.cli.main import main

    src = tmp_path / "t1.txt"
    src.write_text("Strike\n\n" + TEXT + "\n")
    from mediakit import load_articles

    sheet = write_sheet(tmp_path / "s.xlsx", load_articles(src))
    rid = load_corrections(sheet).sheet.rows["attributions"][1].unit
    code(sheet, sheet, "attributions", {rid: {"coder_role": "expert"}})
    assert main(["analyze", str(src), "--corrections", str(sheet)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["sources"]["speakers"][1]["role"] == "civilian"
    assert record["corrected"]["sources"]["speakers"][1]["role"] == "expert"
    assert record["provenance"]["corrections"]["corrected"] == [rid]
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--corrections", str(blank), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "its text changed since the sheet was written" in err[0]
    from .conftest import RAW

    assert main(["analyze", str(RAW / "local-millbrook-flood-barrier.txt"), "--corrections",
                 str(blank), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "another corpus" in err[0]
    assert not out.exists()
