"""Coded sheets in: a coder's workbook (or CSV) read back and checked.

Every problem is refused with one line naming the file, the sheet, the row and the
column: an unreadable or password-protected workbook, a missing column, a duplicate or
altered row id, a code outside the codebook (with the allowed codes), a row added
without an article.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MediakitError
from .sheets import (
    ARTICLE_COLUMNS,
    FORMULA_START,
    MARK_CLOSE,
    MARK_OPEN,
    SHEETS,
    SheetSpec,
    code_lists,
)

__all__ = ["CodedRow", "CodedSheet", "CodingError", "read_codesheet"]

#: The first bytes of an OLE2 compound file: an encrypted (password-protected) Office
#: file, or an old binary .xls.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MISSED = "missed one here"


class CodingError(MediakitError):
    """A coded sheet that cannot be used: which file, sheet, row and column."""

    def __init__(self, path, problem: str, row: int | None = None, sheet: str | None = None,
                 column: str | None = None):
        self.sheet = sheet
        self.column = column
        super().__init__(path, problem, row)

    @property
    def message(self) -> str:
        where = [self.path or "<input>"]
        if self.sheet:
            where.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.problem}"

    def __reduce__(self):
        return (self.__class__, (self.path, self.problem, self.row, self.sheet, self.column))


@dataclass(frozen=True)
class CodedRow:
    """One row of a coded sheet.

    Attributes
    ----------
    unit : str
        The row id; for a row the coder added, ``<coder>:added:<n>``.
    article_id : str
    machine : dict
        Field -> the machine's code (``""`` when empty).
    coder : dict
        Field -> the coder's code, for the fields the coder filled.
    verdict : str
        ``""``, or one of the sheet's verdicts.
    added : bool
        The coder added the row (a missed attribution or mention).
    text : str
        The sentence with the span marked.
    line : int
        The row in the sheet (the header is row 1).
    """

    unit: str
    article_id: str
    machine: dict
    coder: dict
    verdict: str
    added: bool
    text: str
    line: int

    @property
    def span(self) -> str | None:
        """The words between ``[[`` and ``]]``, when marked."""
        a = self.text.find(MARK_OPEN)
        b = self.text.find(MARK_CLOSE, a + len(MARK_OPEN))
        return self.text[a + len(MARK_OPEN):b].strip() if a >= 0 and b > a else None


@dataclass(frozen=True)
class CodedSheet:
    """A coder's sheet: rows per sheet name, the articles and the file's SHA-256."""

    path: str
    sha256: str
    coder: str
    rows: dict = field(default_factory=dict)  # sheet name -> tuple of CodedRow
    articles: dict = field(default_factory=dict)  # article id -> sha256


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _xlsx_tables(path: Path, data: bytes) -> dict[str, list[list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if data.startswith(_OLE_MAGIC):
        raise CodingError(path, "cannot read the workbook: it is password-protected (or an "
                          "old .xls); save it as an unprotected .xlsx")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise CodingError(path, f"cannot read the workbook ({type(exc).__name__}: {exc}); "
                          "is it an .xlsx file?") from None
    try:
        return {ws.title: [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
                for ws in wb.worksheets}
    finally:
        wb.close()


def _csv_tables(path: Path, data: bytes) -> dict[str, list[list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CodingError(path, "cannot read the CSV: it is not UTF-8") from None
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header or header[0] != "sheet":
        raise CodingError(path, "the first column of a coding-sheet CSV must be 'sheet'",
                          row=1)
    tables: dict[str, list[list[str]]] = {}
    lines: dict[str, list[int]] = {}
    for n, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        name = row[0].strip()
        tables.setdefault(name, [header[1:]]).append([_uncsv(c) for c in row[1:]])
        lines.setdefault(name, [1]).append(n)
    return {name: _with_lines(t, lines[name]) for name, t in tables.items()}


def _uncsv(cell: str) -> str:
    # The apostrophe written before a formula-like cell (see sheets.FORMULA_START).
    cell = cell.strip()
    if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_START:
        return cell[1:]
    return cell


def _with_lines(table: list[list[str]], lines: list[int]) -> list[list[str]]:
    # A CSV holds every sheet in one table: keep each row's line in the file.
    return [[*row, str(line)] for row, line in zip(table, lines)]


def read_codesheet(path: str | Path, codes: Mapping[str, Sequence[str]] | None = None,
                   coder: str | None = None) -> CodedSheet:
    """Read a coded sheet and check every coder code against the allowed codes.

    Parameters
    ----------
    path : str or Path
        An ``.xlsx`` or ``.csv`` written by :func:`~mediakit.coding.sheets.write_codesheet`
        and filled by a coder.
    codes : dict, optional
        Allowed codes (:func:`~mediakit.coding.sheets.code_lists`); the packaged
        codebook's and lexicon's when None.
    coder : str, optional
        The coder's name; the file's stem when None.

    Returns
    -------
    CodedSheet

    Raises
    ------
    CodingError
        Naming file, sheet, row and column.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CodingError(path, f"cannot read: {exc.strerror or exc}") from None
    codes = code_lists() if codes is None else codes
    is_csv = path.suffix.lower() == ".csv"
    tables = _csv_tables(path, data) if is_csv else _xlsx_tables(path, data)
    coder = coder or path.stem
    articles = _articles(path, tables.get("articles"), is_csv)
    rows = {}
    for spec in SHEETS.values():
        if spec.name not in tables:
            if is_csv:
                rows[spec.name] = ()
                continue
            raise CodingError(path, "no such sheet in the workbook", sheet=spec.name)
        rows[spec.name] = _rows(path, spec, tables[spec.name], codes, coder, articles, is_csv)
    return CodedSheet(str(path), hashlib.sha256(data).hexdigest(), coder, rows, articles)


