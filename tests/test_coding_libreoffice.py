"""The coding sheet in LibreOffice: converted headless, every sheet and cell read back.

A coder opens the workbook in Excel or LibreOffice, codes, saves. These tests run
LibreOffice itself (``soffice --headless --convert-to``) on a sheet written by mediakit:
to CSV, one file per sheet, and to .xlsx, LibreOffice's own re-save of the workbook,
which mediakit must read back as it reads its own. Skipped when ``soffice`` is not on
PATH (Debian: ``apt-get install -y libreoffice-calc-nogui``).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from mediakit.coding.reading import read_codesheet
from mediakit.coding.sheets import SHEETS, code_lists

from .coding_helpers import small_article, write_sheet

pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice")
if SOFFICE is None:
    pytest.skip("LibreOffice is not installed (no soffice on PATH; Debian: apt-get install "
                "-y libreoffice-calc-nogui)", allow_module_level=True)

SHA12 = "972ee570d7c4"  # the small article's SHA-256, first 12 hex digits
SHEET_NAMES = ["instructions", "attributions", "harm_mentions", "articles", "codes"]
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, ..., and the
# 12th token -1: every sheet to its own file, <name>-<sheet>.csv.
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _convert(src: Path, to: str, out: Path, profile: Path) -> None:
    # A profile of its own: two soffice processes sharing one refuse to start.
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", to, "--outdir", str(out), str(src)],
                   capture_output=True, text=True, timeout=180, check=True)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    from mediakit import article_from_text

    tmp = tmp_path_factory.mktemp("libreoffice")
    evil = article_from_text('=SUM(A1:A9) was the total, the minister said.\n\n'
                             '"@home we wait," said Amal Hassan.', id="evil")
    sheet = write_sheet(tmp / "sheet.xlsx", [small_article(), evil])
    profile = tmp / "profile"
    _convert(sheet, ALL_SHEETS_CSV, tmp / "csv", profile)
    _convert(sheet, "xlsx", tmp / "resaved", profile)
    return sheet, tmp / "csv", tmp / "resaved" / "sheet.xlsx"


def _csv(folder: Path, name: str) -> list[list[str]]:
    with open(folder / f"sheet-{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_libreoffice_reads_every_sheet_as_written(converted):
    _, folder, _ = converted
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"sheet-{name}.csv" for name in SHEET_NAMES)
    rows = _csv(folder, "attributions")
    assert rows[0] == list(SHEETS["attributions"].columns)
    col = {name: i for i, name in enumerate(rows[0])}
    # By hand: two attributions in the small article (paragraphs 1 and 2, sentences 1
    # and 2), two in the formula-like one; ids are the article's SHA-256 and a count.
    assert [r[col["row_id"]] for r in rows[1:3]] == [f"{SHA12}-attribution-1",
                                                     f"{SHA12}-attribution-2"]
    assert [(r[col["paragraph"]], r[col["sentence"]]) for r in rows[1:]] == [
        ("1", "1"), ("2", "2"), ("1", "1"), ("2", "2")]
    assert rows[1][col["text"]] == ("[[An airstrike killed five people in Rafah]], the health "
                                    "ministry said.")
    assert (rows[2][col["machine_role"]], rows[2][col["machine_kind"]]) == ("civilian",
                                                                           "direct")
    # Text that looks like a formula is text to LibreOffice too: shown, not computed.
    assert rows[3][col["text"]].startswith("=SUM(A1:[[A9) was the total]]")
    assert rows[4][col["text"]] == '"[[@home we wait]]," said Amal Hassan.'
    assert all(r[col["coder_role"]] == "" for r in rows[1:])  # coder columns empty
    harm = _csv(folder, "harm_mentions")
    assert harm[0] == list(SHEETS["harm_mentions"].columns)
    assert harm[1][0] == f"{SHA12}-harm-1" and "[[killed]]" in harm[1][harm[0].index("text")]


def test_libreoffice_sees_the_instructions_and_the_code_lists(converted):
    _, folder, _ = converted
    instructions = _csv(folder, "instructions")
    assert instructions[0][0] == "How to code this sheet"
    explained = {r[1] for r in instructions if len(r) > 1}
    assert {"civilian", "passive_agentless", "direct"} <= explained
    codes = _csv(folder, "codes")
    lists = code_lists()
    for name in ("roles", "sides", "kinds", "constructions"):
        j = codes[0].index(name)
        assert tuple(r[j] for r in codes[1:] if j < len(r) and r[j]) == lists[name]


def test_a_workbook_saved_by_libreoffice_reads_back_the_same(converted):
    from openpyxl import load_workbook

    sheet, _, resaved = converted
    ours, theirs = load_workbook(sheet), load_workbook(resaved)
    assert theirs.sheetnames == ours.sheetnames == SHEET_NAMES
    for name in SHEET_NAMES:
        assert (list(theirs[name].iter_rows(values_only=True))
                == list(ours[name].iter_rows(values_only=True))), name
    # The drop-down lists survive LibreOffice's save: the same cells, the same range of
    # the codes sheet (LibreOffice writes the sheet name without quotes).
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    def lists(wb, name):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        out = {}
        for dv in ws.data_validations.dataValidation:
            letter = coordinate_from_string(str(dv.sqref).split(":")[0])[0]
            out[header[column_index_from_string(letter) - 1]] = (
                str(dv.sqref), dv.type, dv.formula1.replace("'", ""))
        return out

    coded = {"attributions": ["coder_role", "coder_side", "coder_kind", "coder_verdict"],
             "harm_mentions": ["coder_harm_type", "coder_construction", "coder_victim_side",
                               "coder_verdict"]}
    for name, columns in coded.items():
        assert lists(theirs, name) == lists(ours, name)
        assert sorted(lists(theirs, name)) == sorted(columns)
    # The roles' list is the codebook's roles: rows 2 to 1 + their number.
    n_roles = len(code_lists()["roles"])
    assert lists(theirs, "attributions")["coder_role"][2].endswith(f"$2:$A${1 + n_roles}")
    a, b = read_codesheet(sheet), read_codesheet(resaved)
    assert a.rows == b.rows and a.articles == b.articles
    assert [r.unit for r in b.rows["attributions"]][:2] == [f"{SHA12}-attribution-1",
                                                            f"{SHA12}-attribution-2"]
