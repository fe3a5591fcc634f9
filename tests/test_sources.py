"""Tests for mediakit.sources: merging, roles and sides, diversity worked out by hand."""

from __future__ import annotations

import json
import math

import pytest

from mediakit.extract.attribution import Attribution
from mediakit.metrics.sources import _Grouper, analyze_sources, format_sources_table, quoted_words
from mediakit.text import segment

BODY = (
    "RAFAH, Gaza Strip — Fighting continued on Monday.\n\n"
    "“We have nothing left,” said Amal Hassan, 42, a nurse from Khan Younis. "
    "She said the camp had no water.\n\n"
    "Lt. Col. Avi Dromi, a spokesman for the Israel Defense Forces, said aid was flowing.\n\n"
    "Two Egyptian officials said talks would resume. The officials said a deal was close.\n\n"
    "“Hassan is right,” said Hana Okafor, a spokeswoman for the U.N. Office for the "
    "Coordination of Humanitarian Affairs."
)


def att(doc, text, speaker, mention, kind, *, description=None, named=True, cue="said",
        nth=0, start=None):
    """An Attribution built by hand: offsets found in the text, as the extractor gives."""
    if start is None:
        start = -1
        for _ in range(nth + 1):
            start = doc.text.index(text, start + 1)
    end = start + len(text)
    sent = doc.sentence_at(start)
    sp = doc.text.find(mention, sent.start) if mention else -1
    return Attribution(
        speaker=speaker, speaker_mention=mention, speaker_description=description,
        named=named, kind=kind, cue=cue, text=text, start=start, end=end,
        sentence=sent.index, paragraph=sent.paragraph,
        speaker_start=sp if sp >= 0 else None,
        speaker_end=sp + len(mention) if sp >= 0 else None,
    )


@pytest.fixture(scope="module")
def doc():
    return segment(BODY)


@pytest.fixture(scope="module")
def hand(doc):
    return [
        att(doc, "We have nothing left,", "Amal Hassan", "Amal Hassan", "direct",
            description="42, a nurse from Khan Younis"),
        att(doc, "the camp had no water", "Amal Hassan", "She", "indirect"),
        att(doc, "aid was flowing", "Avi Dromi", "Avi Dromi", "indirect",
            description="Lt. Col.; a spokesman for the Israel Defense Forces"),
        att(doc, "talks would resume", "two Egyptian officials", "Two Egyptian officials",
            "indirect", named=False),
        att(doc, "a deal was close", "The officials", "The officials", "indirect", named=False),
        att(doc, "Hassan is right,", "Hana Okafor", "Hana Okafor", "direct",
            description="a spokeswoman for the U.N. Office for the Coordination of "
                        "Humanitarian Affairs"),
    ]


@pytest.fixture(scope="module")
def result(doc, hand):
    return analyze_sources(doc, attributions=hand)


def test_sources_merged_and_classified(result):
    got = [(s.id, s.speaker, s.role, s.side, s.named, s.n_attributions) for s in result.speakers]
    assert got == [
        (0, "Amal Hassan", "civilian", "palestine", True, 2),
        (1, "Avi Dromi", "military", "israel", True, 1),
        (2, "two Egyptian officials", "government", "egypt", False, 2),  # + "The officials"
        (3, "Hana Okafor", "international", "united_nations", True, 1),
    ]
    assert result.source_ids == (0, 0, 1, 2, 2, 3)
    # the role and side of the source reach every attribution, pronoun ones included
    assert [(a.role, a.side) for a in result.attributions][:2] == [("civilian", "palestine")] * 2
    assert result.speakers[0].role_rule == "titles: nurse"
    assert result.speakers[0].quoted_words == 4 and result.speakers[3].quoted_words == 3


