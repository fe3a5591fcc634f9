"""Tests for mediakit.metrics.framing.responsibility and what it feeds: the perpetrator and
cause of each harm mention, the victim-side rules, the harm filters, one mention per
event, the counts beside agentless_share and the weapon parameter. Expected values are
worked out by hand from the rules in docs/metrics.md (Harm framing, Perpetrator)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mediakit.codebook import load_codebook, parse_codebook
from mediakit.errors import CodebookError
from mediakit.metrics.framing import (
    PERPETRATOR_RULES,
    VICTIM_SIDE_RULES,
    find_harm_mentions,
    framing_metrics,
)
from mediakit.text import segment

ROOT = Path(__file__).resolve().parents[1]
SIDES = {"israel": ["Israel", "Israeli", "Israelis", "kibbutz"],
         "palestine": ["Palestinian", "Palestinians", "Gaza", "Hamas", "Rafah"]}
CB = load_codebook()


def _one(text: str, sides=SIDES, trigger: str | None = None, **kw):
    ms = find_harm_mentions(segment(text), side_terms=sides, **kw)
    if trigger is not None:
        ms = [m for m in ms if m.trigger == trigger]
    assert len(ms) == 1, [m.trigger for m in ms]
    return ms[0]


# One example per perpetrator rule: (sentence, perpetrator, side, rule).
RULE_EXAMPLES = [
    ("Hamas killed 1,200 people.", "Hamas", "palestine", "perpetrator.agent"),
    ("Two medics were killed by Israeli fire.", "Israeli", "israel", "perpetrator.agent"),
    ("Israeli airstrikes have killed 30 people.", "Israeli", "israel", "perpetrator.agent"),
    ("Israel's bombardment has killed thousands.", "Israel", "israel", "perpetrator.agent"),
    ("After a Hamas raid on the kibbutz, gunmen killed 40 residents.", "gunmen",
     "palestine", "perpetrator.agent_linked"),
    ("Gunmen killed 40 Israelis.", "Gunmen", "palestine", "perpetrator.agent_opponent"),
    ("Nine people died in the Hamas attack.", "Hamas", "palestine",
     "perpetrator.named_after"),
    ("Ten were killed when Israeli troops stormed the camp.", "Israeli troops", "israel",
     "perpetrator.named_after"),
    ("The Hamas assault, in which 1,200 were killed, shocked Israel.", "Hamas",
     "palestine", "perpetrator.named_before"),
    ("The strike, which Israel carried out, killed nine.", "Israel", "israel",
     "perpetrator.named_before"),
]


@pytest.mark.parametrize("text, perp, side, rule", RULE_EXAMPLES)
def test_each_perpetrator_rule(text, perp, side, rule):
    m = _one(text, trigger=None)
    assert (m.perpetrator, m.perpetrator_side, m.perpetrator_rule) == (perp, side, rule)
    # offsets point at the perpetrator as written
    assert text[m.perpetrator_start:m.perpetrator_end] == perp


@pytest.mark.parametrize("text, perp, side", [
    # a side term after "in which" opens a relative clause: it is no place
    ("Israel struck Gaza after the attack in which Hamas killed 1,200 people.", "Hamas",
     "palestine"),
    ("It was the raid during which Hamas killed 40 residents.", "Hamas", "palestine"),
    # "rulers" is an actor noun: the side term before it names the perpetrator
    ("Gaza's Hamas rulers launched an attack on Israel, killing 1,200 people.",
     "Gaza's Hamas rulers", "palestine"),
    # the subject of a relative clause after a comma: "Hamas, which stormed ..."
    ("Talks are stalled with Hamas, which stormed the town and killed 40 residents.",
     "Hamas", "palestine"),
])
def test_actors_in_relative_clauses_and_rulers(text, perp, side):
    m = _one(text, trigger="killed" if "killed" in text else "killing")
    assert (m.perpetrator, m.perpetrator_side) == (perp, side)


def test_shared_event_rule():
    # "wounded" has no agent of its own; it is coordinated with "killed"
    ms = find_harm_mentions(segment("Soldiers killed two men, and wounded five."),
                            side_terms=SIDES)
    assert [m.perpetrator for m in ms] == ["Soldiers", "Soldiers"]
    assert ms[1].perpetrator_rule in ("perpetrator.agent", "perpetrator.shared")


def test_the_rule_ids_are_documented():
    doc = (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8")
    for table, ids in (("### Perpetrator rule ids", PERPETRATOR_RULES),
                       ("### Victim side rule ids", VICTIM_SIDE_RULES)):
        section = doc[doc.index(table):]
        section = section[:section.index("\n#", 1)]
        assert set(re.findall(r"^\| `([a-z_.]+)` \|", section, flags=re.M)) == set(ids)


def test_cause_without_actor_and_the_weapon_parameter():
    m = _one("An airstrike killed five people in Gaza.")
    assert (m.perpetrator, m.cause, m.victim_side) == (None, "An airstrike", "palestine")
    doc = segment("An airstrike killed five people in Gaza. Hamas killed two Israelis.")
    strict = framing_metrics(doc, None, SIDES).to_dict()
    assert (strict["perpetrator_named"], strict["perpetrator_named_share"]) == (1, 0.5)
    assert strict["agentless"] == 0  # both are active with an agent
    loose = framing_metrics(doc, None, SIDES, weapon_counts_as_named=True).to_dict()
    assert loose["perpetrator_named"] == 2
    assert strict["by_side"]["palestine"]["perpetrator_named"] == 0
    assert strict["by_side"]["israel"]["perpetrator_named_share"] == 1.0


@pytest.mark.parametrize(("text", "cause"), [
    # the subject of a clause after the harm, opened by when / as / after, is its cause
    ("At least 17 people were killed on Sunday when an airstrike hit a house.",
     "an airstrike"),
    ("Two children died after a shell struck the market.", "a shell"),
    ("Three men were wounded as the missile hit.", "the missile"),
    # a clause whose subject is no cause gives none
    ("He was killed when he went out to buy bread.", None),
])
def test_cause_in_a_clause_after_the_harm(text, cause):
    m = _one(text)
    assert (m.perpetrator, m.cause) == (None, cause)


def test_places_and_victims_are_never_the_perpetrator():
    m = _one("Families in southern Gaza were killed overnight.")
    assert m.perpetrator is None
    # the victims phrase holds the side term: "Hamas fighters" are the victims here
    m = _one("Five Hamas fighters were killed.")
    assert m.perpetrator is None and m.victim_side == "palestine"
    # a source is not the perpetrator ("the Israeli military said")
    m = _one("Twelve people were killed, the Israeli military said.")
    assert m.perpetrator is None


def test_victim_side_rules():
    assert _one("Twelve Israeli soldiers were killed.").victim_side_rule == \
        "side.victims_phrase"
    m = _one("Nine people were killed in an airstrike in Rafah.")
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.named_in_sentence")
    m = _one("Nine people were killed in Israeli strikes.")
    assert (m.victim_side, m.victim_side_rule) == ("palestine",
                                                   "side.opponent_of_perpetrator")
    ms = find_harm_mentions(segment("Two Israeli soldiers were killed and four were wounded."),
                            side_terms=SIDES)
    assert ms[1].victim_side_rule == "side.previous_mention"
    assert _one("Nine people died.").victim_side_rule is None


def test_codebook_opponents_decide_the_dyadic_side():
    # the codebook has eleven sides; its opponents pair israel and palestine
    m = _one("Nine people were killed in Israeli strikes.", sides=CB.side_terms,
             opponents=CB.opponents)
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.opponent_of_perpetrator")
    m = _one("Nine people were killed in Israeli strikes.", sides=CB.side_terms)
    assert m.victim_side == "unknown"


def test_codebook_refuses_a_bad_opponent():
    text = "version: 1\nroles: {civilian: people}\nsides:\n  a:\n    opponents: [zz]\n"
    with pytest.raises(CodebookError, match="unknown side 'zz'"):
        parse_codebook(text, "cb.yaml")
    ok = parse_codebook("version: 1\nroles: {civilian: people}\nsides:\n  a:\n"
                        "    opponents: [b]\n  b:\n    terms: [Bee]\n", "cb.yaml")
    assert ok.opponents == {"a": ("b",)}


@pytest.mark.parametrize("text", [
    "Smith is out for a month with a hamstring injury.",
    "He was injured in training on Tuesday.",
    "The regional bank was the latest casualty of the downturn.",
    "Shares of the property and casualty insurer fell.",
])
def test_harm_that_is_not_harm(text):
    assert find_harm_mentions(segment(text), side_terms=SIDES) == []


def test_one_mention_per_event():
    ms = find_harm_mentions(segment("Soldiers shot and killed a teenager."), side_terms=SIDES)
    assert [m.trigger for m in ms] == ["killed"]
    ms = find_harm_mentions(segment("Israeli strikes killed 20 displaced people in a school."),
                            side_terms=SIDES)
    assert [m.trigger for m in ms] == ["killed"]
    ms = find_harm_mentions(segment("1,200 people, mostly civilians, were killed."),
                            side_terms=SIDES)
    assert len(ms) == 1
    # killed and wounded are two harms of one event, with one perpetrator
    ms = find_harm_mentions(segment("Five were killed and 20 wounded by Israeli fire."),
                            side_terms=SIDES)
    assert [(m.trigger, m.perpetrator) for m in ms] == [("killed", "Israeli"),
                                                        ("wounded", "Israeli")]


def test_plain_mapping_and_codebook_agree_on_the_perpetrator():
    text = "Hamas's attack killed more than 1,000 Israelis."
    a = _one(text)
    b = _one(text, sides=CB.side_terms, opponents=CB.opponents)
    assert (a.perpetrator, a.perpetrator_side) == (b.perpetrator, b.perpetrator_side) == \
        ("Hamas", "palestine")


def test_record_keys():
    d = _one("Hamas killed 1,200 people.").to_dict()
    for key in ("perpetrator", "perpetrator_start", "perpetrator_end", "perpetrator_side",
                "perpetrator_rule", "cause", "victim_side_rule"):
        assert key in d


def test_no_harm_word_no_mention():
    assert find_harm_mentions(segment("Hamas and Israel met in Cairo for talks."),
                              side_terms=SIDES) == []


@pytest.mark.parametrize("body, line, problem", [
    ("transitive_verbs:\n  kill: {type: killing, base: kill, s: kills, past: killed}\n", 2,
     "verb 'kill' has no 'pp'"),
    ("nouns:\n  - {type: death}\n", 2, "an entry of nouns has no 'tokens'"),
    ("grammar:\n  be_forms: was\n", 2, "grammar class 'be_forms' must be a list of words"),
    ("verbs: []\n", 1, "unknown section 'verbs'"),
    ("nouns: [\n", 2, "not valid YAML"),
    # YAML reads an unquoted on/no as a boolean: the word would be lost
    ("grammar:\n  determiners: [the,\n    no]\n", 3,
     "'no' is read as a YAML boolean; write it in quotes"),
])
def test_a_bad_harm_lexicon_is_refused_with_file_and_line(tmp_path, body, line, problem):
    from mediakit.metrics.framing import load_harm_lexicon
    path = tmp_path / "lexicon.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        load_harm_lexicon(path)
    assert err.value.path == str(path) and err.value.row == line
    assert problem in err.value.problem


def test_weapon_parameter_is_declared_checked_and_parsed():
    import argparse

    from mediakit import Analyzer
    from mediakit.cli.main import add_analysis_options
    from mediakit.errors import ParameterError

    assert Analyzer().get_params()["weapon_counts_as_named"] is False
    parser = argparse.ArgumentParser()
    add_analysis_options(parser)
    assert parser.parse_args([]).weapon_counts_as_named is False
    assert parser.parse_args(["--weapon-counts-as-named"]).weapon_counts_as_named is True
    assert parser.parse_args(["--no-weapon-counts-as-named"]).weapon_counts_as_named is False
    with pytest.raises(ParameterError, match="weapon_counts_as_named must be true or false"):
        Analyzer(weapon_counts_as_named="yes").validate()
    rec = Analyzer(weapon_counts_as_named=True).analyze(
        "An airstrike killed five people in Gaza.").to_dict()
    assert rec["framing"]["perpetrator_named"] == 1
    assert rec["provenance"]["parameters"]["weapon_counts_as_named"] is True


# ------------------------------------------------ issue 13: war reporting in general

def _cb(text: str, trigger: str | None = None):
    return _one(text, sides=CB.side_terms, trigger=trigger, opponents=CB.opponents)


@pytest.mark.parametrize("text, perp, side, rule", [
    # the other party of an engagement (actor context "with")
    ("Four Palestinians were killed in clashes with Israeli troops.", "Israeli troops",
     "israel", "perpetrator.named_after"),
    # a claim of responsibility and blame (actor context "responsible")
    # (the agent of "killed" is the bombing, the rocket: Hamas is named before it)
    ("Hamas claimed responsibility for the bombing that killed three Israelis.", "Hamas",
     "palestine", "perpetrator.named_before"),
    ("Residents blamed Hamas for the rocket that killed two children.", "Hamas",
     "palestine", "perpetrator.named_before"),
    # an actor noun from a side term takes its side
    ("Fighters from Gaza stormed the kibbutz, killing 20 residents.", "Fighters from Gaza",
     "palestine", "perpetrator.agent"),
    # "continues to" before an action verb
    ("Israel continues to pound Gaza, killing dozens of civilians.", "Israel", "israel",
     "perpetrator.named_before"),
])
def test_general_war_reporting_constructions(text, perp, side, rule):
    m = _one(text)
    assert (m.perpetrator, m.perpetrator_side, m.perpetrator_rule) == (perp, side, rule)


def test_a_war_is_no_engagement():
    # "a war with Israel" names a party, not who killed ("war" is no engagement noun)
    m = _one("Two men were killed on the border amid fears of a war with Israel.")
    assert m.perpetrator is None


def test_the_antecedent_of_which_is_before_the_comma():
    # the relative clause takes its own agent, not the main clause's subject
    m = _one("The kibbutz was caught up in the violence, which has killed 1,400 Israelis.")
    assert (m.agent, m.perpetrator) == ("the violence", None)
    m = _one("The strike on the school, which officials said killed 30 people, was "
             "carried out by Israeli jets.")
    assert (m.agent, m.perpetrator, m.perpetrator_side) == (
        "The strike on the school", "Israeli jets", "israel")
    m = _one("Hamas launched the assault, which killed 1,200 people.")
    assert (m.agent, m.perpetrator, m.perpetrator_rule) == (
        "the assault", "Hamas", "perpetrator.named_before")


def test_the_source_of_a_report_is_no_victim_and_decides_last():
    # "said" right after the side (over "Health Ministry"): its own dead
    m = _cb("The Gaza Health Ministry said 500 people had been killed.")
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.source")
    # the victims named as the source's adversaries: its one opponent
    m = _cb("Israel says the strikes have killed many militants.")
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.source")
    # an army's own soldiers, before the place
    m = _cb("The Israeli military said two soldiers were killed in fighting inside Gaza.")
    assert (m.victim_side, m.victim_side_rule) == ("israel", "side.source")
    # "Israel says" is a source; the place decides
    m = _cb("Israel says 30 people were killed in Rafah.")
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.named_in_sentence")
    # punctuation between: "in Gaza, said" is a place, not a source
    m = _cb("Twenty people were killed, a doctor in Gaza, said.")
    assert m.victim_side_rule == "side.named_in_sentence"


def test_victim_phrase_sides():
    # a side before a cause noun in the victims phrase is the perpetrator
    m = _cb("In Israel, survivors of the Hamas massacre were killed.", trigger="killed")
    assert m.victim_side == "israel"
    # dual nationality: the side that is a party to a conflict
    m = _cb("An Israeli-Canadian woman was killed at the festival.")
    assert (m.victim_side, m.victim_side_rule) == ("israel", "side.victims_phrase")
    # two people of two sides are both
    m = _cb("A Canadian and an Israeli were killed at the festival.")
    assert m.victim_side == "both"


def test_the_perpetrators_opponent_among_named_sides():
    # a U.N. school and Jabalia are both named; the Israeli strike's one opponent wins
    m = _cb("Thirty people were killed in an Israeli strike on a U.N. school in Jabalia.")
    assert (m.victim_side, m.perpetrator_side) == ("palestine", "israel")
    # a side named only as a doer: the opponent rule decides ("when Israel struck")
    m = _cb("Seventy people were killed when Israel struck cars on the road.")
    assert (m.victim_side, m.victim_side_rule) == ("palestine",
                                                   "side.opponent_of_perpetrator")
    # a place inside the agent is not the doer
    m = _cb("A strike in the Jabaliya refugee camp killed 45 people.")
    assert (m.victim_side, m.perpetrator) == ("palestine", None)


def test_an_unsided_actor_takes_the_opponent_of_a_named_place():
    m = _cb("In the kibbutz, militants killed around 30 residents.")
    assert (m.perpetrator, m.perpetrator_side, m.perpetrator_rule) == (
        "militants", "palestine", "perpetrator.agent_opponent")
    assert m.victim_side == "israel"


@pytest.mark.parametrize("text, triggers", [
    ("Hamas killed 1,200 people, the highest death toll in decades.", ["killed"]),
    ("The death toll, 1,200 dead, is the highest in decades.", ["death toll"]),
    ("Sixty displaced Palestinians were killed in the school.", ["killed"]),
    ("Displaced families were killed in the strike.", ["killed"]),
    # two harms stay two
    ("Two soldiers were killed, and the death toll rose to 40.", ["killed", "death toll"]),
    ("Strikes displaced thousands and killed 40.", ["displaced", "killed"]),
])
def test_one_mention_per_event_apposition_and_adjectives(text, triggers):
    assert [m.trigger for m in find_harm_mentions(segment(text), side_terms=SIDES)] == \
        triggers


@pytest.mark.parametrize("text, perp, side", [
    # "due to", "as a result of" name the cause's actor
    ("Patients die due to Israeli forces occupying the hospital.", "Israeli forces", "israel"),
    # an actor noun "of" a side term, and a side term inside the actor phrase
    ("Air strikes by the government of Israel killed 12 people.",
     "the government of Israel", "israel"),
    ("Two were killed as a result of the Hamas militant group's attack.",
     "the Hamas militant group", "palestine"),
    # a reporting parenthetical between the subject and its verb
    ("Israel's war, local authorities say, has killed 8,800 Palestinians.", "Israel",
     "israel"),
    # blame ... on
    ("Officials blame civilian deaths on Hamas.", "Hamas", "palestine"),
])
def test_causes_and_actor_phrases(text, perp, side):
    m = _one(text, trigger=None) if len(find_harm_mentions(segment(text), side_terms=SIDES)) \
        == 1 else _one(text, trigger="killed")
    assert (m.perpetrator, m.perpetrator_side) == (perp, side)


def test_a_perpetrators_territory_is_not_the_victims_place():
    # "the group that rules Gaza": Gaza is the perpetrator's territory, so the
    # opponent rule decides
    m = _cb("Twelve people were killed in an attack by the group that rules Gaza.")
    assert (m.perpetrator, m.perpetrator_side) == ("the group", "palestine")
    assert (m.victim_side, m.victim_side_rule) == ("israel", "side.opponent_of_perpetrator")


def test_the_packaged_lexicon_keeps_on_and_no():
    from mediakit.metrics.framing import load_harm_lexicon
    g = load_harm_lexicon().g
    assert "on" in g["locative_prepositions"] and "no" in g["determiners"]
    assert "true" not in g["locative_prepositions"] and "false" not in g["determiners"]
    # "an attack on Israel that killed": Israel is the target, not the doer
    m = _cb("They were taken during an attack on Israel that also killed 1,200 people.",
            trigger="killed")
    assert m.perpetrator_side != "israel"


def test_a_subject_pronoun_makes_a_bare_past_form_active():
    # with "on" read as a word again, "killed on Sunday" has no object: a reduced
    # passive ("People killed on the street"), unless a subject pronoun stands before
    m = _one("People killed on the street were buried on Sunday.")
    assert (m.construction, m.rule) == ("passive_agentless", "verb.reduced_passive")
    m = _one("They mourned the civilians it slaughtered on Oct. 7.")
    assert (m.construction, m.rule, m.agent) == ("active_agent",
                                                 "verb.active_pronoun_subject", "it")


@pytest.mark.parametrize("text, trigger, side, rule", [
    # an attack's name before a cause noun: the codebook's sides.palestine.attacks
    ("Israel went to war after the Oct. 7 attacks, in which hundreds of Israelis were "
     "killed.", "killed", "palestine", "perpetrator.attack_name"),
    # after a cause noun and "on", inside the agent
    ("Israel vowed revenge for the rampage on October 7 that killed 300 people.", "killed",
     "palestine", "perpetrator.agent"),
    # after a harm verb and "on"
    ("Israeli officials say 900 were killed on Oct. 7.", "killed", "palestine",
     "perpetrator.attack_name"),
])
def test_a_named_attack_names_its_side(text, trigger, side, rule):
    m = _one(text, sides=CB.side_terms, trigger=trigger, opponents=CB.opponents,
             attacks=CB.attacks)
    assert (m.perpetrator_side, m.perpetrator_rule) == (side, rule)
    assert m.perpetrator in ("Oct. 7", "October 7")


@pytest.mark.parametrize("text", [
    # "since" the attack is a time, not the cause
    "Ten journalists have been killed in Lebanon since the Oct. 7 attack on Israel.",
    # no side of the attack's dyad is named: the date alone names no one
    "Two villagers in Sudan were killed on Oct. 7.",
])
def test_an_attack_name_as_a_time_names_no_one(text):
    m = _one(text, sides=CB.side_terms, trigger="killed", opponents=CB.opponents,
             attacks=CB.attacks)
    assert (m.perpetrator, m.perpetrator_side, m.perpetrator_rule) == (None, None, None)


def test_codebook_attacks_are_no_side_terms():
    ok = parse_codebook("version: 1\nroles: {civilian: people}\nsides:\n  a:\n"
                        "    terms: [Ay]\n    attacks: [Day One]\n", "cb.yaml")
    assert ok.attacks == {"a": ("Day One",)}
    assert "Day One" not in ok.side_terms["a"]


@pytest.mark.parametrize("text, agent", [
    # the subordinate clause before the participial clause does the harm, not the main
    # clause's subject (agent.clause_subject)
    ("Israel sealed the border after Hamas fighters crossed the fence on Oct. 7, killing "
     "dozens of residents.", "Hamas fighters"),
    # the antecedent of a relative clause before the participial clause
    ("Soldiers were caught off guard by the militants who stormed the base at dawn, "
     "killing six.", "the militants"),
    # no clause between: the main clause's subject, as before
    ("Israeli jets struck the camp, killing 12 people.", "Israeli jets"),
])
def test_a_participial_clause_takes_the_nearest_clause_subject(text, agent):
    m = _one(text, trigger="killing")
    assert m.agent == agent


def test_victim_terms_place_the_victims_and_give_the_actor_its_opponent():
    kw = {"opponents": CB.opponents, "victim_terms": CB.victim_terms}
    # no side term in the victims phrase: "hostages" is one of israel's victim_terms
    m = _one("Air strikes have killed about 20 of the hostages.", sides=CB.side_terms,
             trigger="killed", **kw)
    assert (m.victim_side, m.victim_side_rule) == ("israel", "side.victim_term")
    # the actor without a side then takes the victims' one opponent
    m = _one("The gunmen shot dozens of revelers at the dance party.", sides=CB.side_terms,
             **kw)
    assert (m.victim_side, m.perpetrator_side, m.perpetrator_rule) == (
        "israel", "palestine", "perpetrator.agent_opponent")
    # a side term in the victims phrase comes first
    m = _one("Two Palestinian captives died in custody.", sides=CB.side_terms, **kw)
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.victims_phrase")
    # victim terms are no side terms: a speaker's side is not read from them
    assert "hostages" not in CB.side_terms["israel"]
    # a harm noun that is a victim term names its own victims, over a place nearby
    m = _one("Qatar is mediating talks on the release of hostages held in Gaza.",
             sides=CB.side_terms, trigger="hostages", **kw)
    assert (m.victim_side, m.victim_side_rule) == ("israel", "side.victim_term")


def test_palestine_is_a_side_term():
    m = _cb("Five people were killed in Palestine on Monday.")
    assert m.victim_side == "palestine"


@pytest.mark.parametrize("text, perp, side", [
    # a side reports that its strike killed its adversaries: it claims the harm
    ("The Israeli military said the drone strike killed five militants near Jenin.",
     "the drone strike", "israel"),
    # "the army said it": the one opponent of the victims' side
    ("The army said it killed two Hamas commanders overnight.", "it", "israel"),
    ("Ukraine says the missile strike killed dozens of Russian soldiers.",
     "the missile strike", "ukraine"),
])
def test_a_source_claims_the_harm_to_its_adversaries(text, perp, side):
    m = _cb(text, trigger="killed")
    assert (m.perpetrator, m.perpetrator_side) == (perp, side)
    assert m.perpetrator_rule == "perpetrator.source_claim"


@pytest.mark.parametrize("text", [
    # its own soldiers: no claim
    "An Israeli soldier was killed by a roadside bomb, the military said.",
    # the victims are not named as adversaries
    "The Gaza Health Ministry said the strike killed 16 people in the church.",
])
def test_no_claim_without_adversaries(text):
    m = _cb(text, trigger="killed")
    assert m.perpetrator_rule != "perpetrator.source_claim"
    assert m.perpetrator_side is None


def test_the_by_phrase_of_a_report_is_its_source():
    # "reported by" names who counts the dead, not who killed them
    m = _cb("The 2,000 deaths reported by the Gaza Health Ministry shocked the world.",
            trigger="deaths")
    assert m.perpetrator is None


def test_the_premodifier_of_an_agentive_noun_is_no_victim():
    # "the Hamas massacre": Hamas did it; the victims' side comes from elsewhere
    m = _cb("In Israel, the families of the Hamas massacre mourn.", trigger="massacre")
    assert (m.perpetrator_side, m.victim_side) == ("palestine", "israel")


@pytest.mark.parametrize("text, side", [
    # "from" a place after any other verb is where people came from, not a perpetrator
    ("A strike in Rafah killed five people who had fled from Gaza City.", "palestine"),
    # after an action verb or perpetrator noun it still names the doer's side
    ("Two Israelis were killed by rockets fired from Gaza.", "israel"),
])
def test_from_a_place_is_a_perpetrator_context_only_after_a_doer(text, side):
    m = _cb(text, trigger="killed")
    assert m.victim_side == side


def test_sides_in_the_agent_phrase_besides_the_perpetrator_are_named():
    # the agent phrase of "killing" runs over "bombing Gaza": Gaza is no doer
    m = _cb("Israel must stop bombing Gaza and killing civilians, the minister said.",
            trigger="killing")
    assert (m.perpetrator_side, m.victim_side) == ("israel", "palestine")


@pytest.mark.parametrize("text, side", [
    # a third party that reports or comments (no opponents, not a place) gives way to
    # a party to the conflict named in the sentence
    ("Gaza's hospitals are full, and a child is killed there every hour, a Canadian "
     "surgeon told reporters.", "palestine"),
    # as a place it still decides
    ("Two Israelis were among the dead in the attack in Beirut.", "israel"),
    ("A drone strike killed three people in Beirut, Israeli officials said.", "other"),
])
def test_third_parties_named_as_people_give_way_to_parties(text, side):
    ms = find_harm_mentions(segment(text), side_terms=CB.side_terms, opponents=CB.opponents)
    assert {m.victim_side for m in ms if m.harm_type in ("death", "killing",
                                                          "casualty_count")} == {side}


def test_a_side_reporting_or_saying_is_a_source():
    # "with Israel reporting that ...": the source, not a place or victim
    m = _cb("The border was quiet, with Israel reporting that a drone had killed two "
            "militants.", trigger="killed")
    assert (m.victim_side, m.perpetrator_side) == ("palestine", "israel")


def test_an_actor_is_not_linked_to_its_victims_side():
    # "the gunmen" would be linked to "Israeli" (the side term in a subject context);
    # its victims are named as Israeli (a victim term): the victims' one opponent did it
    m = _one("Israeli troops were surprised by the gunmen who crossed the fence at dawn, "
             "killing dozens of hostages.", sides=CB.side_terms, trigger="killing",
             opponents=CB.opponents, victim_terms=CB.victim_terms)
    assert (m.perpetrator, m.perpetrator_side, m.perpetrator_rule) == (
        "the gunmen", "palestine", "perpetrator.agent_opponent")


@pytest.mark.parametrize("text", [
    "Hamas's Oct. 7, 2023, attack killed some 1,200 people.",
    "Hamas's October 7, attack killed some 1,200 people.",
])
def test_a_date_with_commas_between_the_side_and_the_cause(text):
    # the side term modifies the cause over the date's commas (actor context modifier)
    m = _one(text, sides=CB.side_terms, trigger="killed", opponents=CB.opponents)
    assert (m.perpetrator, m.perpetrator_side, m.victim_side) == ("Hamas", "palestine",
                                                                  "israel")


def test_the_relative_clause_over_a_reporting_clause_takes_its_antecedent():
    # "Hamas, which officials say killed": Hamas did it, not the main clause's subject
    m = _cb("The envoy pledged arms to Israel for its fight against Hamas, which Israeli "
            "officials say killed 1,200 people.", trigger="killed")
    assert (m.perpetrator, m.perpetrator_side, m.agent) == ("Hamas", "palestine", None)


def test_gaza_hospitals_are_places():
    m = _cb("Doctors said four patients died at Nasser Hospital overnight.", trigger="died")
    assert (m.victim_side, m.victim_side_rule) == ("palestine", "side.named_in_sentence")


def test_the_festival_site_is_an_israeli_place():
    m = _cb("Dozens of young people were killed at the Nova music festival.",
            trigger="killed")
    assert m.victim_side == "israel"


@pytest.mark.parametrize("text, side", [
    # a border names where it runs, not whose victims they are
    ("Gunmen breached the Gaza border fence and killed 40 villagers, Israeli officials "
     "said.", "israel"),
    ("Two farmers were killed near the border with Israel, Lebanese media said.", "other"),
])
def test_a_border_is_no_victims_side(text, side):
    m = _cb(text, trigger="killed")
    assert m.victim_side == side


def test_a_faction_is_an_actor():
    m = _cb("Members of the armed faction stormed the town, killing dozens of Israelis.",
            trigger="killing")
    assert (m.perpetrator_side, m.perpetrator_rule) == ("palestine",
                                                        "perpetrator.agent_opponent")


def test_an_adverb_of_frequency_before_a_participial_clause():
    # "often" is skipped: the main clause's subject does the harm
    m = _cb("Israeli jets pounded the camp for hours, often killing whole families.",
            trigger="killing")
    assert (m.perpetrator_side, m.agent_rule) == ("israel", "agent.main_clause_subject")


def test_the_main_clause_subject_before_an_appositive():
    m = _cb("One settler, an off-duty reservist, opened fire, killing a Palestinian farmer.",
            trigger="killing")
    assert (m.agent, m.perpetrator_side, m.victim_side) == ("One settler", "israel",
                                                            "palestine")


def test_the_enclave_is_a_palestinian_place():
    m = _cb("Medics said dozens were killed overnight across the enclave.", trigger="killed")
    assert m.victim_side == "palestine"
