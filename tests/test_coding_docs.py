"""docs/validation.md: its coded sheets are current and its figures are the commands'."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

DOC = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
SHEETS = [ROOT / "data" / "coding" / "coder-a.csv", ROOT / "data" / "coding" / "coder-b.csv"]


def _f(x) -> str:
    return "—" if x is None or x != x else f"{x:.3f}"


def test_the_coded_sheets_are_current():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "coded_sheets.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def result():
    from mediakit.coding.agreement import agreement

    return agreement(SHEETS)


def test_agreement_figures_in_the_docs(result):
    for _, r in result.summary.iterrows():
        if r.field in ("speaker", "kind", "harm_type"):
            assert r.percent_agreement == 1.0  # "all 1.000", as the page says
            continue
        line = (f"| {r.sheet} | {r.field} | {r.raters} | {r.n_units} | "
                f"{_f(r.percent_agreement)} | {_f(r.cohen_kappa)} | {_f(r.krippendorff_alpha)} |")
        assert line in DOC, line
    for _, r in result.detection.iterrows():
        line = (f"| {r.sheet} | {r.coder} | {r.machine_rows} | {r.confirmed} | {r.rejected} | "
                f"{r.added} | {_f(r.precision)} | {_f(r.recall)} |")
        assert line in DOC, line


def test_corrected_figures_in_the_docs():
    from mediakit import Analyzer, load_articles
    from mediakit.coding.corrections import apply_corrections, load_corrections
    from mediakit.run.coding_views import corrections_table

    article = load_articles(ROOT / "data" / "raw" / "casualties-nuseirat-and-nir-oz.md")[0]
    record = Analyzer().analyze(article).to_dict()
    apply_corrections(record, article, Analyzer(), load_corrections(SHEETS[0]))
    table = corrections_table(record)
    for measure in ("Distinct sources", "Attributions", "Civilian share of sources",
                    "Civilian share of attributions", "Civilian share of quoted words"):
        machine, corrected = table.loc[measure]
        assert f"| {measure} | {machine} | {corrected} |" in DOC, measure


def test_the_sentence_for_a_paper_quotes_the_table(result):
    s = result.summary.set_index(["sheet", "field", "raters"])
    alpha = {k: f"{v:.3f}".lstrip("0") for k, v in s["krippendorff_alpha"].items()}
    sentence = re.search(r"\*Two coders checked.*?\*", DOC, re.S).group(0)
    assert f"α = {alpha[('attributions', 'role', 'coders')]}" in sentence
    assert f"α = {alpha[('harm_mentions', 'victim_side', 'coders')]}" in sentence
    assert (f"{alpha[('attributions', 'role', 'mediakit vs coder-a')]}/"
            f"{alpha[('attributions', 'role', 'mediakit vs coder-b')]} (role)") in sentence
