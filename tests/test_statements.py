"""Statements, precision on real pages and bad quotation marks (issue 12, points 2 and 4).

Every expected value here was worked out by hand from the text of the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mediakit
from mediakit.errors import ParameterError
from mediakit.extract.attribution import extract_attributions
from mediakit.extract.not_quotations import load_precision_markers, not_quotations
from mediakit.extract.page_lines import load_page_line_patterns, page_lines
from mediakit.extract.quotes import open_quotations
from mediakit.metrics.sources import analyze_sources, quoted_words
from mediakit.text import segment

GOLD = Path(__file__).parent / "gold" / "sources"
STATEMENT_GOLD = ("adv-multi-paragraph-quote", "adv-scare-quotes-titles",
                  "adv-captions-page-lines", "adv-mixed-quotes")


def atts(text):
    return extract_attributions(segment(text))


# ------------------------------------------------------------------ whole statements


def test_mixed_quote_is_the_reported_clause_with_its_fragment():
    text = 'She said the police had been "very committed" to the search.'
    a, = atts(text)
    assert (a.kind, a.text) == ("partial", 'the police had been "very committed" to the search')
    # 'She said ' is 9 characters; the clause starts at 9, the fragment after the mark at
    # 9 + len('the police had been "') = 30 and runs 14 characters.
    assert (a.start, a.quotes) == (9, ((30, 44),))
    assert quoted_words(a) == 2  # "very committed"


def test_two_fragments_under_one_verb_are_one_statement():
    text = 'He said the plan was "a disgrace" and "a waste of money".'
    a, = atts(text)
    assert a.text == 'the plan was "a disgrace" and "a waste of money"'
    assert [text[s:e] for s, e in a.quotes] == ["a disgrace", "a waste of money"]
    assert quoted_words(a) == 2 + 4


def test_interrupted_quotation_shares_a_group():
    a, b = atts('"We are ready," he said. "The barrier will hold."')
    assert (a.quote_group, a.continuation, b.quote_group, b.continuation) == (0, False, 0, True)
    a, b = atts('"We are ready," he said, "and the barrier will hold."')
    assert (a.quote_group, b.quote_group, b.continuation) == (0, 0, True)
    assert b.text == "and the barrier will hold"


def test_content_before_an_interposed_tag_is_the_same_statement():
    lead, rest = atts("The plan, a senior official said, is to reopen the crossing on Monday.")
    assert (lead.text, lead.rule, lead.continuation) == ("The plan", "statement.before_tag", False)
    assert (rest.text, rest.continuation) == ("is to reopen the crossing on Monday", True)
    assert lead.quote_group == rest.quote_group == 0
    # An adverbial before the tag is no lead.
    found = atts("During the talks, a senior official said, the crossing stayed shut.")
    assert [a.rule for a in found] == ["indirect.tag_inside"]


def test_separate_statements_get_separate_groups():
    found = atts("Ann Lee said the dam held. Tom Hale said the road was shut.")
    assert [(a.quote_group, a.continuation) for a in found] == [(0, False), (1, False)]


def test_cue_as_written_head_and_lemma():
    a, = atts("Mayor Ann Lee has repeatedly said the dam will hold.")
    assert (a.cue, a.cue_head, a.cue_lemma) == ("has repeatedly said", "said", "say")
    b, = atts("The dam will hold, according to the council.")
    assert (b.cue, b.cue_head, b.cue_lemma) == ("according to", "according to", "according to")


# ------------------------------------------------------------------ not attributions


@pytest.mark.parametrize("text", [
    'Dwayne "The Rock" Johnson starred in the film.',
    'The so-called "peace dividend" never arrived, and the town shrank.',
    'She was a guest on "Meet the Press" on Sunday morning with two aides.',
    'The paper ran the series "Keldon After the Mill" for a year.',
    "The visitors added two goals in the second half.",
    "Shares added 1.2 per cent on Tuesday.",
    "The Treasury sold a ten-year note on Monday.",
    "It goes without saying that the roads are bad.",
    'After the wedding, the "Avatar" star thanked her fans in a long message.',
    'She sat down with CBS\'s "60 Minutes" on Sunday night with her husband.',
    'Weiner used the pseudonym "Carlos Danger" for a year.',
])
def test_not_attributions(text):
    assert atts(text) == []


def test_marks_that_quote_no_one_are_listed_with_their_rule():
    text = ('The so-called "peace dividend" never came, and Dwayne "The Rock" Johnson '
            'appeared on "Meet the Press" to talk about the series "Keldon After the Mill".')
    found = analyze_sources(segment(text)).to_dict()["not_quotations"]
    assert [(x["text"], x["rule"]) for x in found] == [
        ("peace dividend", "not_quotation.scare"), ("The Rock", "not_quotation.nickname"),
        ("Meet the Press", "not_quotation.title"),
        ("Keldon After the Mill", "not_quotation.title")]
    assert all(text[x["start"]:x["end"]] == x["text"] for x in found)


@pytest.mark.parametrize("text, inner, rule", [
    ('After the wedding, the "Avatar" star thanked her fans.', "Avatar", "title"),
    ('She sat down with CBS\'s "60 Minutes" on Sunday night.', "60 Minutes", "title"),
    ('Weiner used the pseudonym "Carlos Danger" for a year.', "Carlos Danger", "nickname"),
    ('His radio show, "Politicking," airs at noon.', "Politicking", "title"),
])
def test_titles_after_determiners_possessives_and_naming_words(text, inner, rule):
    assert [(x["text"], x["rule"]) for x in not_quotations(segment(text))] == [
        (inner, "not_quotation." + rule)]


def test_a_nickname_does_not_become_the_quotation_of_a_tag():
    found = atts('Dwayne "The Rock" Johnson said the film was fun.')
    assert [(a.kind, a.text) for a in found] == [("indirect", "the film was fun")]


def test_increase_sense_of_add_leaves_the_real_tag():
    a, = atts("Shares added 1.2 per cent on Tuesday, traders said.")
    assert (a.speaker, a.cue, a.text) == ("traders", "said", "Shares added 1.2 per cent on Tuesday")


def test_a_scare_quote_in_a_report_is_not_a_quoted_fragment():
    a, = atts('Officials said the so-called "buffer zone" would be widened.')
    assert (a.kind, a.quotes, quoted_words(a)) == ("indirect", (), 0)


def test_parenthetical_affiliation_before_the_cue():
    text = '"He would be a great senator," Rep. Ann Lee (D-Md.) said on Friday.'
    a, = atts(text)
    assert (a.rule, a.text, a.speaker) == ("quote.after_speaker_said",
                                           "He would be a great senator", "Ann Lee")
    assert text[a.source_start:a.speaker_end] == "Rep. Ann Lee"


# ------------------------------------------------------------------ page lines


def test_page_lines_are_marked_and_not_counted():
    text = ("The council said the road would reopen.\n\n"
            "Photo: Karen Holt said crews \u201cworked hard\u201d at the harbour. "
            "(Photo: Lena Ortiz)\n\n"
            "WATCH: Drone footage of the storm\n\n"
            "READ MORE: Storm bill passes\n\n"
            "Clearing the road\n\n"
            "\u201cWe expect the road to reopen on Thursday, if it stays dry,\u201d said "
            "Karen Holt.\n\n"
            "\u201cWe expect the road to reopen on Thursday\u201d\n\n"
            "Drivers were told to use the inland route.")
    doc = segment(text)
    assert page_lines(doc) == {1: "caption", 2: "promo", 3: "promo", 4: "subhead",
                               6: "pull_quote"}
    marked = [(a.paragraph, a.page_line) for a in extract_attributions(doc) if a.page_line]
    assert marked == [(1, "caption"), (6, "pull_quote")]
    result = analyze_sources(doc)
    assert [a.text for a in result.attributions] == [
        "the road would reopen", "We expect the road to reopen on Thursday, if it stays dry"]
    lines = result.to_dict()["page_lines"]
    # The record numbers paragraphs from 1.
    assert [(x["paragraph"], x["kind"], x["attributions"]) for x in lines] == [
        (2, "caption", 1), (3, "promo", 0), (4, "promo", 0), (5, "subhead", 0),
        (7, "pull_quote", 1)]


def test_a_broken_line_is_no_subhead():
    # Paragraph 1 is short and unpunctuated, but paragraph 2 goes on in lower case: the
    # end of a wrapped line, not a heading. Paragraph 4 is a heading between sentences.
    doc = segment("It rained all night.\n\nThe council said the road\n\nwould reopen on "
                  "Friday.\n\nAfter the storm\n\nCrews cleared the drains.")
    assert page_lines(doc) == {3: "subhead"}
    assert [a.text for a in extract_attributions(doc)] == ["the road"]


def test_page_line_file_is_refused_with_file_and_line(tmp_path):
    bad = tmp_path / "lines.txt"
    bad.write_text("caption  photo:\nbanner  ^AD\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="line 2.*unknown page-line kind 'banner'"):
        load_page_line_patterns(str(bad))
    bad.write_text("promo  (watch\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="line 1.*bad pattern"):
        load_page_line_patterns(str(bad))


def test_precision_marker_file_is_refused_with_file_and_line(tmp_path):
    bad = tmp_path / "markers.txt"
    bad.write_text("film\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="line 1.*before any"):
        load_precision_markers(str(bad))
    bad.write_text("[title_words]\nfilm\n[nouns]\nx\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="line 3.*unknown section"):
        load_precision_markers(str(bad))


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("text", [
    "Elle a dit \u00abnous allons gagner\u00bb hier, said the coach.",
    "Er sagte \u201enous sommes pr\u00eats\u201c und ging, an aide said.",
    "He said \u2039we left\u203a and \u2039we came back\u203a on Monday.",
    "She said \u2018we will stay\u2019 and left.",
    'A lone " mark said nothing much here.',
    '" " "',
    "\u201c\u201c\u201d\u201d\u00bb\u00ab\u2039",
    "He said: \u201cWe will stay.\n\nShe left. \u201cAnd then",
])
def test_unusual_quotation_marks_never_raise(text):
    doc = segment(text)
    for a in extract_attributions(doc):
        assert doc.text[a.start:a.end] == a.text
    analyze_sources(doc).to_dict()


def test_a_quotation_left_open_at_the_end_is_reported():
    text = 'Ann Lee said the dam held.\n\n"We will stay here until the water goes down'
    rec = mediakit.analyze(text).to_dict()["sources"]
    # The opening mark is at 28 (26 characters, then the paragraph break), in the second
    # paragraph (the record numbers paragraphs from 1).
    assert rec["open_quotations"] == [{"start": 28, "end": len(text), "paragraph": 2,
                                       "at_article_end": True}]
    assert any(a["text"] == "We will stay here until the water goes down"
               for a in rec["attributions"])
    # One left open in the middle of an article is reported too, not at the end.
    doc = segment('He said: "We will stay.\n\nShe left.')
    assert open_quotations(doc) == [{"start": 9, "end": 23, "paragraph": 0,
                                     "at_article_end": False}]


def test_offsets_index_the_text_as_given_to_analyze():
    text = ("\r\n  READ MORE: Other story\r\n\r\n"
            "The mayor, Ann Lee\u200b, said the barrier \u201cwould hold\u201d through winter.\r\n"
            "Related Articles\r\n"
            "\u201cWe are ready,\u201d Lee said. \u201cThe water will not pass.\u201d\r\n\r\n"
            "\u00a0\r\n"
            "Residents said they were \u2018very relieved\u2019 by the news.\r\n"
            "Leave a comment\r\n")
    rec = mediakit.analyze(text).to_dict()
    found = rec["sources"]["attributions"]
    assert [a["text"] for a in found] == [
        "the barrier \u201cwould hold\u201d through winter", "We are ready",
        "The water will not pass", "they were \u2018very relieved\u2019 by the news"]
    for a in found:
        assert text[a["start"]:a["end"]] == a["text"]
        if a["speaker_start"] is not None:
            assert text[a["speaker_start"]:a["speaker_end"]] == a["speaker_mention"]
        for s, e in a["quotes"]:
            assert text[s:e] in a["text"]
    for s in rec["sentiment"]["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
    assert rec["article"]["clutter_removed"] == 3


# ------------------------------------------------------------------ the project gold


def _gold(name):
    return json.loads((GOLD / f"{name}.json").read_text("utf-8"))


def _find(found, content, body):
    at = body.find(content)
    return next(a for a in found if a.start <= at < a.end)


@pytest.mark.parametrize("name", STATEMENT_GOLD)
def test_gold_statements_groups_and_page_lines(name):
    item = _gold(name)
    body = item["text"]
    doc = segment(body)
    found = extract_attributions(doc)
    groups: dict[str, set] = {}
    for g in item["attributions"]:
        a = _find(found, g["content"], body)
        if "statement" in g:
            assert a.text == g["statement"]
            assert g["content"] in [body[s:e] for s, e in a.quotes]
        assert a.continuation == g.get("continuation", False), g["content"]
        groups.setdefault(g["group"], set()).add(a.quote_group)
        if "statement_lead" in g:
            lead = next(x for x in found if x.rule == "statement.before_tag"
                        and x.text == g["statement_lead"])
            assert lead.quote_group == a.quote_group and not lead.continuation
    assert all(len(ids) == 1 for ids in groups.values())  # one id per gold statement
    assert len({i for ids in groups.values() for i in ids}) == len(groups)  # distinct ids
    assert page_lines(doc) == {int(k): v for k, v in item.get("page_lines", {}).items()}
