"""Coded sheets for the coding tests: a small article, its sheet, a coder's edits."""

from __future__ import annotations

from pathlib import Path

TEXT = ("An airstrike killed five people in Rafah, the health ministry said.\n\n"
        "\"We have nothing left,\" said Amal Hassan, a mother of four in Rafah.")


def small_article():
    from mediakit import article_from_text

    return article_from_text(TEXT, id="t1", title="Strike")


def write_sheet(path: Path, articles=None) -> Path:
    """The coding sheet of ``articles`` (default: the small article) at ``path``."""
    from mediakit import analyze
    from mediakit.coding.sheets import article_row, code_lists, sheet_rows, write_codesheet
    from mediakit.text import segment

    rows = {"attributions": [], "harm_mentions": []}
    meta = []
    for article in articles or [small_article()]:
        record = analyze(article).to_dict()
        for name, sheet in sheet_rows(record, segment(article.body)).items():
            rows[name].extend(sheet)
        meta.append(article_row(record))
    return write_codesheet(path, rows, meta, code_lists())


def code(src: Path, dst: Path, sheet: str, edits: dict, added=()) -> Path:
    """Copy a workbook, setting ``edits`` ({row_id: {column: value}}) and appending
    ``added`` rows ({column: value}) to ``sheet``."""
    from openpyxl import load_workbook

    wb = load_workbook(src)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        rid = row[0].value
        for column, value in edits.get(rid, {}).items():
            row[header.index(column)].value = value
    last = max(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value or ws.cell(r, 2).value)
    for i, new in enumerate(added, start=1):
        for column, value in new.items():
            ws.cell(row=last + i, column=header.index(column) + 1, value=value)
    wb.save(dst)
    return dst
