"""Source types, aliases, article titles, civilian cues and affiliation sides (issue 12.5).

Every expected value below was worked out by hand from the text and the packaged
codebook's lists (source_types, aliases, civilian_cues, titles), not by running mediakit.
"""

import pytest

from mediakit import load_codebook
from mediakit.codebook import parse_codebook
from mediakit.errors import CodebookError
from mediakit.extract.aliases import acronym_of
from mediakit.extract.source_types import source_type
from mediakit.metrics.sources import analyze_sources
from mediakit.text import segment


@pytest.fixture(scope="module")
def cb():
    return load_codebook()


@pytest.mark.parametrize(
    ("speaker", "named", "tail", "expected"),
    [
        ("a person familiar with the talks", False, None, "anonymous"),
        # the anonymity clause follows the mention in its sentence
        ("the official", False, ", who spoke on condition of anonymity", "anonymous"),
        ("a new poll of Iowa voters", False, None, "document"),  # head "poll"
        ("court filings", False, None, "document"),
        ("the statement", False, None, "document"),
        ("Maria Lopez", True, None, "named_person"),
        ("FBI", True, None, "named_organisation"),  # an acronym
        ("the Board of Licensed Pharmacists", True, None, "named_organisation"),  # "Board"
        ("the ministry", False, None, "named_organisation"),  # a definite body
        ("residents", False, None, "unnamed_person"),
        ("two U.S. officials", False, None, "unnamed_person"),
        ("an aid group", False, None, "unnamed_person"),  # indefinite: unnamed group
    ],
)
def test_source_type(cb, speaker, named, tail, expected):
    assert source_type(cb, speaker, named, (), None, tail)[0] == expected


def test_source_type_rule_names_the_words(cb):
    assert source_type(cb, "a new poll of Iowa voters", False) == ("document", "document: poll")
    assert source_type(cb, "the official", False, tail=", who spoke on condition of anonymity"
                       ) == ("anonymous", "anonymous: on condition of anonymity")


def test_acronym_of():
    assert acronym_of("Democratic National Committee") == "DNC"
    assert acronym_of("Federal Bureau of Investigation") == "FBI"  # "of" skipped
    assert acronym_of("Lopez") is None


def _speakers(text):
    return analyze_sources(segment(text)).speakers


def test_aliases_merge():
    # FT and Financial Times are one source (codebook aliases), reported by the full name
    s = _speakers("The Financial Times reported that the bank would cut jobs. "
                  "The FT said the cuts were large.")
    assert [(x.speaker, x.n_attributions, x.role, x.source_type) for x in s] == [
        ("Financial Times", 2, "media", "named_organisation")]
    # middle initial
    s = _speakers("Donald J. Trump said he would win. Later, Donald Trump said polls were wrong.")
    assert [(x.speaker, x.n_attributions) for x in s] == [("Donald J. Trump", 2)]


def test_definite_description_joins_the_named_organisation():
    s = _speakers('Lakeshore Health said in a statement that it had hired nurses. '
                  'The company described the demands as "impossible."')
    assert [(x.speaker, x.n_attributions, x.role) for x in s] == [
        ("Lakeshore Health", 2, "business")]


def test_institution_name_kept_whole(cb):
    s = _speakers("The Board of Licensed Pharmacists said the rules would change.")
    assert s[0].speaker == "Board of Licensed Pharmacists"
    assert s[0].source_type == "named_organisation"


def test_title_elsewhere_in_the_article():
    # "Pat Quinlan" is in no list; the title "Campaign manager" before the name, in the
    # first paragraph, holds the body "campaign" (bodies come before titles): government
    s = _speakers("Campaign manager Pat Quinlan arrived late.\n\nPat Quinlan said the race was "
                  "close.")
    assert [(x.speaker, x.role, x.role_rule) for x in s] == [
        ("Pat Quinlan", "government", "article: bodies: campaign")]


def test_affiliation_decides_the_side_before_nearby_places():
    s = _speakers("The Israeli military said it struck Hamas targets. Fighting continued in "
                  "Khan Younis on Monday. A military spokesman said troops had killed militants "
                  "in Khan Younis.")
    spokesman = [x for x in s if x.speaker == "a military spokesman"][0]
    assert (spokesman.role, spokesman.side, spokesman.side_rule) == (
        "military", "israel", "affiliation: Israeli military")


