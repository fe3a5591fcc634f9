"""Tests for mediakit.codebook: roles, sides, the rule that fired, malformed files."""

from __future__ import annotations

import textwrap

import pytest

from mediakit.codebook import KNOWN_ROLES, default_codebook_path, load_codebook, parse_codebook
from mediakit.errors import CodebookError


@pytest.fixture(scope="module")
def cb():
    return load_codebook()


@pytest.mark.parametrize(
    "speaker, description, role, side",
    [
        # organisations beat generic titles
        ("Osama Hamdan", "a senior Hamas official", "armed_group", "palestine"),
        ("Ismail Darwish", "A senior Hamas official", "armed_group", "palestine"),
        ("Lt. Col. Avi Dromi", "a spokesman for the Israel Defense Forces", "military", "israel"),
        ("a spokesperson for the National Security Council", None, "government",
         "united_states"),
        ("Majed R. Al-Sulaiti", "a spokesman for Qatar's Ministry of Foreign Affairs",
         "government", "qatar"),
        ("Hana Okafor", "a spokeswoman for the U.N. Office for the Coordination of "
         "Humanitarian Affairs", "international", "united_nations"),
        ("Brig. Gen. Nabil Abdelrahman", "a spokesman for the Sudanese Armed Forces",
         "military", "sudan"),
        ("The RSF", None, "armed_group", "sudan"),
        ("Juliette Mercier", "a coordinator for a European medical charity", "ngo", "other"),
        ("Oksana Melnyk", "a deputy head of the Kharkiv regional military administration",
         "government", "ukraine"),
        # people
        ("Yoav Gallant", "Israeli Defense Minister", "government", "israel"),
        ("Gallant’s office", None, "government", "israel"),
        # titles; side from a nationality word or a place
        ("two U.S. officials", None, "government", "united_states"),
        ("Israeli officials and another person familiar with the negotiations", None,
         "government", "israel"),
        ("one Western diplomat", None, "government", "other"),
        ("Mohammad Ikhtifan", "36, a taxi driver from Gaza City who has taken refuge in Rafah "
         "with his wife and three children", "civilian", "palestine"),
        ("Galina Orlova", "61, a Shebekino resident", "civilian", "russia"),
        ("Abakar Idriss", "55, a farmer from a village near Misterei who arrived in Adré",
         "civilian", "sudan"),
        ("Carol Whitfield", "71, a retired school secretary", "civilian", "unknown"),
        # strong titles beat the employer
        ("Iryna Tkachenko", "an energy analyst at a Kyiv research institute", "expert",
         "ukraine"),
        ("Gen. Yossi Ben-Ami", "a retired Israeli general who now lectures on security policy",
         "expert", "israel"),
        # an expert's employer is not their side: default side for experts
        ("Dr. Selma Haidar", "a public health specialist who advises the World Health "
         "Organization", "expert", "other"),
        ("A human rights researcher", None, "ngo", "other"),
        # states as speakers
        ("Qatar", None, "government", "qatar"),
        ("Moscow", None, "government", "russia"),
        ("the Kremlin", None, "government", "russia"),
        ("Israel", None, "government", "israel"),
        # anonymity formulas say nothing
        ("a person familiar with the talks", None, "unknown", "unknown"),
        (None, None, "unknown", "unknown"),
        # companies are business (codebook: bodies.business)
        ("Energy companies", None, "business", "unknown"),
    ],
)
def test_classify(cb, speaker, description, role, side):
    assert cb.classify(speaker, description) == (role, side)


def test_explain_names_the_rule(cb):
    c = cb.explain("Osama Hamdan", "a senior Hamas official")
    assert c.role_rule == "people: Osama Hamdan"
    c = cb.explain("Ismail Darwish", "a senior Hamas official")
    assert (c.role_rule, c.side_rule) == ("organisations: Hamas", "organisations: Hamas")
    c = cb.explain("Mohammad Ikhtifan", "36, a taxi driver from Gaza City")
    # the longest title at the leftmost position wins: "taxi driver", not "driver"
    assert c.role_rule == "titles: taxi driver"
    assert c.side_rule == "sides.palestine: Gaza City"
    c = cb.explain("Qatar")
    assert c.role_rule == "states: Qatar"
    c = cb.explain("Juliette Mercier", "a coordinator")
    assert c.role == "unknown" and c.role_rule is None and c.side_rule is None
    assert cb.explain("Iryna Tkachenko", "an analyst").side_rule == "default_sides: expert"


def test_acronyms_match_only_in_capitals(cb):
    assert cb.classify("WHO") == ("international", "united_nations")
    assert cb.classify("who") == ("unknown", "unknown")
    assert cb.side_of("the US said") == "united_states"
    assert cb.side_of("told us that") is None


def test_plural_and_possessive_forms(cb):
    assert cb.classify("Residents") == ("civilian", "unknown")
    assert cb.classify("Russia's Ministry of Defence") == ("government", "russia")
    assert cb.side_of("Israel’s plans") == "israel"  # curly apostrophe


def test_side_terms_for_framing(cb):
    terms = cb.side_terms
    assert set(terms) >= {"israel", "palestine", "united_states", "qatar", "egypt",
                          "united_nations", "ukraine", "russia", "sudan", "other", "unknown"}
    assert "Gaza" in terms["palestine"] and "Palestinian" in terms["palestine"]
    assert "Hamas" in terms["palestine"]  # organisations carry their side
    assert "IDF" in terms["israel"] and "Kyiv" in terms["ukraine"]
    assert "RSF" in terms["sudan"] and "UNRWA" in terms["united_nations"]
    assert terms["unknown"] == ()
    assert all(isinstance(v, tuple) for v in terms.values())


