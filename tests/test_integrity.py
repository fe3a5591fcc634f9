"""Text-integrity flags (mediakit.metrics.integrity): one example per rule, the seed, the
genre, exclude_flagged, the docs."""

import re

import pytest

from mediakit.io.articles import load_articles
from mediakit.metrics.integrity import FLAGS, RULES, integrity, quoted_mask, text_without
from mediakit.run.analyzer import Analyzer
from mediakit.text import segment

from .conftest import ROOT, SEED

#: The sentences of the seed that no reporter wrote (issue 15), with the rules that fire.
SEED_SPUN = {
    "I plan to.": {"person.first_singular", "fragment.cut_off"},
    "We encourage you to explore.": {"person.first_plural", "person.second", "stock_phrase"},
    "They plan to discuss a plan to ensure security while ensuring security.":
        {"repetition.connective", "repetition.window"},
    "It is said to be the number of prisoners of war.": {"stock_phrase"},
    "Please discuss confidential matters anonymously.": {"appeal.please"},
}


def _rules(text: str, **kwargs) -> list[set[str]]:
    result = integrity(segment(text), **kwargs)
    by_index = {s.index: {r["rule"] for r in s.rules} for s in result.sentences}
    return [by_index.get(i, set()) for i in range(result.n_sentences)]


def test_seed_flags_exactly_the_spun_sentences(seed_doc):
    result = integrity(seed_doc)
    flagged = {s.text: {r["rule"] for r in s.rules} for s in result.sentences if s.flags}
    assert flagged == SEED_SPUN  # every listed sentence, and no reporter's sentence
    assert (result.n_sentences, result.n_flagged, result.flagged_share) == (31, 5, 0.1613)
    assert result.band == "suspect"  # 5 / 31 >= 0.1
    assert result.counts == {"person": 2, "appeal": 1, "repetition": 1, "fragment": 1,
                             "stock_phrase": 2}


@pytest.mark.parametrize("sentence, rule", [
    ("I was there when the shelling began.", "person.first_singular"),
    ("Our correspondents report from the border.", "person.first_plural"),
    ("Your support keeps the site running.", "person.second"),
    ("Kindly note that the figures may change.", "appeal.please"),
    ("Click the link to watch the full speech.", "appeal.imperative"),
    ("Officials aim to protect the site by protecting the site.", "repetition.connective"),
    ("The leaders hope to reach a hope of peace soon.", "repetition.window"),
    ("The talks ended without an agreement because.", "fragment.cut_off"),
    ("A long day for the people of the northern town.", "fragment.no_verb"),
    ("Photo: Reuters", "fragment.label"),
    ("Thank you for reading this report on the talks.", "stock_phrase"),
])
def test_each_rule_fires_on_its_example(sentence, rule):
    assert rule in _rules(sentence)[0]


@pytest.mark.parametrize("sentence", [
    '"I will not resign," the minister said on Tuesday.',
    'The mayor said: "We have lost everything, and you can see it."',
    "Two U.S. officials and an Israeli official said the talks would resume.",
    "Survivors of World War I were honoured at the ceremony.",
    "The US and Britain said they would send aid.",
    "These days, the truth of a statement can depend on the audience it is presented to.",
    "Support for the plan has grown since March, the survey found.",
    "Civilians will be evacuated from the combat zone, the ministry said of the combat zone.",
    "Rescue teams worked through the night while residents waited on the bridge.",
])
def test_reporting_sentences_are_not_flagged(sentence):
    assert _rules(sentence) == [set()]


def test_quotations_are_blanked_in_the_mask():
    doc = segment('He said: "We will go." Then “you” left.\n\nShe said ‘I agree’ and left.')
    mask = quoted_mask(doc)
    assert len(mask) == len(doc.text)
    assert "We will go" not in mask and "you" not in mask and "I agree" not in mask
    assert mask.startswith("He said: ") and "Then" in mask and "and left." in mask


