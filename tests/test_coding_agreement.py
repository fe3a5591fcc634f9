"""Agreement statistics: hand-worked tables, Krippendorff's own example, sheets, CLI."""

from __future__ import annotations

import pytest

from mediakit.coding.agreement import (
    agreement,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from mediakit.coding.reading import CodingError

from .coding_helpers import code, write_sheet

A1, A2 = "972ee570d7c4-attribution-1", "972ee570d7c4-attribution-2"
H1 = "972ee570d7c4-harm-1"

# Two coders, ten units. They differ on unit 4 (g/m) and unit 9 (c/e).
CODER_A = "g g g g m m c c c e".split()
CODER_B = "g g g m m m c c e e".split()


def test_percent_agreement_and_kappa_by_hand():
    # p_o = 8/10. Marginals A: g .4, m .2, c .3, e .1; B: g .3, m .3, c .2, e .2.
    # p_e = .12 + .06 + .06 + .02 = .26; kappa = (.8 - .26) / (1 - .26) = .54 / .74.
    assert percent_agreement(list(zip(CODER_A, CODER_B))) == 0.8
    assert cohen_kappa(CODER_A, CODER_B) == pytest.approx(0.54 / 0.74)
    assert cohen_kappa(["x", "x"], ["x", "x"]) is None  # p_e = 1: undefined
    assert cohen_kappa(["x", None], [None, "y"]) is None


def test_alpha_by_hand_on_the_small_table():
    # n = 20 values; n_g = 7, n_m = 5, n_c = 5, n_e = 3; sum of n_c^2 = 108.
    # Off-diagonal coincidences: 2 (unit 4) + 2 (unit 9) = 4.
    # alpha = 1 - (n - 1) * 4 / (n^2 - 108) = 1 - 19 * 4 / 292.
    assert krippendorff_alpha(list(zip(CODER_A, CODER_B))) == pytest.approx(1 - 76 / 292)


def test_alpha_matches_krippendorffs_worked_example():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
    nominal data, four observers, twelve units, missing values; alpha = 0.743.

    By hand: unit 12 has one value and is not pairable; n = 40 pairable values with
    n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3 (sum of squares 384). Off-diagonal
    coincidences: unit 2 (2, 2, 3, 2) gives 3 ordered pairs x 2 / (4 - 1) = 2, unit 6
    (1, 2, 3, 4) 12 / 3 = 4, unit 8 (1, 1, 2, 1) 2: 8 in all. alpha = 1 - 39 * 8 / (1600
    - 384) = 1 - 312 / 1216 = 0.7434.
    """
    n = None
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    units = [[None if row[j] is None else str(row[j]) for row in data] for j in range(12)]
    alpha = krippendorff_alpha(units)
    assert alpha == pytest.approx(1 - 312 / 1216)
    assert round(alpha, 3) == 0.743


def test_alpha_undefined_without_variation():
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None
    assert krippendorff_alpha([["a", None], [None, "b"]]) is None


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    base = tmp_path_factory.mktemp("agree")
    blank = write_sheet(base / "blank.xlsx")
    # Ann: attribution 1 is the ministry's (agrees), attribution 2's role is "ngo",
    # the harm mention is nominal; she adds one missed attribution.
    ann = code(blank, base / "ann.xlsx", "attributions", {A2: {"coder_role": "ngo"}}, added=[{
        "article_id": "t1", "text": "[[Rafah is quiet]], a resident said.",
        "coder_role": "civilian", "coder_verdict": "missed one here"}])
    code(ann, ann, "harm_mentions", {H1: {"coder_construction": "nominal"}})
    # Ben: attribution 1 is no attribution; attribution 2 agrees with mediakit.
    ben = code(blank, base / "ben.xlsx", "attributions",
               {A1: {"coder_verdict": "not an attribution"}})
    return blank, ann, ben


def test_agreement_tables(sheets):
    _, ann, ben = sheets
    result = agreement([ann, ben])
    assert result.coders == ("ann", "ben")
    s = result.summary.set_index(["sheet", "field", "raters"])
    role = s.loc[("attributions", "role", "coders")]
    # Only attribution 2 is coded by both (Ben rejected 1): ngo vs civilian.
    assert (role.n_units, role.percent_agreement) == (1, 0.0)
    exists = s.loc[("attributions", "exists", "coders")]
    assert (exists.n_units, exists.percent_agreement) == (2, 0.5)
    ann_role = s.loc[("attributions", "role", "mediakit vs ann")]
    # mediakit government/civilian, Ann government/ngo: 1 of 2; kappa: p_o .5,
    # p_e = (.5 * .5) [government] = .25 -> (.5 - .25) / .75 = 1/3.
    assert ann_role.percent_agreement == 0.5
    assert ann_role.cohen_kappa == pytest.approx(1 / 3, abs=1e-4)
    d = result.detection.set_index(["sheet", "coder"])
    assert d.loc[("attributions", "ann")].tolist() == [2, 2, 0, 1, 1.0, pytest.approx(2 / 3,
                                                                                      abs=1e-4)]
    assert d.loc[("attributions", "ben")].tolist() == [2, 1, 1, 0, 0.5, 1.0]
    table = result.confusion_table("harm_mentions", "construction")
    assert table.loc["active_agent", "nominal"] == 1 and table.loc["active_agent",
                                                                   "active_agent"] == 1
    roles = result.confusion_table("attributions", "role")
    assert roles.loc["civilian", "ngo"] == 1 and roles.loc["civilian", "civilian"] == 1


def test_blank_missing_reads_blank_cells_as_no_code(sheets):
    _, ann, ben = sheets
    s = agreement([ann, ben], blank="missing").summary.set_index(["sheet", "field", "raters"])
    assert s.loc[("attributions", "role", "coders")].n_units == 0
    assert s.loc[("attributions", "role", "mediakit vs ann")].n_units == 1


def test_sheets_of_other_texts_are_refused(sheets, tmp_path):
    from mediakit import article_from_text, load_articles

    from .conftest import RAW

    blank, ann, _ = sheets
    changed = article_from_text("Rafah was quiet on Sunday, a resident said.", id="t1")
    foreign = write_sheet(tmp_path / "changed.xlsx", [changed])
    with pytest.raises(CodingError, match=r"'t1' has SHA-256 [0-9a-f]{12}\.\.\. here but "
                                          r"972ee570d7c4\.\.\. in"):
        agreement([ann, foreign])
    other = write_sheet(tmp_path / "other.xlsx",
                        load_articles(RAW / "local-millbrook-flood-barrier.txt"))
    with pytest.raises(CodingError, match="none of its .* row ids match .*another corpus"):
        agreement([ann, other])
    edited = code(blank, tmp_path / "edited.xlsx", "attributions",
                  {A1: {"machine_role": "expert"}})
    with pytest.raises(CodingError, match="machine_role of row id .* must not be edited"):
        agreement([ann, edited])


def test_agreement_command_prints_writes_and_refuses(sheets, tmp_path, capsys):
    from mediakit.cli.main import main

    _, ann, ben = sheets
    out = tmp_path / "out"
    assert main(["agreement", str(ann), str(ben), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "mediakit vs ann" in printed and "krippendorff_alpha" in printed
    assert sorted(p.name for p in out.iterdir()) == ["confusion.csv", "detection.csv",
                                                     "summary.csv"]
    bad = code(ann, tmp_path / "bad.xlsx", "attributions", {A1: {"coder_side": "mars"}})
    out2 = tmp_path / "out2"
    assert main(["agreement", str(bad), str(ben), "--out", str(out2)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "sheet 'attributions', row 2, column coder_side: 'mars'" in err[0]
    assert not out2.exists()


def test_python_api():
    import mediakit

    assert mediakit.agreement is agreement
