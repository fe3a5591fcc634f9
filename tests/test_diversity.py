"""Tests for mediakit.diversity: values worked out by hand.

Hand calculations (natural logs, ln 2 = 0.693147, ln 3 = 1.098612, ln 4 = 1.386294):

* counts {a: 2, b: 1, c: 1}: p = 1/2, 1/4, 1/4.
  H = 1/2 ln 2 + 2 * 1/4 ln 4 = 0.346574 + 0.693147 = 1.039721.
  J = H / ln 3 = 0.946395.  D = 1 - (1/4 + 1/16 + 1/16) = 0.625.
* counts {x: 3, y: 3}: H = ln 2 = 0.693147, J = 1, D = 0.5.
* counts {x: 5}: H = 0, J undefined (k = 1), D = 0.
"""

from __future__ import annotations

import math

import pytest

from mediakit.metrics import diversity as dv

ABC = {"a": 2, "b": 1, "c": 1}


def test_shannon_hand_worked():
    assert dv.shannon(ABC) == pytest.approx(1.039721, abs=1e-6)
    assert dv.shannon({"x": 3, "y": 3}) == pytest.approx(0.693147, abs=1e-6)
    assert dv.shannon({"x": 5}) == 0.0
    assert dv.shannon({}) is None
    assert dv.shannon({"x": 0}) is None


def test_zero_counts_are_not_categories():
    assert dv.shannon({"a": 2, "b": 1, "c": 1, "d": 0}) == pytest.approx(1.039721, abs=1e-6)
    assert dv.richness({"a": 2, "b": 0}) == 1
    assert dv.evenness({"a": 2, "b": 0}) is None


def test_evenness_uses_observed_categories():
    assert dv.evenness(ABC) == pytest.approx(0.946395, abs=1e-6)
    assert dv.evenness({"x": 3, "y": 3}) == pytest.approx(1.0)
    assert dv.evenness({"x": 5}) is None
    assert dv.evenness({}) is None
    # k counts categories present, so four equal categories are perfectly even
    assert dv.evenness({"a": 1, "b": 1, "c": 1, "d": 1}) == pytest.approx(1.0)
    assert dv.shannon({"a": 1, "b": 1, "c": 1, "d": 1}) == pytest.approx(math.log(4))


def test_simpson_hand_worked():
    assert dv.simpson(ABC) == pytest.approx(0.625)
    assert dv.simpson({"x": 3, "y": 3}) == pytest.approx(0.5)
    assert dv.simpson({"x": 5}) == 0.0
    assert dv.simpson({}) is None


def test_shares():
    assert dv.shares({"a": 2, "b": 1, "c": 1, "d": 0}) == {"a": 0.5, "b": 0.25, "c": 0.25,
                                                          "d": 0.0}
    assert dv.shares({"a": 1, "b": 2}, ndigits=4) == {"a": 0.3333, "b": 0.6667}
    assert dv.shares({}) == {}
    assert dv.shares({"a": 0}) == {}


def test_official_ratio_sigal():
    r = dv.official_ratio({"government": 3, "military": 1, "civilian": 2, "unknown": 2})
    assert r == {"official": 4, "non_official": 4, "ratio": 1.0, "share": 0.5}
    r = dv.official_ratio({"armed_group": 1, "expert": 3})
    assert r["official"] == 1 and r["ratio"] == pytest.approx(1 / 3)
    assert r["share"] == pytest.approx(0.25)


def test_official_ratio_zero_denominators():
    only_official = dv.official_ratio({"government": 2})
    assert only_official["ratio"] is None  # infinite: no non-official source
    assert only_official["share"] == 1.0
    nothing = dv.official_ratio({})
    assert nothing == {"official": 0, "non_official": 0, "ratio": None, "share": None}
    none_official = dv.official_ratio({"civilian": 2})
    assert none_official["ratio"] == 0.0 and none_official["share"] == 0.0


def test_official_roles_can_be_changed():
    r = dv.official_ratio({"government": 1, "armed_group": 1}, official_roles=["government"])
    assert r == {"official": 1, "non_official": 1, "ratio": 1.0, "share": 0.5}