def test_diversity_hand_worked(result):
    d = result.diversity
    assert (d["n_sources"], d["n_attributions"], d["n_quoted_words"]) == (4, 6, 7)
    assert d["n_unattributed"] == 0
    assert d["unnamed_share"] == 0.25  # 1 of 4 sources
    assert d["direct_share"] == 0.3333  # 2 of 6 attributions
    roles = d["roles"]
    assert roles["counts"]["sources"] == {"civilian": 1, "government": 1, "international": 1,
                                          "military": 1}
    assert roles["counts"]["attributions"] == {"civilian": 2, "government": 2,
                                               "international": 1, "military": 1}
    assert roles["counts"]["quoted_words"] == {"civilian": 4, "international": 3}
    assert roles["shares"]["attributions"] == {"civilian": 0.3333, "government": 0.3333,
                                               "international": 0.1667, "military": 0.1667}
    assert roles["shares"]["quoted_words"] == {"civilian": 0.5714, "international": 0.4286}
    # four equal categories: H = ln 4 = 1.3863, J = 1, D = 1 - 4/16 = 0.75
    assert roles["k"] == 4
    assert roles["shannon"] == round(math.log(4), 4) == 1.3863
    assert roles["evenness"] == 1.0 and roles["simpson"] == 0.75
    # Sigal: government + military = 2 of 4 sources; 3 of 6 attributions
    assert d["official"]["sources"] == {"official": 2, "non_official": 2, "ratio": 1.0,
                                        "share": 0.5}
    assert d["official"]["attributions"] == {"official": 3, "non_official": 3, "ratio": 1.0,
                                             "share": 0.5}
    assert d["sides"]["counts"]["sources"] == {"egypt": 1, "israel": 1, "palestine": 1,
                                               "united_nations": 1}


def test_json_shape(result):
    d = result.to_dict()
    assert set(d) == {"attributions", "speakers", "diversity", "open_quotations",
                      "page_lines", "not_quotations"}
    assert d["open_quotations"] == d["page_lines"] == d["not_quotations"] == []
    first = d["attributions"][0]
    for key in ("speaker", "speaker_description", "role", "side", "named", "kind", "cue",
                "text", "start", "end", "sentence", "paragraph", "cue_head", "quotes",
                "quote_group", "continuation"):
        assert key in first
    # Paragraphs counted from 1 in the record (by hand: the dateline is 1, Amal Hassan 2,
    # Avi Dromi 3, the Egyptian officials 4, Hana Okafor 5); the results keep 0-based indexes.
    assert [a["paragraph"] for a in d["attributions"]] == [2, 2, 3, 4, 4, 5]
    assert [(s["first_paragraph"], s["paragraphs"]) for s in d["speakers"]] == [
        (2, [2]), (3, [3]), (4, [4]), (5, [5])]
    assert [a.paragraph for a in result.attributions] == [1, 1, 2, 3, 3, 4]
    assert d["attributions"][4]["speaker"] == "two Egyptian officials"  # merged display name
    assert d["attributions"][4]["speaker_mention"] == "The officials"
    json.dumps(d)  # plain data
    assert analyze_sources(segment(BODY), attributions=list(reversed(result.attributions))
                           ).to_dict() == d  # order of input does not matter


def test_unknown_is_left_out_of_diversity(doc):
    a = [att(doc, "aid was flowing", "Avi Dromi", "Avi Dromi", "indirect",
             description="a spokesman for the Israel Defense Forces"),
         att(doc, "talks would resume", "someone", "someone", "indirect", named=False)]
    d = analyze_sources(doc, attributions=a, context_sides=False).diversity
    assert d["roles"]["counts"]["sources"] == {"military": 1, "unknown": 1}
    assert d["roles"]["k"] == 1 and d["roles"]["shannon"] == 0.0
    assert d["roles"]["evenness"] is None and d["roles"]["simpson"] == 0.0
    # unknown counts as non-official (Sigal's "the rest")
    assert d["official"]["sources"]["ratio"] == 1.0


def test_empty_article():
    r = analyze_sources(segment("No one is quoted here."), attributions=[])
    d = r.diversity
    assert d["n_sources"] == 0 and d["unnamed_share"] is None and d["direct_share"] is None
    assert d["roles"]["shannon"] is None and d["official"]["sources"]["share"] is None
    assert "0 sources" in format_sources_table(r)


def test_unattributed_quote_has_no_source(doc):
    a = [att(doc, "Hassan is right,", None, None, "direct", named=False)]
    r = analyze_sources(doc, attributions=a)
    assert r.source_ids == (None,) and r.speakers == ()
    assert r.diversity["n_unattributed"] == 1
    assert r.to_dict()["attributions"][0]["role"] == "unknown"


