"""The family registry: one declaration per family and parameter, read everywhere."""

from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass

import pytest

from mediakit import Analyzer, analyze
from mediakit.cli.main import build_parser
from mediakit.errors import ParameterError
from mediakit.metrics.registry import (
    Family,
    Parameter,
    all_parameters,
    families,
    register,
    unregister,
)
from mediakit.run.corpus import row_layout
from mediakit.run.params import REPORT_PARAMETERS

TEXT = 'The minister said the talks went well. "We are hopeful," said Amal, a nurse.'


def test_builtin_families_run_in_dependency_order():
    assert [f.name for f in families()] == ["readability", "sentiment", "sources",
                                            "civilian_voice", "framing", "integrity"]


def test_signature_cli_and_notebook_list_the_same_parameters():
    names = [p.name for p in all_parameters()]
    assert list(inspect.signature(Analyzer).parameters) == names
    assert list(Analyzer().get_params()) == names
    notebook = [p.name for p in REPORT_PARAMETERS]
    assert [n for n in notebook if n in names] == names
    args = build_parser().parse_args(["analyze", "x.txt"])
    assert all(hasattr(args, n) for n in names)


def test_unknown_keyword_is_refused_like_a_signature():
    with pytest.raises(TypeError, match="unexpected keyword argument 'positive_treshold'"):
        Analyzer(positive_treshold=0.1)


def test_data_file_parameter_is_used_and_recorded_with_its_sha256(tmp_path):
    default = analyze(TEXT).to_dict()
    assert {a["speaker"] for a in default["sources"]["attributions"]} >= {"Amal"}
    verbs = tmp_path / "verbs.txt"
    # A reporting-verb list without "said": no attribution can be found by that cue.
    verbs.write_text("# only one verb\ndeclare\n", encoding="utf-8")
    record = analyze(TEXT, reporting_verbs=str(verbs)).to_dict()
    assert record["sources"]["attributions"] == []
    files = record["provenance"]["data_files"]
    assert files["reporting_verbs"] == {
        "path": str(verbs), "sha256": hashlib.sha256(verbs.read_bytes()).hexdigest()}
    assert default["provenance"]["data_files"]["reporting_verbs"]["path"] == \
        "mediakit/data/reporting_verbs.txt"


def test_missing_data_file_is_refused_naming_the_parameter(tmp_path):
    with pytest.raises(ParameterError, match="harm_lexicon: no such file"):
        analyze(TEXT, harm_lexicon=str(tmp_path / "nope.yaml"))


@dataclass(frozen=True)
class _Count:
    n_words: int

    def to_dict(self) -> dict:
        return {"n_words": self.n_words}


def test_a_registered_family_reaches_the_record_and_the_corpus_columns():
    fam = Family(
        name="word_count",
        compute=lambda inp: _Count(sum(len(s.text.split()) for s in inp.doc.sentences)
                                   * inp.params["word_weight"]),
        requires=("sentences",),
        parameters=(Parameter("word_weight", int, 1, "weight of a word",
                              check="positive_int"),),
        outputs=("n_words",),
    )
    register(fam)
    try:
        record = analyze("One two three. Four five.", word_weight=2).to_dict()
        assert record["word_count"] == {"n_words": 10}
        assert record["provenance"]["parameters"]["word_weight"] == 2
        assert "word_count_n_words" in dict(row_layout().types)
        with pytest.raises(ParameterError, match="word_weight must be a positive integer"):
            analyze("One.", word_weight=0)
    finally:
        unregister("word_count")
    assert "word_count" not in analyze("One two.").to_dict()


def test_registering_twice_or_with_an_unknown_requirement_fails():
    with pytest.raises(ValueError, match="already registered"):
        register(families()[0])
    with pytest.raises(ValueError, match="neither a layer"):
        register(Family(name="x", compute=lambda inp: None, requires=("nothing",)))
    with pytest.raises(ValueError, match="built-in"):
        unregister("sources")


def test_every_family_is_defined_in_the_docs_and_linked_from_the_readme():
    import re

    from .conftest import ROOT

    headings = re.findall(r"^#+ (.+)$", (ROOT / "docs" / "metrics.md").read_text("utf-8"),
                          re.M)
    slugs = {re.sub(r"[^\w\- ]", "", h.lower()).strip().replace(" ", "-") for h in headings}
    readme = (ROOT / "README.md").read_text("utf-8")
    for fam in families():
        assert fam.doc_anchor in slugs, fam.name
        assert f"docs/metrics.md#{fam.doc_anchor})" in readme, fam.name
