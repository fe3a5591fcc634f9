"""Agreement: between coders, and between mediakit and each coder.

For every coded field of every sheet (role, side, kind, speaker; harm type,
construction, victim side), and for whether a row is an attribution (a harm mention)
at all (field ``exists``), :func:`agreement` gives the percent agreement, Cohen's kappa
(two raters) and Krippendorff's alpha (nominal; any number of raters, missing values
allowed), among the coders and between mediakit and each coder. It counts, per coder,
the rows confirmed, rejected ("not an attribution") and added ("missed one here"), and
from them mediakit's precision and recall in finding attributions and harm mentions.
A confusion table per field shows mediakit's codes against the coders'.

A blank coder cell means the coder accepts mediakit's code (the sheets say so to the
coders); ``blank="missing"`` reads it as no code instead, for sheets coded blind. A
rejected row has no code for the other fields. Rows are matched across coders by their
row ids; rows a coder added match no other coder's and count only for recall.

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
    Psychological Measurement*, 20(1), 37-46.
Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School
    for Communication, University of Pennsylvania, Departmental Papers 43.
Hayes, A. F. & Krippendorff, K. (2007). Answering the call for a standard reliability
    measure for coding data. *Communication Methods and Measures*, 1(1), 77-89.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .reading import MISSED, CodedRow, CodedSheet, CodingError, read_codesheet
from .sheets import SHEETS, code_lists

__all__ = ["AgreementResult", "agreement", "cohen_kappa", "krippendorff_alpha",
           "percent_agreement"]

NDIGITS = 4
EXISTS = "exists"


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, NDIGITS)


def percent_agreement(units: Sequence[Sequence[str | None]]) -> float | None:
    """Share of units on which every rater who coded it gave the same code.

    Parameters
    ----------
    units : sequence of sequences
        One sequence of codes per unit, one code per rater (None: not coded). Units
        with fewer than two codes are left out.

    Returns
    -------
    float or None
        None when no unit has two codes.
    """
    pairable = [[v for v in u if v is not None] for u in units]
    pairable = [u for u in pairable if len(u) >= 2]
    if not pairable:
        return None
    return sum(1 for u in pairable if len(set(u)) == 1) / len(pairable)


def cohen_kappa(a: Sequence[str | None], b: Sequence[str | None]) -> float | None:
    """Cohen's kappa of two raters over the units both coded.

    ``kappa = (p_o - p_e) / (1 - p_e)``, with ``p_o`` the observed agreement and
    ``p_e = sum_k p_a(k) p_b(k)`` the agreement expected from each rater's own
    distribution of codes (Cohen 1960).

    Returns
    -------
    float or None
        None when no unit has both codes, or when ``p_e`` is 1 (both raters gave one
        and the same code throughout: kappa is undefined).
    """
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    if not pairs:
        return None
    n = len(pairs)
    p_o = sum(1 for x, y in pairs if x == y) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    p_e = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if p_e == 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(units: Sequence[Sequence[str | None]]) -> float | None:
    """Krippendorff's alpha for nominal data, with the ``krippendorff`` package.

    Parameters
    ----------
    units : sequence of sequences
        One sequence of codes per unit, one code per rater (None: not coded).

    Returns
    -------
    float or None
        None when fewer than two values are pairable or only one code occurs
        (the expected disagreement is 0 and alpha is undefined).

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    """
    import krippendorff
    import numpy as np

    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    values = sorted({v for u in pairable for v in u if v is not None})
    if len(values) < 2:
        return None
    index = {v: i for i, v in enumerate(values)}
    raters = max(len(u) for u in pairable)
    data = np.full((raters, len(pairable)), np.nan)
    for j, u in enumerate(pairable):
        for i, v in enumerate(u):
            if v is not None:
                data[i, j] = index[v]
    alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                     value_domain=list(range(len(values)))))
    return None if math.isnan(alpha) else alpha


@dataclass(frozen=True)
class AgreementResult:
    """Agreement tables (pandas DataFrames).

    Attributes
    ----------
    summary : DataFrame
        One row per sheet, field and pair of raters (``coders``: every coder;
        ``mediakit vs <coder>``): ``n_raters``, ``n_units`` (units with two codes),
        ``percent_agreement``, ``cohen_kappa`` (two raters only),
        ``krippendorff_alpha``.
    detection : DataFrame
        One row per sheet and coder: ``machine_rows`` the coder saw, ``confirmed``,
        ``rejected``, ``added``, ``precision`` = confirmed / machine rows and
        ``recall`` = confirmed / (confirmed + added).
    confusion : DataFrame
        Long form: ``sheet``, ``field``, ``machine``, ``coder``, ``count``, pooled
        over coders, on the machine's rows both coded.
    coders : tuple of str
    files : tuple of dict
        Each sheet's ``path``, ``sha256`` and ``coder``.
    """

    summary: object
    detection: object
    confusion: object
    coders: tuple
    files: tuple

    def confusion_table(self, sheet: str, field: str):
        """The confusion table of one field: mediakit's codes (rows) by coders' (columns)."""
        c = self.confusion
        part = c[(c["sheet"] == sheet) & (c["field"] == field)]
        table = part.pivot_table(index="machine", columns="coder", values="count",
                                 aggfunc="sum", fill_value=0)
        table.index.name, table.columns.name = "mediakit", "coders"
        return table


def _norm(field: str, value: str) -> str:
    # Speakers are free text: compared without case and runs of spaces.
    return " ".join(value.split()).casefold() if field == "speaker" else value


def _coder_value(row: CodedRow | None, field: str, blank: str, rejections) -> str | None:
    if row is None or row.verdict in rejections:
        return None
    if field in row.coder:
        return _norm(field, row.coder[field])
    if blank == "machine" and not row.added and row.machine.get(field):
        return _norm(field, row.machine[field])
    return None


def _check_sheets(sheets: Sequence[CodedSheet]) -> None:
    """Refuse sheets that cannot be compared: other articles, edited machine codes."""
    first = sheets[0]
    shas = dict(first.articles)
    machine = {r.unit: (first.path, r) for rows in first.rows.values() for r in rows
               if not r.added}
    for s in sheets[1:]:
        for article, sha in s.articles.items():
            if article in shas and shas[article] != sha:
                raise CodingError(s.path, f"article {article!r} has SHA-256 {sha[:12]}... "
                                  f"here but {shas[article][:12]}... in {first.path}: the "
                                  "sheets were made from different texts", sheet="articles")
            shas.setdefault(article, sha)
        units = [r for rows in s.rows.values() for r in rows if not r.added]
        if units and not any(r.unit in machine for r in units):
            raise CodingError(s.path, f"none of its {len(units)} row ids match "
                              f"{first.path}: a sheet of another corpus?")
        for sheet_name, rows in s.rows.items():
            for r in rows:
                if r.added or r.unit not in machine:
                    continue
                path, other = machine[r.unit]
                for f, v in r.machine.items():
                    if other.machine.get(f, v) != v:
                        raise CodingError(s.path, f"machine_{f} of row id {r.unit!r} differs "
                                          f"from {path}: the machine columns must not be "
                                          "edited", sheet=sheet_name, row=r.line,
                                          column=f"machine_{f}")


def _coder_names(sheets: Sequence[CodedSheet]) -> list[str]:
    names, seen = [], Counter(s.coder for s in sheets)
    used: Counter = Counter()
    for s in sheets:
        used[s.coder] += 1
        names.append(s.coder if seen[s.coder] == 1 else f"{s.coder} ({used[s.coder]})")
    return names


def agreement(sheets: Sequence[str | Path | CodedSheet], *, blank: str = "machine",
              codes: Mapping[str, Sequence[str]] | None = None) -> AgreementResult:
    """Agreement among coders and between mediakit and each coder.

    Parameters
    ----------
    sheets : sequence of path or CodedSheet
        Coded sheets (one per coder) of the same articles.
    blank : {"machine", "missing"}
        What a blank coder cell means: the coder accepts mediakit's code (default),
        or gave no code.
    codes : dict, optional
        Allowed codes (:func:`~mediakit.coding.sheets.code_lists`), for paths.

    Returns
    -------
    AgreementResult

    Raises
    ------
    CodingError
        For a sheet that cannot be read or compared (see :mod:`mediakit.coding.reading`).
    """
    import pandas as pd

    if blank not in ("machine", "missing"):
        raise ValueError("blank must be 'machine' or 'missing'")
    if not sheets:
        raise ValueError("agreement needs at least one coded sheet")
    codes = code_lists() if codes is None else codes
    sheets = [s if isinstance(s, CodedSheet) else read_codesheet(s, codes) for s in sheets]
    _check_sheets(sheets)
    coders = _coder_names(sheets)
    summary, detection, confusion = [], [], Counter()
    for spec in SHEETS.values():
        by_coder = [{r.unit: r for r in s.rows.get(spec.name, ())} for s in sheets]
        rejections = {v for v in codes[f"verdict_{spec.name}"] if v != MISSED}
        machine = {}
        for rows in by_coder:
            for unit, r in rows.items():
                if not r.added:
                    machine.setdefault(unit, r.machine)
        units = sorted(machine) + sorted({u for rows in by_coder for u, r in rows.items()
                                          if r.added})
        summary += _field_rows(spec, units, machine, by_coder, coders, blank, rejections,
                               confusion)
        detection += _detection_rows(spec.name, machine, by_coder, coders, rejections)
    confusion_rows = [{"sheet": s, "field": f, "machine": m, "coder": c, "count": n}
                      for (s, f, m, c), n in sorted(confusion.items())]
    return AgreementResult(
        summary=pd.DataFrame(summary, columns=["sheet", "field", "raters", "n_raters",
                                               "n_units", "percent_agreement", "cohen_kappa",
                                               "krippendorff_alpha"]),
        detection=pd.DataFrame(detection, columns=["sheet", "coder", "machine_rows",
                                                   "confirmed", "rejected", "added",
                                                   "precision", "recall"]),
        confusion=pd.DataFrame(confusion_rows,
                               columns=["sheet", "field", "machine", "coder", "count"]),
        coders=tuple(coders),
        files=tuple({"path": s.path, "sha256": s.sha256, "coder": c}
                    for s, c in zip(sheets, coders)),
    )


def _stats(units: list[list[str | None]]) -> dict:
    n_raters = len(units[0]) if units else 0
    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    kappa = None
    if n_raters == 2:
        kappa = cohen_kappa([u[0] for u in units], [u[1] for u in units])
    return {"n_raters": n_raters, "n_units": len(pairable),
            "percent_agreement": _r(percent_agreement(units)), "cohen_kappa": _r(kappa),
            "krippendorff_alpha": _r(krippendorff_alpha(units))}


def _field_rows(spec, units, machine, by_coder, coders, blank, rejections, confusion):
    rows = []
    fields = [EXISTS, *(f.name for f in spec.coded_fields)]
    for field in fields:
        table = []
        for unit in units:
            if field == EXISTS:
                table.append([None if unit not in rows_ else
                              ("no" if rows_[unit].verdict in rejections else "yes")
                              for rows_ in by_coder])
            else:
                table.append([_coder_value(rows_.get(unit), field, blank, rejections)
                              for rows_ in by_coder])
        if len(coders) >= 2:
            rows.append({"sheet": spec.name, "field": field, "raters": "coders",
                         **_stats(table)})
        if field == EXISTS:
            continue  # mediakit says yes to every row it wrote
        m_values = [_norm(field, machine[u][field]) if u in machine and machine[u].get(field)
                    else None for u in units]
        for i, coder in enumerate(coders):
            pair = [[m, t[i]] for m, t in zip(m_values, table)]
            rows.append({"sheet": spec.name, "field": field, "raters": f"mediakit vs {coder}",
                         **_stats(pair)})
            for m, c in pair:
                if m is not None and c is not None:
                    confusion[(spec.name, field, m, c)] += 1
    return rows


def _detection_rows(sheet, machine, by_coder, coders, rejections) -> list[dict]:
    out = []
    for rows, coder in zip(by_coder, coders):
        seen = [r for u, r in rows.items() if u in machine]
        rejected = sum(1 for r in seen if r.verdict in rejections)
        confirmed = len(seen) - rejected
        added = sum(1 for r in rows.values() if r.added)
        out.append({"sheet": sheet, "coder": coder, "machine_rows": len(seen),
                    "confirmed": confirmed, "rejected": rejected, "added": added,
                    "precision": _r(confirmed / len(seen)) if seen else None,
                    "recall": _r(confirmed / (confirmed + added)) if confirmed + added
                    else None})
    return out