def test_grouper_rules():
    from types import SimpleNamespace as A

    g = _Grouper()

    def add(speaker, named=False, mention=None):
        return g.assign(A(speaker=speaker, speaker_mention=mention, named=named))

    assert add("a National Security Council spokesperson") == 0
    assert add("A spokesperson for the National Security Council") == 0  # same words
    assert add("Two U.S. officials and an Israeli official") == 1
    assert add("both officials") == 1  # anaphoric, words included
    assert add("a person familiar with the talks") == 2
    assert add("The person") == 2
    assert add("another person familiar with the talks") == 3  # "another": new source
    assert add("Yoav Gallant", named=True) == 4
    assert add("Gallant", named=True) == 4
    assert add("Mr. Gallant", named=True) == 4
    assert add("Said Abu Ouda", named=True) == 5
    assert add("Mr. Abu Ouda", named=True) == 5
    assert add("Sullivan", named=True) == 6
    assert add("Jake Sullivan", named=True) == 6  # the full name arrives later
    assert g.keys[6]["display"] == "Jake Sullivan"
    assert add("he") is None and add(None) is None
    assert add("officials") == 7  # not anaphoric: a new, vaguer source


def test_quoted_words():
    from types import SimpleNamespace as A

    assert quoted_words(A(kind="direct", text="We have nothing left,")) == 4
    assert quoted_words(A(kind="partial", text="“deep concern” about Israel’s plans")) == 2
    assert quoted_words(A(kind="partial", text="stalling for time")) == 3
    assert quoted_words(A(kind="indirect", text="the camp had no water")) == 0


def test_side_from_context_and_setting():
    doc = segment("KHARKIV, Ukraine — Missiles hit the city.\n\nResidents said it was loud.")
    a = [att(doc, "it was loud", "Residents", "Residents", "indirect", named=False)]
    s = analyze_sources(doc, attributions=a).speakers[0]
    assert (s.role, s.side, s.side_rule) == ("civilian", "ukraine", "context: Ukraine")
    off = analyze_sources(doc, attributions=a, context_sides=False).speakers[0]
    assert off.side == "unknown"
    # no codebook side in the whole article: known roles are on side "other"
    doc = segment("MILLBROOK — The council met.\n\nResidents said it was loud.")
    a = [att(doc, "it was loud", "Residents", "Residents", "indirect", named=False)]
    s = analyze_sources(doc, attributions=a).speakers[0]
    assert (s.side, s.side_rule) == ("other", "article: no codebook side named")
    # an anonymity formula stays unknown even with a place nearby
    doc = segment("In Kyiv, a person familiar with the talks said it was loud.")
    a = [att(doc, "it was loud", "a person familiar with the talks",
             "a person familiar with the talks", "indirect", named=False)]
    assert analyze_sources(doc, attributions=a).speakers[0].side == "unknown"


def test_format_table(result):
    table = format_sources_table(result)
    lines = table.splitlines()
    assert lines[0].split() == ["#", "speaker", "role", "side", "named", "attr", "direct",
                                "words", "para"]
    # Amal Hassan first speaks in the second paragraph (the dateline's is the first).
    assert lines[2].split() == ["0", "Amal", "Hassan", "civilian", "palestine", "yes", "2", "1",
                                "4", "2"]
    assert "4 sources, 6 attributions (0 without a speaker), 7 quoted words" in table
    assert "official share: 0.50" in table
    assert all(len(line) <= 100 for line in lines)


# ------------------------------------------------------------------ the seed, real pipeline
#
# Hand-worked from the gold annotation (tests/gold/sources/seed.json): 13 speakers and 18
# attributions. Roles: government 11 (Biden, administration officials, Israeli leaders,
# Netanyahu, Gallant, the NSC spokesperson, Gallant's office, Qatar, the officials familiar
# with the negotiations, the two U.S. officials, the Israeli officials), armed_group 1
# (Hamdan), civilian 1 (Ikhtifan).
#   H = -(11/13 ln 11/13 + 2/13 ln 1/13) = 0.141353 + 0.394608 = 0.535961
#   J = H / ln 3 = 0.487852;  D = 1 - (121 + 1 + 1)/169 = 46/169 = 0.272189
#   official 12, non-official 1: ratio 12, share 12/13 = 0.923077.
# Sides by the codebook: israel 5, united_states 4, palestine 2, qatar 2 (Qatar, and the
# "other officials familiar with the negotiations", placed by the context rule after
# "Qatar, the main mediator"; the gold leaves that one unknown):
#   H = 0.367504 + 0.362663 + 2 * 0.287970 = 1.306106;  J = H / ln 4 = 0.942157
#   D = 1 - (25 + 16 + 4 + 4)/169 = 120/169 = 0.710059
# Quoted words: "deep concern" 2 + NSC 9 + Ikhtifan 9 = 20.  Direct quotes: 2 of 18.

