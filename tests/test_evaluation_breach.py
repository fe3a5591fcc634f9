"""Tests for evaluation.breach: Cohen's kappa and the figures, on a hand-made file in the
layout of the Breach/Globe sentences (values worked out by hand)."""

from __future__ import annotations

import csv

import pytest

from evaluation.breach import cohen_kappa, evaluate_breach
from mediakit.errors import MediakitError


def test_cohen_kappa_by_hand():
    # p_o = 3/4; gold marginals A 2/4, B 2/4; predicted A 3/4, B 1/4:
    # p_e = 0.5*0.75 + 0.5*0.25 = 0.5; kappa = (0.75 - 0.5) / 0.5 = 0.5
    pairs = [("A", "A"), ("A", "A"), ("B", "A"), ("B", "B")]
    assert cohen_kappa(pairs) == 0.5
    assert cohen_kappa([]) is None
    assert cohen_kappa([("A", "A")]) is None


def _write(tmp_path, rows):
    with (tmp_path / "globe_sentences.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["", "date", "title", "category", "victim", "responsible", "url",
                    "sentence"])
        for i, (victim, resp, sentence) in enumerate(rows):
            w.writerow([i, "", "", "", victim, resp, "", sentence])


def test_figures_on_a_small_file(tmp_path):
    _write(tmp_path, [
        ("Palestinian", "Israel", "Israeli airstrikes killed 20 Palestinians in Gaza."),
        ("Palestinian", "Neither", "Twenty Palestinians have died in Gaza."),
        ("Israeli", "Hamas", "Hamas gunmen killed 40 Israelis."),
        ("Israeli", "Neither", "Forty Israelis were killed."),
    ])
    res = evaluate_breach(tmp_path)
    a = res["all"]
    assert a["n"] == 4
    assert a["perpetrator_accuracy"] == 1.0
    assert a["perpetrator_kappa"] == 1.0
    less = a["perpetrator_less_share"]
    assert less["Palestinian"]["gold"] == 0.5
    assert less["Palestinian"]["predicted_on_gold_side"] == 0.5
    assert less["Israeli"]["gap_points"] == 0.0
    assert a["victim_side_accuracy_one_side"] == 1.0
    assert res["even"]["n"] == 2 and res["odd"]["n"] == 2


def test_bad_file_is_refused(tmp_path):
    (tmp_path / "globe_sentences.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(MediakitError, match="missing columns"):
        evaluate_breach(tmp_path)
    with pytest.raises(MediakitError, match="cannot read"):
        evaluate_breach(tmp_path / "nowhere")