def test_opinion_genre_lowers_the_person_flag():
    text = "I have crossed the old bridge for twenty years. We deserve a second one."
    news = integrity(segment(text))
    opinion = integrity(segment(text), genre="Opinion")
    assert news.n_flagged == 2 and news.counts["person"] == 2
    assert opinion.n_flagged == 0 and opinion.band == "clean" and opinion.n_lowered == 2
    assert opinion.sentences[0].lowered == ("person.first_singular",)
    assert (opinion.genre, opinion.genre_source) == ("opinion", "parameter")


def test_genre_from_front_matter(tmp_path):
    md = tmp_path / "column.md"
    md.write_text("---\ntitle: A column\ngenre: opinion\n---\nI think the council is wrong. "
                  "The bridge must be built.\n")
    record = Analyzer().analyze(load_articles(md)[0]).to_dict()["integrity"]
    assert (record["genre"], record["genre_source"], record["n_flagged"]) == (
        "opinion", "front matter", 0)
    record = Analyzer(genre="news").analyze(load_articles(md)[0]).to_dict()["integrity"]
    assert (record["genre"], record["genre_source"], record["n_flagged"]) == (
        "news", "parameter", 1)


def test_bands():
    assert integrity(segment("The council met on Monday.")).band == "clean"
    # one flagged sentence of eleven: under the 0.1 share and the count of 3
    text = " ".join(["The council met on Monday."] * 10 + ["Please share this story."])
    assert integrity(segment(text)).band == "some"


def test_exclude_flagged_recomputes_without_the_flagged_sentences(seed_article, seed_doc):
    plain = Analyzer().analyze(seed_article).to_dict()
    excluded = Analyzer(exclude_flagged=True).analyze(seed_article).to_dict()
    assert plain["provenance"]["parameters"]["exclude_flagged"] is False
    assert excluded["provenance"]["parameters"]["exclude_flagged"] is True
    assert excluded["integrity"]["excluded_from_metrics"] is True
    assert excluded["integrity"]["n_flagged"] == 5  # still read on the whole text
    assert excluded["article"]["sentences"] == 31 - 5
    assert excluded["sentiment"]["n_sentences"] == 26
    flagged = integrity(seed_doc).flagged_indices
    text = text_without(seed_doc, flagged)
    assert "I plan to." not in text and "Please discuss" not in text
    assert text.count("\n\n") == seed_doc.text.count("\n\n")  # no paragraph left empty
    assert excluded["readability"] == Analyzer().analyze(text).to_dict()["readability"]


def test_every_rule_is_documented():
    doc = (ROOT / "docs" / "metrics.md").read_text("utf-8")
    section = doc[doc.index("## Text integrity"):]
    documented = set(re.findall(r"^\| `([a-z_.]+)` \|", section, re.M))
    assert documented == set(RULES)
    assert set(RULES.values()) == set(FLAGS)


def test_html_and_seed_records_carry_integrity():
    article = load_articles(SEED)[0]
    record = Analyzer().analyze(article).to_dict()
    assert record["integrity"]["band"] == "suspect"
    page = load_articles(ROOT / "tests" / "pages" / "news-page.html")[0]
    assert Analyzer().analyze(page).to_dict()["integrity"]["band"] == "clean"


def test_evaluation_on_the_gold():
    from mediakit.evaluate import evaluate_integrity

    res = evaluate_integrity(ROOT / "tests" / "gold")
    assert (res["n_texts"], res["n_sentences"]) == (11, 90)
    assert res["clean_texts"] == {"sentences": 26, "flagged": 0}
    assert res["first_person"] == {"sentences": 19, "flagged_with_genre": 0,
                                   "flagged_as_news": 14}
    # the counts of docs/evaluation.md: TP / predicted / gold per flag
    expected = {"person": (9, 9, 9), "appeal": (6, 7, 7), "repetition": (2, 2, 3),
                "fragment": (4, 4, 5), "stock_phrase": (8, 8, 8), "any": (19, 19, 20)}
    got = {k: (v["tp"], v["predicted"], v["gold"]) for k, v in res["sentences"].items()}
    assert got == expected


