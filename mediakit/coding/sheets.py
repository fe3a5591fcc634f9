"""Coding sheets out: one row per machine decision, for human coders to check.

A coding sheet has one row per attribution (sheet ``attributions``) and one per harm
mention (sheet ``harm_mentions``). Each row gives the article, a stable row id, the
sentence with the span marked between ``[[`` and ``]]``, mediakit's codes and the rule
that decided each (columns ``machine_*``), then empty coder columns (``coder_*``) whose
allowed codes come from the codebook, the framing family and the harm lexicon, and a
verdict column ("not an attribution", "missed one here"). An ``instructions`` sheet
explains each code with an example (``mediakit/data/coding_instructions.yaml``), a
``codes`` sheet lists the allowed codes (the drop-down lists read it) and an
``articles`` sheet gives each article's SHA-256.

The row id is the article's SHA-256 prefix, the kind of row and its 1-based index in
the record (``f524ab970acc-attribution-3``): the same article analysed with the same
version gives the same ids, so rows are matched across coders, and a sheet from
another text (or an edited one) matches nothing.

The machine columns are declared once, in :data:`SHEETS`. A field the record lacks
(a field another version of the extractor adds) is written empty.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..codebook import Codebook, load_codebook
from ..errors import MediakitError
from ..io.writers import write_atomic
from ..text import Document

__all__ = [
    "ARTICLE_COLUMNS",
    "Field",
    "SHEETS",
    "SheetSpec",
    "code_lists",
    "instructions",
    "make_codesheet",
    "mark_span",
    "row_id",
    "sample_articles",
    "sheet_rows",
    "sheet_text",
    "write_codesheet",
]

MARK_OPEN, MARK_CLOSE = "[[", "]]"
#: Blank rows below the last one that keep the drop-down lists, for rows a coder adds.
SPARE_ROWS = 200
#: Columns of every row before the machine's codes.
LEAD_COLUMNS = ("row_id", "article_id", "paragraph", "sentence", "text")
#: Columns after the coder's codes.
TAIL_COLUMNS = ("coder_verdict", "coder_note")
#: Columns of the ``articles`` sheet.
ARTICLE_COLUMNS = ("article_id", "sha256", "title", "outlet", "date", "source_path", "row")


@dataclass(frozen=True)
class Field:
    """One machine code of a row, and whether (and from which list) a coder codes it.

    Attributes
    ----------
    name : str
        The record's key (``role``); the columns are ``machine_<name>`` and, when
        coded, ``coder_<name>``.
    codes : str or None
        The list of allowed codes (a key of :func:`code_lists`); None: free text.
    coded : bool
        Whether the sheet has a coder column for it.
    """

    name: str
    codes: str | None = None
    coded: bool = False

    @property
    def machine_column(self) -> str:
        return f"machine_{self.name}"

    @property
    def coder_column(self) -> str:
        return f"coder_{self.name}"


@dataclass(frozen=True)
class SheetSpec:
    """One sheet of a coding sheet: which records it holds and their fields."""

    name: str
    kind: str  # the row-id infix
    family: str
    key: str  # the record's list: record[family][key]
    fields: tuple[Field, ...]

    @property
    def coded_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.coded)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*LEAD_COLUMNS, *(f.machine_column for f in self.fields),
                *(f.coder_column for f in self.coded_fields), *TAIL_COLUMNS)


#: The sheets and their fields, in column order. ``source_type`` is the type of the
#: row's source (empty without a speaker); a field the record lacks is written empty.
SHEETS: dict[str, SheetSpec] = {
    "attributions": SheetSpec("attributions", "attribution", "sources", "attributions", (
        Field("speaker", None, True),
        Field("role", "roles", True),
        Field("side", "sides", True),
        Field("kind", "kinds", True),
        Field("cue"),
        Field("cue_type"),
        Field("source_type"),
        Field("rule"),
    )),
    "harm_mentions": SheetSpec("harm_mentions", "harm", "framing", "mentions", (
        Field("trigger"),
        Field("harm_type", "harm_types", True),
        Field("construction", "constructions", True),
        Field("rule"),
        Field("agent"),
        Field("agent_rule"),
        Field("perpetrator"),
        Field("victims"),
        Field("victim_side", "victim_sides", True),
    )),
}


@lru_cache(maxsize=1)
def instructions() -> dict:
    """The packaged instructions (``mediakit/data/coding_instructions.yaml``)."""
    path = resources.files("mediakit.data") / "coding_instructions.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def code_lists(codebook: Codebook | str | Path | None = None,
               harm_lexicon: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """The allowed codes of every coded field, and of the verdict columns.

    Parameters
    ----------
    codebook : Codebook or path, optional
        Roles and sides; the packaged codebook when None.
    harm_lexicon : path, optional
        The harm lexicon whose harm types are allowed; the packaged one when None.

    Returns
    -------
    dict
        ``roles``, ``sides``, ``kinds``, ``constructions``, ``harm_types``,
        ``victim_sides`` and ``verdict_<sheet>`` -> codes, in order.
    """
    from ..metrics.framing import CONSTRUCTIONS, harm_types

    cb = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    text = instructions()
    lists = {
        "roles": tuple(cb.roles),
        "sides": tuple(cb.sides),
        "kinds": tuple(text["kinds"]),
        "constructions": tuple(CONSTRUCTIONS),
        "harm_types": tuple(harm_types(harm_lexicon)),
        "victim_sides": (*cb.sides, *text["victim_side_extra"]),
    }
    for sheet, verdicts in text["verdicts"].items():
        lists[f"verdict_{sheet}"] = tuple(verdicts)
    return lists


def row_id(sha256: str, spec: SheetSpec, index: int) -> str:
    """The stable id of the ``index``-th (0-based) record of a sheet's kind in an article."""
    return f"{sha256[:12]}-{spec.kind}-{index + 1}"


