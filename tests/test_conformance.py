"""One contract for every metric family (after scikit-learn's estimator checks).

Each family takes a segmented Document and returns plain data whose ``to_dict()`` is
JSON-ready, the same for the same input, picklable for worker processes, and sane on
texts with nothing to measure.
"""

from __future__ import annotations

import json
import math
import pickle

import pytest

from mediakit import Analyzer, analyze
from mediakit.codebook import load_codebook
from mediakit.metrics.registry import FamilyInput, families
from mediakit.text import segment

from .conftest import SEED


def _families(doc):
    """Every registered family's result on ``doc``, run as the analyzer runs them."""
    params = Analyzer().get_params()
    codebook = load_codebook()
    results: dict = {}
    for fam in families():
        results[fam.name] = fam.compute(FamilyInput(doc, params, results, codebook))
    return results


TEXTS = {
    "empty": "",
    "one word": "Hello",
    "no sentence end": "a line with no punctuation and no capitals at all",
    "only quotes": '"\u201c\u201d"',
    "unbalanced": '\u201cThey came at night, said Amal. \u201cWe ran. And then "nothing',
    "numbers": "12 3,400 5.6 7",
    "seed": SEED.read_text("utf-8").split("\n", 1)[1],
}


def _finite(value):
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _finite(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return value is None or isinstance(value, (str, int, bool))


@pytest.mark.parametrize("name", list(TEXTS))
def test_every_family_returns_json_ready_deterministic_picklable_data(name):
    doc = segment(TEXTS[name])
    first = {k: v.to_dict() for k, v in _families(doc).items()}
    second = {k: v.to_dict() for k, v in _families(segment(TEXTS[name])).items()}
    for family, data in first.items():
        assert isinstance(data, dict), family
        assert _finite(data), family  # JSON types only, no NaN or infinity
        assert json.dumps(data, sort_keys=True) == json.dumps(second[family], sort_keys=True)
    for family, result in _families(doc).items():
        assert pickle.loads(pickle.dumps(result)).to_dict() == first[family], family


@pytest.mark.parametrize("name", list(TEXTS))
def test_every_family_outputs_exactly_its_declared_keys(name):
    results = _families(segment(TEXTS[name]))
    for fam in families():
        assert tuple(results[fam.name].to_dict()) == fam.outputs, fam.name


def test_every_family_requirement_is_a_layer_or_an_earlier_family():
    seen = set()
    for fam in families():
        for need in fam.requires:
            assert need in {"sentences", "paragraphs", "codebook"} or need in seen, fam.name
        seen.add(fam.name)


def test_analyzer_params_are_stored_unchanged_and_picklable():
    a = Analyzer(positive_threshold=0.1, negative_threshold=-0.2)
    assert a.get_params() == {"codebook": None, "clutter_path": None, "max_bytes": 5_000_000,
                              "familiar_words": None, "positive_threshold": 0.1,
                              "negative_threshold": -0.2, "reporting_verbs": None,
                              "counted_cue_types": "speech,stance,according_to",
                              "occupations": None, "family_terms": None,
                              "harm_lexicon": None, "emotive_terms": None,
                              "weapon_counts_as_named": False,
                              "integrity_rules": None, "stock_phrases": None,
                              "exclude_flagged": False, "genre": None}
    b = pickle.loads(pickle.dumps(a))
    assert b.get_params() == a.get_params()
    record = analyze("A calm day. Nothing happened.", b).to_dict()
    assert record["provenance"]["parameters"] == a.get_params()
    assert record["sentiment"]["thresholds"] == {"positive": 0.1, "negative": -0.2}