def test_place_mentions_offsets(cb):
    text = "KHARKIV, Ukraine — Residents of Saltivka said"
    hits = cb.place_mentions(text)
    assert [(h.term, h.side, text[h.start:h.end]) for h in hits] == [
        ("Kharkiv", "ukraine", "KHARKIV"),
        ("Ukraine", "ukraine", "Ukraine"),
        ("Saltivka", "ukraine", "Saltivka"),
    ]


def test_official_roles_and_all_roles(cb):
    assert cb.official_roles == ("government", "military", "armed_group")
    assert tuple(cb.roles) == KNOWN_ROLES
    assert cb.is_official("armed_group") and not cb.is_official("civilian")


def test_load_codebook_is_cached():
    assert load_codebook() is load_codebook()
    assert load_codebook(default_codebook_path()) is load_codebook()


MINIMAL = """\
# A codebook for a non-war topic: football coverage.
roles:
  government: officials
  expert: pundits
  civilian: fans
official_roles: [government]
sides:
  home:
    terms: [Millbrook, Millbrook FC]
  away:
    places: [Riverside]
titles:
  expert: [pundit, coach]
  civilian: [fan, supporter]
organisations:
  - {terms: [FA, Football Association], role: government, side: null}
"""


def test_custom_codebook(tmp_path):
    path = tmp_path / "football.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    cb = load_codebook(path)
    assert cb.path == str(path)
    assert cb.sides == ("home", "away", "unknown")
    assert cb.classify("Jo Bloggs", "a Millbrook FC supporter") == ("civilian", "home")
    assert cb.classify("a spokesperson for the FA") == ("government", "unknown")
    assert cb.classify("a Riverside pundit") == ("expert", "away")
    assert cb.classify("Yoav Gallant") == ("unknown", "unknown")


def _error(text: str, tmp_path) -> CodebookError:
    path = tmp_path / "bad.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(CodebookError) as exc:
        load_codebook(path)
    assert exc.value.path == str(path)
    assert str(path) in str(exc.value)
    return exc.value


def test_bad_yaml_names_the_line(tmp_path):
    err = _error("roles:\n  government: x\nsides: [unclosed\n", tmp_path)
    assert "not valid YAML" in err.problem
    assert err.row is not None and err.row >= 3


def test_unknown_role_names_the_line(tmp_path):
    err = _error(
        """\
        roles:
          government: x
          civilian: y
        sides:
          home: {terms: [Millbrook]}
        titles:
          civilian: [fan]
          journalist: [reporter]
        """,
        tmp_path,
    )
    assert err.row == 8
    assert "unknown role 'journalist'" in err.problem
    assert "line 8" in str(err)


def test_role_not_declared_in_roles(tmp_path):
    # a role the default roles know, but this codebook did not declare
    err = _error("roles:\n  government: x\nsides:\n  a: {terms: [A]}\ntitles:\n"
                 "  civilian: [fan]\n", tmp_path)
    assert err.row == 6 and "unknown role 'civilian'" in err.problem


def test_unknown_role_in_roles_section(tmp_path):
    err = _error("roles:\n  government: x\n  celebrity: y\nsides:\n  a: {terms: [A]}\n", tmp_path)
    assert err.row == 3 and "celebrity" in err.problem


def test_wrong_structure(tmp_path):
    err = _error("roles:\n  government: x\nsides: [israel, palestine]\n", tmp_path)
    assert err.row == 3 and "sides must be a mapping" in err.problem
    err = _error("roles:\n  government: x\nsides:\n  a: {terms: A}\n", tmp_path)
    assert err.row == 4 and "must be a list" in err.problem
    err = _error("- just\n- a list\n", tmp_path)
    assert err.row == 1
    err = _error("roles:\n  government: x\n", tmp_path)
    assert "missing section 'sides'" in err.problem


def test_unknown_side_and_section(tmp_path):
    err = _error(
        "roles:\n  government: x\nsides:\n  a: {terms: [A]}\norganisations:\n"
        "  - {terms: [Org], role: government, side: b}\n",
        tmp_path,
    )
    assert err.row == 6 and "unknown side 'b'" in err.problem
    err = _error("roles:\n  government: x\nsides:\n  a: {terms: [A]}\nextras: 1\n", tmp_path)
    assert err.row == 5 and "unknown section 'extras'" in err.problem


def test_conflicting_term_and_bad_regex(tmp_path):
    err = _error(
        "roles:\n  government: x\n  civilian: y\nsides:\n  a: {terms: [A]}\ntitles:\n"
        "  government: [official]\n  civilian: [resident, official]\n",
        tmp_path,
    )
    assert err.row == 8 and "mapped twice" in err.problem
    err = _error(
        "roles:\n  government: x\nsides:\n  a: {terms: [A]}\ntitles:\n"
        "  government: ['re:(unclosed']\n",
        tmp_path,
    )
    assert err.row == 6 and "regular expression" in err.problem


def test_missing_file(tmp_path):
    with pytest.raises(CodebookError) as exc:
        load_codebook(tmp_path / "nope.yaml")
    assert "cannot read" in exc.value.problem


def test_parse_codebook_from_text():
    cb = parse_codebook(MINIMAL, "football.yaml")
    assert cb.classify("a fan") == ("civilian", "unknown")


def test_wider_conflict_coverage(cb):
    assert cb.classify("a Hezbollah commander") == ("armed_group", "other")
    assert cb.classify("a reporter for TASS") == ("media", "russia")  # outlet gives the side
    assert cb.classify("Magen David Adom paramedics") == ("ngo", "israel")
    assert cb.classify("an analyst at Haaretz") == ("expert", "other")  # employer is not