def test_civilian_from_cues(cb):
    # no title word: age and place cues make the speaker a civilian
    c = cb.explain("Parker Eaton", "81-year-old")
    assert (c.role, c.role_rule) == ("civilian", "civilian_cues.age: 81-year-old")
    c = cb.explain("Jo Mills", "a resident of Dayton")
    assert c.role == "civilian"
    # a title decides first: the cue is not tried
    assert cb.explain("Ann Cole", "a 52-year-old senator").role == "government"


@pytest.mark.parametrize(
    ("speaker", "description", "role"),
    [
        ("Nikos Paraskevas", "chief executive of Meridian Marine", "business"),
        ("an attorney for the family", None, "legal"),  # a lawyer whoever the client
        ("the district attorney", None, "government"),
        ("Republican primary voters", None, "civilian"),
        ("Ted Smith", "R-Texas", "government"),
        ("the head coach", None, "sport"),
        ("Fox News", None, "media"),
    ],
)
def test_everyday_roles(cb, speaker, description, role):
    assert cb.classify(speaker, description)[0] == role


BASE = "roles:\n  government: x\n  civilian: y\nsides:\n  a: {terms: [A]}\n"


def test_bad_sections_name_the_line():
    with pytest.raises(CodebookError) as exc:
        parse_codebook(BASE + "source_types:\n  rumour: [gossip]\n", "c.yaml")
    assert exc.value.row == 7 and "unknown list 'rumour'" in exc.value.problem
    with pytest.raises(CodebookError) as exc:
        parse_codebook(BASE + "aliases:\n  - [FT]\n", "c.yaml")
    assert exc.value.row == 7 and "at least two names" in exc.value.problem
    with pytest.raises(CodebookError) as exc:
        parse_codebook(BASE + "aliases:\n  - [Financial Times, FT]\n  - [Fort Times, FT]\n",
                       "c.yaml")
    assert exc.value.row == 8 and "given to both" in exc.value.problem
    with pytest.raises(CodebookError) as exc:
        parse_codebook(BASE + "civilian_cues:\n  age: ['re:(']\n", "c.yaml")
    assert exc.value.row == 7 and "bad regular expression" in exc.value.problem


def test_honorific_and_affiliation_join_the_full_name():
    s = _speakers("Leonard Burman, who directs the Tax Policy Center, said taxes would rise. "
                  "Later Mr. Burman of the Tax Policy Center said it again.")
    assert [(x.speaker, x.n_attributions) for x in s] == [("Leonard Burman", 2)]


def test_definite_description_joins_the_organisation_it_describes():
    # "the agency" (government by bodies) joins UKMTO (military), described as an agency
    s = _speakers("The ship was hit, according to United Kingdom Maritime Trade Operations "
                  "(UKMTO), a British military agency.\n\nA fire broke out, the agency said.")
    assert [(x.speaker, x.n_attributions, x.role) for x in s] == [
        ("United Kingdom Maritime Trade Operations", 2, "military")]


def test_given_name_before_an_organisation_word_is_a_person(cb):
    # "Post" names outlets and documents, but "Tim" is a given name and "Post" capitalised
    assert source_type(cb, "Tim Post", True) == ("named_person", "named_person: name")


@pytest.mark.parametrize("speaker", ["74 percent", "six in 10", "42%", "those surveyed"])
def test_poll_respondents_are_the_public(cb, speaker):
    assert cb.classify(speaker)[0] == "civilian"


def test_a_state_that_speaks_is_a_named_organisation():
    # the seed: "Qatar, the main mediator, has expressed cautious optimism" was typed a
    # named person
    from mediakit import analyze

    m = analyze("Qatar, the main mediator, has expressed cautious optimism, but says it "
                "has not yet seen a breakthrough.").to_dict()
    (s,) = m["sources"]["speakers"]
    assert (s["speaker"], s["source_type"], s["source_type_rule"]) == (
        "Qatar", "named_organisation", "named_organisation: states: Qatar")