def mark_span(doc: Document, start: int, end: int) -> tuple[str, int, int]:
    """The sentences holding ``doc.text[start:end]``, with the span between ``[[ ]]``.

    Returns
    -------
    tuple
        The marked text, and the 1-based paragraph and sentence of ``start``.
    """
    first = doc.sentence_at(start)
    last = doc.sentence_at(max(start, end - 1)) or first
    if first is None:  # a span outside every sentence (should not happen): the span alone
        return f"{MARK_OPEN}{doc.text[start:end]}{MARK_CLOSE}", 0, 0
    a, b = first.start, max(last.end, end)
    text = (doc.text[a:start] + MARK_OPEN + doc.text[start:end] + MARK_CLOSE
            + doc.text[end:b])
    return " ".join(sheet_text(text).split()), first.paragraph + 1, first.index + 1


#: Characters a workbook cell cannot hold (openpyxl's ``ILLEGAL_CHARACTERS_RE``): control
#: characters other than tab, newline and carriage return. They are left out of every
#: cell, in both formats, so a sheet's text reads back the same from .xlsx and .csv.
_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
#: What spreadsheet programs read as the start of a formula in a CSV cell (OWASP, "CSV
#: injection"): such a cell is written with a leading apostrophe, removed on reading.
FORMULA_START = ("=", "+", "-", "@")


def sheet_text(value: str) -> str:
    """Text as a sheet holds it: without the characters a workbook cell cannot hold."""
    return _ILLEGAL.sub("", value)


def _cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return sheet_text(value) if isinstance(value, str) else value


def sheet_rows(record: Mapping, doc: Document) -> dict[str, list[dict]]:
    """The rows of every sheet for one article.

    Parameters
    ----------
    record : dict
        The article's metrics record (``ArticleMetrics.to_dict()``).
    doc : Document
        The segmented body the record was computed on.

    Returns
    -------
    dict
        Sheet name -> rows (dicts keyed by :attr:`SheetSpec.columns`).
    """
    article = record["article"]
    out: dict[str, list[dict]] = {}
    for spec in SHEETS.values():
        rows = []
        for i, item in enumerate(record[spec.family][spec.key]):
            text, paragraph, sentence = mark_span(doc, item["start"], item["end"])
            row = {"row_id": row_id(article["sha256"], spec, i), "article_id": article["id"],
                   "paragraph": paragraph, "sentence": sentence, "text": text}
            for f in spec.fields:
                row[f.machine_column] = _cell(item.get(f.name))
            for f in spec.coded_fields:
                row[f.coder_column] = ""
            row.update(dict.fromkeys(TAIL_COLUMNS, ""))
            rows.append(row)
        out[spec.name] = rows
    return out


def article_row(record: Mapping) -> dict:
    """The ``articles`` sheet's row of one record."""
    a = record["article"]
    return {"article_id": a["id"], "sha256": a["sha256"], "title": a.get("title"),
            "outlet": a.get("outlet"), "date": a.get("date"),
            "source_path": a.get("source_path"), "row": a.get("row")}