SEED_SOURCES = [
    ("Biden", "government", "united_states"),
    ("other senior administration officials", "government", "united_states"),
    ("Israeli leaders", "government", "israel"),
    ("Benjamin Netanyahu", "government", "israel"),
    ("Yoav Gallant", "government", "israel"),
    ("a National Security Council spokesperson", "government", "united_states"),
    ("Gallant's office", "government", "israel"),
    ("Qatar", "government", "qatar"),
    ("other officials familiar with the negotiations", "government", "qatar"),
    ("Osama Hamdan", "armed_group", "palestine"),
    ("two U.S. officials and an Israeli official", "government", "united_states"),
    ("Israeli officials and another person familiar with the negotiations", "government",
     "israel"),
    ("Mohammad Ikhtifan", "civilian", "palestine"),
]


@pytest.fixture(scope="module")
def seed_sources(seed_doc):
    return analyze_sources(seed_doc)


def test_seed_sources(seed_sources):
    got = [(s.speaker.replace("’", "'"), s.role, s.side) for s in seed_sources.speakers]
    assert got == SEED_SOURCES
    assert seed_sources.speakers[12].n_attributions == 2
    assert seed_sources.speakers[12].n_direct == 1


def test_seed_diversity(seed_sources):
    d = seed_sources.diversity
    assert (d["n_sources"], d["n_attributions"], d["n_quoted_words"]) == (13, 18, 20)
    assert d["direct_share"] == 0.1111
    assert d["roles"]["counts"]["sources"] == {"government": 11, "armed_group": 1, "civilian": 1}
    assert (d["roles"]["shannon"], d["roles"]["evenness"], d["roles"]["simpson"]) == (
        0.536, 0.4879, 0.2722)
    assert d["official"]["sources"] == {"official": 12, "non_official": 1, "ratio": 12.0,
                                        "share": 0.9231}
    assert d["sides"]["counts"]["sources"] == {"israel": 5, "united_states": 4, "palestine": 2,
                                               "qatar": 2}
    assert (d["sides"]["shannon"], d["sides"]["evenness"], d["sides"]["simpson"]) == (
        1.3061, 0.9422, 0.7101)
    assert d["roles"]["counts"]["quoted_words"] == {"government": 11, "civilian": 9}


def test_many_attributions_stay_fast():
    import time

    para = ("“We have nothing left,” said Amal Hassan, 42, a nurse from Khan Younis. "
            "Two officials said talks would resume.")
    doc = segment("\n\n".join([para] * 250))
    atts = []
    for p in doc.paragraphs:
        atts.append(att(doc, "We have nothing left,", "Amal Hassan", "Amal Hassan", "direct",
                        description="42, a nurse from Khan Younis", start=p.start + 1))
        atts.append(att(doc, "talks would resume", "Two officials", "Two officials",
                        "indirect", named=False,
                        start=p.start + para.index("talks would resume")))
    t = time.perf_counter()
    r = analyze_sources(doc, attributions=atts)
    assert time.perf_counter() - t < 5
    assert r.diversity["n_attributions"] == 500 and r.diversity["n_sources"] == 2
    assert r.speakers[0].n_attributions == 250 and r.speakers[0].quoted_words == 1000


def test_a_relative_takes_the_side_of_the_person_quoted_before():
    # "Her cousin" is Noa Cohen's: Israeli, though the nearest side term before him is
    # "Gaza"; "In Tel Aviv" is no subject, so "she" is Noa Cohen, not the city
    text = ('In Tel Aviv, Noa Cohen, 51, read out the names of the hostages. "They must come '
            'home," she said.\n\nIsraeli officials say 130 hostages are still held in Gaza.'
            '\n\nHer cousin, Avner Levi, disagreed. "We would pay again next year," he said.')
    res = analyze_sources(segment(text))
    got = [(s.speaker, s.side, s.side_rule) for s in res.speakers]
    assert got[0] == ("Noa Cohen", "israel", "context: Tel Aviv")
    assert got[2] == ("Avner Levi", "israel", "relative: Noa Cohen")