def test_report_views_list_and_mark_the_flagged_sentences(seed_article):
    from mediakit.run import integrity_views as iv

    metrics = Analyzer().analyze(seed_article).to_dict()
    summary = iv.integrity_summary(metrics)
    assert summary.loc["Sentences flagged", "value"] == "5 of 31 (16%)"
    assert summary.loc["Band", "value"].startswith("suspect")
    table = iv.flagged_sentences_table(metrics)
    assert list(table.index) == [2, 4, 11, 23, 24]  # 1-based sentence numbers
    assert table.loc[24, "rules"] == "appeal.please (Please)"
    marked = iv.article_marked_html(metrics)
    assert marked.count("<mark ") == 5 and marked.count("<li ") == 15
    # Paragraphs numbered from 1 as in the table: sentence 24 is in paragraph 11.
    assert re.findall(r'<li value="(\d+)">', marked) == [str(n) for n in range(1, 16)]
    assert table.loc[24, "paragraph"] == 11
    eleventh = marked.split('<li value="11">')[1].split("</li>")[0]
    assert "Please discuss confidential matters anonymously." in eleventh
    assert '<mark title="appeal">Please discuss confidential matters anonymously.</mark>' \
        in marked
    clean = Analyzer().analyze("The council met on Monday. It approved the budget.")
    assert "No sentence is flagged" in iv.flagged_sentences_table(clean.to_dict())


def test_cli_options(capsys):
    import json

    from mediakit.cli.main import main

    assert main(["analyze", str(SEED), "--exclude-flagged", "--genre", "opinion"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["provenance"]["parameters"]["exclude_flagged"] is True
    assert record["provenance"]["parameters"]["genre"] == "opinion"
    # the person rules are lowered, but both first-person sentences of the seed carry
    # another flag ("I plan to." is cut off; "We encourage you" is a stock phrase)
    integ = record["integrity"]
    assert (integ["genre"], integ["n_flagged"], integ["n_lowered"]) == ("opinion", 5, 0)
    assert integ["counts"]["person"] == 0 and integ["rule_counts"]["person.second"] == 1
    assert record["article"]["sentences"] == 31 - 5


@pytest.mark.parametrize("text", [
    "I plan to.", "I plan to. ", "I plan to.!? \n", "Why?!", "", "   ", ". . .", "a .\u2003",
    "ends on a word", "ends on a word\u00a0", "mid. dle word", "x!\t?",
])
def test_end_of_a_sentence_found_from_the_end_as_the_regular_expression_finds_it(text):
    from mediakit.metrics.integrity import _without_end

    end = re.search(r"[\s.!?]+$", text.rstrip())
    assert _without_end(text) == (text[:end.start()] if end else text.rstrip())
    stripped = text.strip()
    assert stripped.rstrip(".!?") == re.sub(r"[.!?]+\s*$", "", stripped)


@pytest.mark.parametrize("text", [
    "WE ENCOURAGE YOU to read on.", "Stay Tuned for more.", "Please Let Us Know below.",
    "Feel free to call.", "Feel  free to call.", "Don't Forget To vote.", "dont forget to",
    "In This Article we look at it.", "No stock phrase in this one.", "", "AS AN AI, I",
    "The story continues. Continue Reading", "stay tuned_", "stay tuned2", "caf\u00e9 stay tuned",
])
def test_lower_cased_quick_test_of_stock_phrases_agrees_with_the_case_blind_one(text):
    from mediakit.metrics.integrity import _any_of, _any_of_lowered, _matcher, load_integrity_rules

    phrases = load_integrity_rules().phrases
    lowered = _any_of_lowered(phrases)
    assert lowered is not None  # the packaged phrases qualify
    if text.isascii():
        assert (lowered.search(text.lower()) is None) == (_any_of(phrases).search(text) is None)
    first = next((m for p in phrases if (m := p.search(text))), None)
    got = _matcher(phrases).first(text)
    assert (got and (got.re, got.span())) == (first and (first.re, first.span()))