def sample_articles(articles: Sequence, n: int | None, seed: int = 0,
                    stratify: str | None = None) -> list:
    """A seeded random sample of articles, in their original order.

    Parameters
    ----------
    articles : sequence of Article
    n : int or None
        How many; None or at least ``len(articles)`` keeps them all.
    seed : int
        Seed of :class:`random.Random`: the same seed gives the same sample.
    stratify : str, optional
        An article attribute (``outlet``): each group gets its share of ``n`` by
        largest remainder (ties to the larger group, then by name), at least one
        article per group when ``n`` allows.

    Returns
    -------
    list
    """
    if n is None or n >= len(articles):
        return list(articles)
    if n < 1:
        raise ValueError("the sample size must be at least 1")
    rng = random.Random(seed)
    if stratify is None:
        chosen = set(rng.sample(range(len(articles)), n))
        return [a for i, a in enumerate(articles) if i in chosen]
    groups: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(str(getattr(a, stratify) or ""), []).append(i)
    quotas = _allocate(n, {g: len(ix) for g, ix in groups.items()})
    chosen = set()
    for g in sorted(groups):
        chosen.update(rng.sample(groups[g], quotas[g]))
    return [a for i, a in enumerate(articles) if i in chosen]


def _allocate(n: int, sizes: Mapping[str, int]) -> dict[str, int]:
    """Proportional allocation of ``n`` over groups by largest remainder."""
    total = sum(sizes.values())
    exact = {g: n * s / total for g, s in sizes.items()}
    quotas = {g: int(x) for g, x in exact.items()}
    order = sorted(sizes, key=lambda g: (-(exact[g] - quotas[g]), -sizes[g], g))
    for g in order[: n - sum(quotas.values())]:
        quotas[g] += 1
    return quotas


# ---------------------------------------------------------------------- writing


def write_codesheet(path: str | Path, rows: Mapping[str, Sequence[dict]],
                    articles: Sequence[dict], codes: Mapping[str, Sequence[str]],
                    codebook: Codebook | None = None) -> Path:
    """Write a coding sheet, atomically: ``.xlsx`` (a workbook) or ``.csv`` (one table).

    Parameters
    ----------
    path : str or Path
        ``.xlsx``: sheets ``instructions``, ``attributions``, ``harm_mentions``,
        ``articles`` and ``codes``, with drop-down lists on the coder columns.
        ``.csv``: the rows of both sheets in one table whose first column, ``sheet``,
        says which; the articles as rows of sheet ``articles``.
    rows : dict
        Sheet name -> rows, from :func:`sheet_rows`.
    articles : sequence of dict
        Rows of the ``articles`` sheet (:func:`article_row`).
    codes : dict
        Allowed codes (:func:`code_lists`).
    codebook : Codebook, optional
        Where the instructions take the roles' meanings from (the packaged one).

    Returns
    -------
    Path
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_atomic(path, _workbook_bytes(rows, articles, codes,
                                                  codebook or load_codebook(None)))
    if suffix == ".csv":
        return write_atomic(path, _csv_text(rows, articles))
    raise MediakitError(path, "a coding sheet is written as .xlsx or .csv")


def _csv_text(rows: Mapping[str, Sequence[dict]], articles: Sequence[dict]) -> str:
    columns = ["sheet"]
    for spec in SHEETS.values():
        columns += [c for c in spec.columns if c not in columns]
    columns += [c for c in ARTICLE_COLUMNS if c not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for spec in SHEETS.values():
        for row in rows.get(spec.name, ()):
            writer.writerow({"sheet": spec.name, **{k: _csv_cell(v) for k, v in row.items()}})
    for a in articles:
        writer.writerow({"sheet": "articles", **{k: _csv_cell(_cell(v)) for k, v in a.items()}})
    return buffer.getvalue()


def _csv_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _workbook_bytes(rows, articles, codes, codebook: Codebook) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    _instructions_sheet(wb.active, codes, codebook)
    code_columns = _codes_sheet(wb.create_sheet("codes"), codes)
    for spec in SHEETS.values():
        ws = wb.create_sheet(spec.name, index=len(wb.sheetnames) - 1)
        _table(ws, spec.columns, rows.get(spec.name, ()))
        _validations(ws, spec, len(rows.get(spec.name, ())), code_columns)
    ws = wb.create_sheet("articles", index=len(wb.sheetnames) - 1)
    _table(ws, ARTICLE_COLUMNS, [{k: _cell(v) for k, v in a.items()} for a in articles])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _table(ws, columns: Sequence[str], rows: Iterable[dict]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([row.get(c, "") for c in columns])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # article text, never a formula
    ws.freeze_panes = "B2"
    for i, name in enumerate(columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = 80 if name == "text" else max(12, len(name) + 2)
        if name == "text":
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _codes_sheet(ws, codes: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """One column per code list; returns list name -> its cell range."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ranges = {}
    for i, (name, values) in enumerate(codes.items(), start=1):
        letter = get_column_letter(i)
        ws.cell(row=1, column=i, value=name).font = Font(bold=True)
        for j, value in enumerate(values, start=2):
            ws.cell(row=j, column=i, value=value)
        ws.column_dimensions[letter].width = max(14, *(len(v) + 2 for v in values))
        ranges[name] = f"'codes'!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _validations(ws, spec: SheetSpec, n_rows: int, code_columns: Mapping[str, str]) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = spec.columns
    last = n_rows + 1 + SPARE_ROWS
    lists = [(f.coder_column, f.codes) for f in spec.coded_fields if f.codes]
    lists.append(("coder_verdict", f"verdict_{spec.name}"))
    for column, list_name in lists:
        dv = DataValidation(type="list", formula1=code_columns[list_name], allow_blank=True,
                            showErrorMessage=True, errorStyle="stop",
                            errorTitle="Not a code of the codebook",
                            error=f"Choose one of the codes listed in the sheet 'codes', "
                                  f"column {list_name}.")
        letter = get_column_letter(columns.index(column) + 1)
        dv.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dv)


