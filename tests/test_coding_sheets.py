"""Coding sheets: rows, ids, sampling, the workbook and its read-back, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.coding.reading import CodingError, read_codesheet
from mediakit.coding.sheets import (
    SHEETS,
    _allocate,
    code_lists,
    mark_span,
    sample_articles,
    sheet_rows,
)
from mediakit.text import segment

from .coding_helpers import code, small_article, write_sheet

SHA12 = "972ee570d7c4"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # kept screenshots (git-ignored)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    return write_sheet(tmp_path_factory.mktemp("sheet") / "sheet.xlsx")


def test_rows_mark_the_span_and_carry_the_machine_codes_and_rules():
    from mediakit import analyze

    article = small_article()
    assert article.sha256.startswith(SHA12)
    rows = sheet_rows(analyze(article).to_dict(), segment(article.body))
    first, second = rows["attributions"]
    assert first["row_id"] == f"{SHA12}-attribution-1"
    assert first["text"] == ("[[An airstrike killed five people in Rafah]], the health "
                             "ministry said.")
    assert (first["paragraph"], first["sentence"]) == (1, 1)  # numbered from 1
    assert (first["machine_role"], first["machine_rule"]) == ("government",
                                                              "indirect.content_speaker_said")
    assert second["text"] == ('"[[We have nothing left]]," said Amal Hassan, a mother of four '
                              'in Rafah.')
    assert (second["machine_role"], second["machine_kind"]) == ("civilian", "direct")
    assert first["machine_cue_type"] == "speech" and first["coder_role"] == ""  # coder: empty
    (harm,) = rows["harm_mentions"]
    assert harm["row_id"] == f"{SHA12}-harm-1"
    assert harm["text"].startswith("An airstrike [[killed]] five people")
    assert (harm["machine_construction"], harm["machine_agent_rule"]) == ("active_agent",
                                                                          "agent.subject")
    assert list(harm) == list(SHEETS["harm_mentions"].columns)


def test_mark_span_over_two_sentences():
    doc = segment("One. Two three. Four.")
    assert mark_span(doc, 2, 12) == ("On[[e. Two thr]]ee.", 1, 1)


def test_allocation_by_largest_remainder():
    # 5 of 10: A has 6 (3.0), B 3 (1.5), C 1 (0.5): B and C tie on .5, B larger wins.
    assert _allocate(5, {"A": 6, "B": 3, "C": 1}) == {"A": 3, "B": 2, "C": 0}
    assert _allocate(3, {"A": 1, "B": 1, "C": 1}) == {"A": 1, "B": 1, "C": 1}


def test_sample_is_seeded_stratified_and_in_order():
    from types import SimpleNamespace as A

    arts = [A(id=i, outlet="X" if i < 6 else "Y") for i in range(10)]
    one = sample_articles(arts, 5, seed=3, stratify="outlet")
    assert one == sample_articles(arts, 5, seed=3, stratify="outlet")
    assert [a.outlet for a in one].count("X") == 3 and len(one) == 5
    assert [a.id for a in one] == sorted(a.id for a in one)
    assert sample_articles(arts, 20) == arts
    assert len(sample_articles(arts, 4, seed=1)) == 4


def test_workbook_has_validation_lists_from_the_codebook(sheet):
    from openpyxl import load_workbook

    wb = load_workbook(sheet)
    assert wb.sheetnames == ["instructions", "attributions", "harm_mentions", "articles",
                             "codes"]
    ws = wb["attributions"]
    header = [c.value for c in ws[1]]
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    codes = wb["codes"]
    code_header = [c.value for c in codes[1]]
    role_col = header.index("coder_role")
    from openpyxl.utils import get_column_letter
    formula = lists[f"{get_column_letter(role_col + 1)}2"]
    letter = get_column_letter(code_header.index("roles") + 1)
    assert formula.startswith(f"'codes'!${letter}$2")
    roles = [c.value for c in codes[letter][1:] if c.value]
    assert tuple(roles) == code_lists()["roles"]
    instructions = [r[1] for r in wb["instructions"].iter_rows(values_only=True)]
    assert "passive_agentless" in instructions and "civilian" in instructions


def test_every_code_round_trips(sheet, tmp_path):
    codes = code_lists()
    n = max(len(codes[k]) for k in ("roles", "sides", "kinds"))
    added = [{"article_id": "t1", "text": f"[[words {i}]]", "coder_verdict": "missed one here",
              "coder_speaker": f"Speaker {i}",
              "coder_role": codes["roles"][i % len(codes["roles"])],
              "coder_side": codes["sides"][i % len(codes["sides"])],
              "coder_kind": codes["kinds"][i % len(codes["kinds"])]} for i in range(n)]
    path = code(sheet, tmp_path / "c.xlsx", "attributions", {}, added=added)
    rows = read_codesheet(path).rows["attributions"][2:]
    assert [r.coder for r in rows] == [
        {k[6:]: v for k, v in a.items() if k.startswith("coder_") and k != "coder_verdict"}
        for a in added]
    m = max(len(codes["constructions"]), len(codes["victim_sides"]), len(codes["harm_types"]))
    added = [{"article_id": "t1", "text": "[[x]]", "coder_verdict": "missed one here",
              "coder_construction": codes["constructions"][i % len(codes["constructions"])],
              "coder_victim_side": codes["victim_sides"][i % len(codes["victim_sides"])],
              "coder_harm_type": codes["harm_types"][i % len(codes["harm_types"])]}
             for i in range(m)]
    path = code(sheet, tmp_path / "h.xlsx", "harm_mentions", {}, added=added)
    rows = read_codesheet(path).rows["harm_mentions"][1:]
    assert {r.coder["victim_side"] for r in rows} == set(codes["victim_sides"])
    assert {r.coder["construction"] for r in rows} == set(codes["constructions"])


def test_a_coder_row_for_a_missed_attribution_is_kept(sheet, tmp_path):
    path = code(sheet, tmp_path / "ann.xlsx", "attributions", {}, added=[{
        "article_id": "t1", "text": "[[Rafah is quiet]], a resident said.",
        "coder_role": "civilian", "coder_verdict": "missed one here"}])
    rows = read_codesheet(path).rows["attributions"]
    assert len(rows) == 3
    assert rows[-1].unit == "ann:added:attribution-1" and rows[-1].added
    assert rows[-1].span == "Rafah is quiet"


def test_csv_round_trip(tmp_path):
    path = write_sheet(tmp_path / "s.csv")
    assert path.read_text().splitlines()[0].startswith("sheet,row_id,article_id,")
    sheet = read_codesheet(path)
    assert [r.unit for r in sheet.rows["attributions"]] == [f"{SHA12}-attribution-1",
                                                            f"{SHA12}-attribution-2"]
    assert sheet.rows["harm_mentions"][0].line == 4
    assert sheet.articles == {"t1": small_article().sha256}


@pytest.mark.parametrize("edit, message", [
    ({"coder_role": "govt"}, "sheet 'attributions', row 2, column coder_role: 'govt' is not "
                             "an allowed code (allowed: government, military"),
    ({"coder_verdict": "wrong"}, "row 2, column coder_verdict: 'wrong' is not an allowed code"),
    ({"row_id": f"{SHA12}-attribution-2"}, "row 3, column row_id: duplicate row id"),
    ({"row_id": "000000000000-attribution-1"}, "row 2, column row_id: row id "
                                               "'000000000000-attribution-1' does not belong"),
    ({"article_id": "other"}, "row 2, column article_id: article id 'other' is not in"),
])
def test_bad_codes_and_ids_are_refused_with_sheet_row_and_column(sheet, tmp_path, edit, message):
    rid = f"{SHA12}-attribution-1" if "row_id" not in edit or "0000" in edit["row_id"] \
        else f"{SHA12}-attribution-2"
    if "duplicate" in message:
        edit = {"row_id": f"{SHA12}-attribution-1"}
    path = code(sheet, tmp_path / "bad.xlsx", "attributions", {rid: edit})
    with pytest.raises(CodingError) as err:
        read_codesheet(path)
    assert message in err.value.message and str(path) in err.value.message


def test_missing_id_column_and_unreadable_workbooks(sheet, tmp_path):
    path = code(sheet, tmp_path / "noid.xlsx", "attributions", {None: {}})
    from openpyxl import load_workbook
    wb = load_workbook(path)
    wb["attributions"]["A1"] = "id"
    wb.save(path)
    with pytest.raises(CodingError, match="sheet 'attributions', row 1, column row_id: "
                                          "missing column"):
        read_codesheet(path)
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(CodingError, match="password-protected"):
        read_codesheet(locked)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(CodingError, match="cannot read the workbook"):
        read_codesheet(junk)
    with pytest.raises(CodingError, match="cannot read"):
        read_codesheet(tmp_path / "absent.xlsx")


def test_codesheet_command(tmp_path, capsys):
    from mediakit.cli.main import main

    from .conftest import RAW

    out = tmp_path / "s.xlsx"
    assert main(["codesheet", str(RAW), "--out", str(out), "--sample", "3", "--seed", "2",
                 "--stratify", "outlet"]) == 0
    err = capsys.readouterr().err
    assert f"wrote {out}:" in err and "attributions" in err
    sheet = read_codesheet(out)
    assert len(sheet.articles) == 3
    assert main(["codesheet", str(RAW), "--out", str(tmp_path / "s.txt")]) == 2
    assert "written as .xlsx or .csv" in capsys.readouterr().err


def test_formula_like_text_and_control_characters_stay_text(tmp_path):
    from openpyxl import load_workbook

    from mediakit import Analyzer, article_from_text
    from mediakit.coding.corrections import corrected_families, load_corrections

    article = article_from_text('=SUM(A1:A9) was the\x0b total, the minister said.\n\n'
                                '"@home we wait," said Amal Hassan.', id="evil")
    for suffix in (".xlsx", ".csv"):
        path = write_sheet(tmp_path / f"s{suffix}", [article])
        rows = read_codesheet(path).rows["attributions"]
        assert rows[0].text.startswith("=SUM(A1:") and "\x0b" not in rows[0].text
        assert rows[0].text.endswith("was the total]], the minister said.")
        assert rows[1].text.startswith('"[[@home we wait]],"')
        # The sheet's text is what mediakit finds now: corrections accept it.
        corrected_families(article, Analyzer(), load_corrections(path))
    wb = load_workbook(tmp_path / "s.xlsx")
    ws = wb["attributions"]
    text_col = [c.value for c in ws[1]].index("text") + 1
    assert ws.cell(2, text_col).data_type == "s"
    assert "'=SUM(A1:" in (tmp_path / "s.csv").read_text()  # an apostrophe: text, not formula