def _header(path: Path, sheet: str, table: list[list[str]], needed: Sequence[str]
            ) -> dict[str, int]:
    if not table:
        raise CodingError(path, "the sheet is empty (no header row)", sheet=sheet, row=1)
    index = {}
    for i, name in enumerate(table[0]):
        if name and name not in index:
            index[name] = i
    for name in needed:
        if name not in index:
            raise CodingError(path, "missing column (the header row must keep mediakit's "
                              "column names)", sheet=sheet, row=1, column=name)
    return index


def _articles(path: Path, table, is_csv: bool) -> dict[str, str]:
    if table is None:
        raise CodingError(path, "no such sheet", sheet="articles")
    index = _header(path, "articles", table, ("article_id", "sha256"))
    out = {}
    for n, row in enumerate(table[1:], start=2):
        line = int(row[-1]) if is_csv else n
        get = _getter(row, index)
        if not any(get(c) for c in ARTICLE_COLUMNS):
            continue
        if get("article_id") in out:
            raise CodingError(path, f"duplicate article id {get('article_id')!r}",
                              sheet="articles", row=line, column="article_id")
        out[get("article_id")] = get("sha256")
    return out


def _getter(row: list[str], index: Mapping[str, int]):
    def get(name: str) -> str:
        i = index.get(name)
        return row[i] if i is not None and i < len(row) else ""
    return get


def _rows(path: Path, spec: SheetSpec, table, codes, coder: str, articles: Mapping[str, str],
          is_csv: bool) -> tuple[CodedRow, ...]:
    needed = ("row_id", "article_id", "text", "coder_verdict",
              *(f.coder_column for f in spec.coded_fields))
    index = _header(path, spec.name, table, needed)
    verdicts = codes[f"verdict_{spec.name}"]
    out, seen, added = [], set(), 0
    for n, row in enumerate(table[1:], start=2):
        line = int(row[-1]) if is_csv else n
        get = _getter(row, index)
        coded = {f.name: get(f.coder_column) for f in spec.coded_fields if get(f.coder_column)}
        verdict = get("coder_verdict")
        if not (get("row_id") or get("article_id") or coded or verdict or get("text")):
            continue  # a blank spare row
        _check_code(path, spec.name, line, "coder_verdict", verdict, verdicts)
        for f in spec.coded_fields:
            if f.codes and f.name in coded:
                _check_code(path, spec.name, line, f.coder_column, coded[f.name],
                            codes[f.codes])
        unit = get("row_id")
        article_id = get("article_id")
        if article_id not in articles:
            raise CodingError(path, f"article id {article_id!r} is not in the sheet "
                              "'articles'", sheet=spec.name, row=line, column="article_id")
        if not unit:
            if verdict != MISSED:
                raise CodingError(path, "no row id: a row you add needs 'missed one here' in "
                                  "coder_verdict", sheet=spec.name, row=line, column="row_id")
            added += 1
            unit = f"{coder}:added:{spec.kind}-{added}"
        elif unit in seen:
            raise CodingError(path, f"duplicate row id {unit!r}", sheet=spec.name, row=line,
                              column="row_id")
        elif not unit.startswith(articles[article_id][:12]):
            raise CodingError(path, f"row id {unit!r} does not belong to article "
                              f"{article_id!r} (SHA-256 {articles[article_id][:12]}...)",
                              sheet=spec.name, row=line, column="row_id")
        seen.add(unit)
        machine = {f.name: get(f.machine_column) for f in spec.fields}
        out.append(CodedRow(unit, article_id, machine, coded, verdict, not get("row_id"),
                            get("text"), line))
    return tuple(out)


def _check_code(path: Path, sheet: str, line: int, column: str, value: str,
                allowed: Sequence[str]) -> None:
    if value and value not in allowed:
        raise CodingError(path, f"{value!r} is not an allowed code (allowed: "
                          f"{', '.join(allowed)})", sheet=sheet, row=line, column=column)