def _instructions_sheet(ws, codes: Mapping[str, Sequence[str]], codebook: Codebook) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = "instructions"
    text = instructions()
    ws.append(["How to code this sheet"])
    ws["A1"].font = Font(bold=True, size=14)
    for line in text["intro"]:
        ws.append([line])
    ws.append([])
    ws.append(["code list", "code", "meaning", "example"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for list_name, code, meaning, example in _code_explanations(codes, codebook):
        ws.append([list_name, code, meaning, example])
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 70
    ws.column_dimensions["D"].width = 60
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _code_explanations(codes, codebook: Codebook) -> list[tuple[str, str, str, str]]:
    """(list, code, meaning, example) for every code a coder may choose."""
    text = instructions()
    out = []
    for role in codes["roles"]:
        out.append(("roles", role, codebook.roles.get(role, ""),
                    text["role_examples"].get(role, "")))
    for side in codes["victim_sides"]:
        meaning = ("victims on more than one side" if side in text["victim_side_extra"]
                   else "a side of the codebook")
        out.append(("sides", side, meaning, ""))
    for name in ("kinds", "constructions"):
        for code in codes[name]:
            entry = text[name].get(code, {})
            out.append((name, code, entry.get("meaning", ""), entry.get("example", "")))
    for code in codes["harm_types"]:
        out.append(("harm_types", code, "a harm type of the harm lexicon", ""))
    for sheet, verdicts in text["verdicts"].items():
        for code, meaning in verdicts.items():
            out.append((f"verdict ({sheet})", code, meaning, ""))
    return out


def make_codesheet(paths: Sequence[str | Path], out: str | Path, analyzer, *,
                   sample: int | None = None, seed: int = 0, stratify: str | None = None,
                   options=None) -> tuple[Path, dict[str, int], list]:
    """Analyse articles (or a sample of them) and write their coding sheet.

    Parameters
    ----------
    paths : sequence of path
        Article files, folders or corpus files (as ``mediakit analyze`` reads them).
    out : path
        The ``.xlsx`` or ``.csv`` to write.
    analyzer : Analyzer
        The analysis whose decisions are coded (``mediakit.Analyzer()`` for the
        defaults).
    sample, seed, stratify
        See :func:`sample_articles`.
    options : LoadOptions, optional
        How the articles are read.

    Returns
    -------
    tuple
        The path written, the number of rows per sheet, and the load failures.
    """
    from ..io.articles import LoadFailure, iter_articles
    from ..text import segment

    analyzer.validate()
    if Path(out).suffix.lower() not in (".xlsx", ".csv"):
        raise MediakitError(out, "a coding sheet is written as .xlsx or .csv")
    articles, failures = [], []
    for path in paths:
        for item in iter_articles(path, options or analyzer.load_options()):
            (failures if isinstance(item, LoadFailure) else articles).append(item)
    rows: dict[str, list[dict]] = {name: [] for name in SHEETS}
    article_rows = []
    for article in sample_articles(articles, sample, seed, stratify):
        record = analyzer.analyze(article).to_dict()
        for name, sheet in sheet_rows(record, segment(article.measured_text)).items():
            rows[name].extend(sheet)
        article_rows.append(article_row(record))
    params = analyzer.get_params()
    codebook = load_codebook(params["codebook"])
    codes = code_lists(codebook, params["harm_lexicon"])
    written = write_codesheet(out, rows, article_rows, codes, codebook)
    return written, {name: len(r) for name, r in rows.items()}, failures
