"""Speaker mentions and source spans by the annotation convention (issue 12, point 3):
each known bug with the sentence that showed it (expected values worked out by hand)."""

from __future__ import annotations

import pytest

from mediakit.extract.attribution import extract_attributions
from mediakit.text import segment


def _spans(text: str) -> list[tuple]:
    return [(a.speaker_mention, text[a.source_start:a.source_end], a.speaker, a.text)
            for a in extract_attributions(segment(text))]


@pytest.mark.parametrize(("text", "expected"), [
    # A name ending in -ly is not an adverb.
    ("Professor Anna Beverly said the results were clear.",
     ("Professor Anna Beverly", "Professor Anna Beverly", "Anna Beverly",
      "the results were clear")),
    # "May" after a name or an honorific is a name, not the month or a modal.
    ("Ms. May said the deal was done.", ("Ms. May", "Ms. May", "May", "the deal was done")),
    ("Theresa May said the deal was done.",
     ("Theresa May", "Theresa May", "Theresa May", "the deal was done")),
    ('"Rents matter," Connolly said.',
     ("Connolly", "Connolly", "Connolly", "Rents matter")),
    # "state" before a title after a quotation is a modifier, not a cue.
    ('"The rules are clear," state Sen. Ana Ruiz said.',
     ("state Sen. Ana Ruiz", "state Sen. Ana Ruiz", "Ana Ruiz", "The rules are clear")),
    # A zero-width space after a name is a blank; the offsets still index the text.
    ("Ana Ruiz\u200b said the clinic was full.",
     ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "the clinic was full")),
    # The subject of a subordinate clause, not the main clause before it.
    ("The vote came after the mayor said the budget was balanced.",
     ("the mayor", "the mayor", "the mayor", "the budget was balanced")),
    # A trailing affiliation: the mention stops at the name, the source keeps it.
    ("Ana Ruiz with the health authority says the clinic is full.",
     ("Ana Ruiz", "Ana Ruiz with the health authority", "Ana Ruiz", "the clinic is full")),
    # A trailing time adverbial is in neither.
    ("The director in May said the plant would close.",
     ("The director", "The director", "the director", "the plant would close")),
    ("Mayor Lena Ortiz on Tuesday said the library would stay open.",
     ("Mayor Lena Ortiz", "Mayor Lena Ortiz", "Lena Ortiz", "the library would stay open")),
    # An apposition is in the source span (PolNeAR's convention), not in the mention.
    ("Dan Hale, an analyst at Northgate Capital, said shares would fall.",
     ("Dan Hale", "Dan Hale, an analyst at Northgate Capital", "Dan Hale",
      "shares would fall")),
    # The subject stops at its own predicate; a participle after a possessive is not one.
    ("Clinton visited Ohio and said the plan would fail.",
     ("Clinton", "Clinton", "Clinton", "the plan would fail")),
    ("According to the UN's integrated office, the camp holds 3,000 people.",
     ("the UN's integrated office", "the UN's integrated office", "UN's integrated office",
      "the camp holds 3,000 people")),
    # A pronoun after a comma takes no description: the words before it are an adverbial
    # or the content, in neither span.
    ("A few minutes later, he said the vote was over.",
     ("he", "he", None, "the vote was over")),
    # A news agency's dateline is not part of the speaker.
    ("WASHINGTON (Reuters) \u2013 Senator Ana Ruiz said on Friday the bill would pass.",
     ("Senator Ana Ruiz", "Senator Ana Ruiz", "Ana Ruiz", "on Friday the bill would pass")),
    # An inverted tag's apposition goes on over a second description and a state.
    ('"We will win," said Roger Altman, founder of Evercore, a boutique bank.',
     ("Roger Altman", "Roger Altman, founder of Evercore, a boutique bank", "Roger Altman",
      "We will win")),
    ('"We will win," said Gavin Hamilton, 23, a student from Fresno, Calif.',
     ("Gavin Hamilton", "Gavin Hamilton, 23, a student from Fresno, Calif", "Gavin Hamilton",
      "We will win")),
    # A cue word used as a noun inside the apposition does not end it.
    ('"Rents will rise," said Mara Lind, an economist at a liberal think tank.',
     ("Mara Lind", "Mara Lind, an economist at a liberal think tank", "Mara Lind",
      "Rents will rise")),
    # A description stops before a relative clause holding a cue of its own.
    ('"It is late," said Ana Ruiz, a nurse at the clinic who has accused the board of '
     'neglect.',
     ("Ana Ruiz", "Ana Ruiz, a nurse at the clinic", "Ana Ruiz", "It is late")),
    # A US state's abbreviation does not end the description or the parenthesis.
    ('"Prices will fall," said Ana Ruiz, a broker in Tampa, Fla., who sells farmland.',
     ("Ana Ruiz", "Ana Ruiz, a broker in Tampa, Fla., who sells farmland", "Ana Ruiz",
      "Prices will fall")),
    ('"The bill is weak," said Sen. Dan Hale (D-Conn.), who voted against it.',
     ("Sen. Dan Hale", "Sen. Dan Hale (D-Conn.), who voted against it", "Dan Hale",
      "The bill is weak")),
    # A description dated by "then" is an apposition too.
    ('"We had no choice," said Omar Tefera, then head of the port authority.',
     ("Omar Tefera", "Omar Tefera, then head of the port authority", "Omar Tefera",
      "We had no choice")),
    # A cue word used as a noun right before the cue ends the subject, not the clause.
    ("Housing advocates also said the rules came too late.",
     ("Housing advocates", "Housing advocates", "Housing advocates",
      "the rules came too late")),
    # "shot back" is the predicate; "soon" and a closing "both" are not in the source.
    ("Ortiz shot back in a statement, saying the audit was flawed.",
     ("Ortiz", "Ortiz", "Ortiz", "the audit was flawed")),
    ("Auditors soon noted that the accounts were short.",
     ("Auditors", "Auditors", "Auditors", "the accounts were short")),
    # The subject stops at its own predicate after a common noun or an adverb too.
    ("The harbour master lent his voice to the appeal, saying the ferry would sail.",
     ("The harbour master", "The harbour master", "the harbour master",
      "the ferry would sail")),
    ("Tefera quietly left the hall and said the vote was rigged.",
     ("Tefera", "Tefera", "Tefera", "the vote was rigged")),
    # A subordinate clause's own subject, after a clause ("as they", "after Lind").
    ("The crowd cheered as the organisers announced that the march would go ahead.",
     ("the organisers", "the organisers", "the organisers", "the march would go ahead")),
    ("The vote comes two days after Lind said she would resign.",
     ("Lind", "Lind", "Lind", "she would resign")),
    # A chunk naming members of the speaker ("including", "along with") is in the source.
    ("Three unions, including the nurses' union, said the offer was too low.",
     ("Three unions", "Three unions, including the nurses' union", "three unions",
      "the offer was too low")),
    ("Ortiz, along with two other council members, said the vote was rigged.",
     ("Ortiz", "Ortiz, along with two other council members", "Ortiz",
      "the vote was rigged")),
    ("Mr. Tefera, now a paid adviser to the board, said the deal was fair.",
     ("Mr. Tefera", "Mr. Tefera, now a paid adviser to the board", "Tefera",
      "the deal was fair")),
    # A participle after a noun is a modifier, not a tag closing content before it.
    ("Rep. Ana Ruiz (Mich.), a delegate supporting Lind, said she would vote against it.",
     ("Rep. Ana Ruiz", "Rep. Ana Ruiz (Mich.), a delegate supporting Lind", "Ana Ruiz",
      "she would vote against it")),
    # A leading time phrase or participial clause is in neither span.
    ("The day after the vote, Mayor Lena Ortiz said the count was fair.",
     ("Mayor Lena Ortiz", "Mayor Lena Ortiz", "Lena Ortiz", "the count was fair")),
    ("Backed by the unions, the council said the strike would go on.",
     ("the council", "the council", "the council", "the strike would go on")),
    # An adverb between the speaker and the cue is in neither span.
    ("The budget office now says the deficit will grow.",
     ("The budget office", "The budget office", "the budget office", "the deficit will grow")),
    # A state after a city in a prepositional phrase is not the speaker's apposition.
    ("At a rally in Davenport, Iowa, the Republican candidate said he would win.",
     ("the Republican candidate", "the Republican candidate", "the Republican candidate",
      "he would win")),
    # A speaker never crosses a sentence break.
    ("The report appeared in the Times. But the company said the figures were wrong.",
     ("the company", "the company", "the company", "the figures were wrong")),
    # A party and state in parentheses before the cue: the name before them is the
    # speaker, the parenthesis is in the source span (a PolNeAR dev article).
    ('"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said '
     'after the vote.',
     ("panel Chairman Rep. Jason Chaffetz", "panel Chairman Rep. Jason Chaffetz (R-Utah)",
      "Jason Chaffetz", "Subpoenas are not optional")),
    # "Del." (Delegate) is a title and an abbreviation, not the speaker's name.
    ('"This is a waste of time," said Del. Stacey Plaskett.',
     ("Del. Stacey Plaskett", "Del. Stacey Plaskett", "Stacey Plaskett",
      "This is a waste of time")),
])
def test_speaker_mention_and_source_span(text, expected):
    assert _spans(text) == [expected]


def test_participle_modifier_before_to_stays_in_the_subject():
    got = _spans("The panel devoted to housing said rents would rise.")
    assert [(m, src, content) for m, src, _, content in got] == [
        ("The panel devoted to housing", "The panel devoted to housing", "rents would rise")]


def test_as_well_as_joins_two_speakers():
    got = _spans("Ortiz as well as Tefera said the port would reopen.")
    assert [(m, src, content) for m, src, _, content in got] == [
        ("Ortiz as well as Tefera", "Ortiz as well as Tefera", "the port would reopen")]


def test_tag_with_a_colon_closing_the_paragraph_before_the_quotation():
    text = ('The mayor spoke at noon.\n\nDeputy Mayor Ana Ruiz said:\n\n'
            '"We will rebuild the bridge."')
    got = [(a.rule, a.speaker, a.cue, a.text) for a in extract_attributions(segment(text))]
    assert got == [("quote.before_speaker_said", "Ana Ruiz", "said", "We will rebuild the bridge")]


def test_participle_after_a_comma_is_no_inverted_tag():
    # ", offering his thoughts": the object is no speaker of the clause before the comma.
    text = "The farmer stood beside the mayor, offering his thoughts on the new dam."
    assert [a for a in extract_attributions(segment(text))
            if a.rule == "indirect.content_said_speaker"] == []


@pytest.mark.parametrize("text", [
    'The plan is simple: "Nobody leaves before noon."',  # a common noun is no source
    'UPDATE: "The road is open again."',  # a label in capitals
])
def test_no_colon_source(text):
    assert [a for a in extract_attributions(segment(text))
            if a.rule == "quote.colon_source"] == []


def test_quoted_phrase_running_on_is_not_closed_for_a_tag():
    # '"read as equal" to an order': the words after the marks go on with the sentence;
    # they are no speaker of the quoted phrase.
    text = ('In an interview, Ortiz denied that he had given anything that could be "read as '
            'equal" to an order to stand down.')
    got = [(a.rule, a.speaker_mention, a.text) for a in extract_attributions(segment(text))]
    assert got == [("indirect.speaker_said", "Ortiz", 'he had given anything that could be '
                    '"read as equal" to an order to stand down')]
    # A tag right after an unpunctuated quotation still frames it.
    got = [(a.rule, a.speaker) for a in extract_attributions(segment('"We will win" Ortiz said.'))]
    assert got == [("quote.after_speaker_said", "Ortiz")]


def test_common_cue_word_in_a_prepositional_phrase_closes_no_content():
    text = "The group spent heavily on radio, targeting voters in swing states."
    assert [a for a in extract_attributions(segment(text))
            if a.rule == "indirect.content_speaker_said"] == []
    got = [(a.rule, a.speaker_mention) for a in extract_attributions(
        segment("The budget is balanced, the report states."))]
    assert got == [("indirect.content_speaker_said", "the report")]


def test_participle_after_a_quotation_is_no_inverted_tag():
    # '"...," referring to ...': the object of the participle does not speak.
    text = 'Ortiz said the count "should be over by Friday," referring to the court deadline.'
    got = [(a.rule, a.speaker) for a in extract_attributions(segment(text))]
    assert got == [("indirect.speaker_said", "Ortiz")]


def test_subordinate_clause_after_the_comma_is_no_apposition():
    got = _spans("Ortiz leads by ten points, according to the county tally, although Lind is "
                 "gaining.")
    assert [(src, content) for _, src, _, content in got] == [
        ("the county tally", "Ortiz leads by ten points")]


def test_closing_both_is_not_in_the_source():
    got = _spans("Lind and Tefera both said the port would reopen.")
    assert [(m, src, content) for m, src, _, content in got] == [
        ("Lind and Tefera", "Lind and Tefera", "the port would reopen")]


def test_relative_clause_with_its_own_cue():
    # ", who on Monday backed X," is an attribution of its own (source "who"); the main
    # clause's source stops before it, as a word belongs to one attribution only.
    text = "Mayor Ortiz, who on Monday endorsed Lind, said the vote would be close."
    got = [(a.rule, a.speaker, text[a.source_start:a.source_end], a.text)
           for a in extract_attributions(segment(text))]
    assert got == [
        ("indirect.stance_object", "Ortiz", "who", "Lind"),
        ("indirect.speaker_said", "Ortiz", "Mayor Ortiz", "the vote would be close"),
    ]


def test_speaker_offsets_are_in_the_record():
    from mediakit.metrics.sources import analyze_sources

    text = "Dan Hale, an analyst at Northgate Capital, said shares would fall."
    rec = analyze_sources(segment(text)).to_dict()["attributions"][0]
    assert (rec["speaker_start"], rec["speaker_end"]) == (0, 8)
    assert text[rec["speaker_start"]:rec["speaker_end"]] == "Dan Hale"
    assert (rec["cue_type"], rec["cue_lemma"]) == ("speech", "say")


@pytest.mark.parametrize(("text", "expected"), [
    # A stance cue with a noun-phrase object: the object is the content.
    ("The mayor praised the governor on Tuesday.",
     ("the mayor", "praised", "stance", "indirect.stance_object", "the governor on Tuesday")),
    ("Clinton attacked Trump.",
     ("Clinton", "attacked", "stance", "indirect.stance_object", "Trump")),
    # A refusal to speak about something is kept, typed negated.
    ("Sanders declined to say whether the plan would pass.",
     ("Sanders", "declined", "negated", "indirect.stance_object",
      "to say whether the plan would pass")),
    # An intention with an object; the object stops at the comma.
    ("The senator wants a recount, her aides said.",
     ("the senator", "wants", "intention", "indirect.intention_object", "a recount")),
])
def test_cue_with_an_object(text, expected):
    got = [(a.speaker, a.cue, a.cue_type, a.rule, a.text)
           for a in extract_attributions(segment(text)) if a.rule.endswith("_object")]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # A speech cue of [speech_objects] takes its noun-phrase object as content.
    ("The council leader never mentioned the flood barrier.",
     ("the council leader", "mentioned", "negated", "the flood barrier")),
    ("Ortiz proposed a cap on rents, her office said.",
     ("Ortiz", "proposed", "speech", "a cap on rents")),
    ("The mayor called the plan a disgrace.",
     ("the mayor", "called", "speech", "the plan a disgrace")),
])
def test_speech_cue_with_an_object(text, expected):
    got = [(a.speaker, a.cue_head or a.cue, a.cue_type, a.text)
           for a in extract_attributions(segment(text)) if a.rule == "indirect.speech_object"]
    assert got == [expected]


@pytest.mark.parametrize("text", [
    "The minister promised to rebuild the bridge.",  # an infinitive: the intention rules
    "The fault revealed itself at dawn.",  # a reflexive is no content
    "The mayor said nothing and released a video.",  # "release" is not in the list
    "A group called Safe Streets said the plan would fail.",  # "called" names the group
    # The act reported by a later tag is that tag's content.
    "The delegation proposed a truce, according to two officials.",
])
def test_no_speech_object(text):
    assert [a for a in extract_attributions(segment(text))
            if a.rule == "indirect.speech_object"] == []


@pytest.mark.parametrize("text", [
    "Clinton backed away from the plan.",  # a particle: another verb
    "The rebels attacked the town at dawn.",  # a strict cue takes a person as object
    "The hospital declined to comment.",  # a bare refusal reports no content
    "Groups like the union were there.",  # "like" is no cue here
    "The super PAC supporting Bush spent heavily.",  # a participle modifier
])
def test_no_object_attribution(text):
    assert [a for a in extract_attributions(segment(text))
            if (a.rule or "").endswith("_object")] == []


@pytest.mark.parametrize(("text", "expected"), [
    # A belief's clause without "that" may open with a name.
    ("Matthew Ruiz thinks Clinton will win the state.",
     ("Matthew Ruiz", "thinks", "belief", "Clinton will win the state")),
    # A belief's wh-clause is its content.
    ("Neither party knows which candidate the ruling helps.",
     ("Neither party", "knows", "belief", "which candidate the ruling helps")),
    # "see X as Y": a belief about X.
    ("Most voters see Clinton as the stronger candidate.",
     ("most voters", "see", "belief", "Clinton as the stronger candidate")),
])
def test_belief_without_that(text, expected):
    got = [(a.speaker, a.cue, a.cue_type, a.text) for a in extract_attributions(segment(text))]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # A progressive cue: "be" is part of the cue; a negation makes it negated.
    ("Sanders is telling voters that the system is rigged.",
     ("Sanders", "is telling", "speech", "the system is rigged")),
    ("The mayor is not saying that the plan failed.",
     ("the mayor", "is not saying", "negated", "the plan failed")),
])
def test_progressive_cue(text, expected):
    got = [(a.speaker, a.cue, a.cue_type, a.text) for a in extract_attributions(segment(text))]
    assert got == [expected]


def test_relative_pronoun_is_the_source():
    # ", who said": the source span is "who" (PolNeAR's convention), the speaker the
    # antecedent; "voters who say": the same for a restrictive clause on a group.
    text = "The delegation was led by Ahmed Nasser, who said the mediators had lied."
    (a,) = extract_attributions(segment(text))
    assert (a.speaker, text[a.source_start:a.source_end], a.speaker_mention) == (
        "Ahmed Nasser", "who", "Ahmed Nasser")
    text = "Voters who say the economy is bad, however, chose the challenger."
    (a,) = extract_attributions(segment(text))
    assert (a.speaker, text[a.source_start:a.source_end], a.rule, a.text) == (
        "Voters", "who", "indirect.relative_source", "the economy is bad")


@pytest.mark.parametrize(("text", "expected"), [
    # A tag after the content: a subordinator or ", and" inside the content is no boundary.
    ("He has spoken at the church since last month, he said.",
     ("he", "said", "He has spoken at the church since last month")),
    ("Hackers broke into 12 workstations, and 10 servers, the report said.",
     ("the report", "said", "Hackers broke into 12 workstations, and 10 servers")),
    # A share of a group is a source.
    ("In Vermont, about half of primary voters said they wanted a change.",
     ("about half of primary voters", "said", "they wanted a change")),
])
def test_tag_final_content_and_shares(text, expected):
    got = [(a.speaker_mention, a.cue, a.text) for a in extract_attributions(segment(text))]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Lawmakers mocked the senator's claim that the judge was biased.",
     ("the senator", "the senator's", "claim", "nominal", "the judge was biased")),
    ("Her criticism of the new toll drew cheers from the crowd.",
     ("Her", "Her", "criticism", "nominal", "the new toll")),
])
def test_nominal_cue(text, expected):
    got = [(a.speaker or a.speaker_mention, text[a.source_start:a.source_end], a.cue,
            a.cue_type, a.text)
           for a in extract_attributions(segment(text)) if a.cue_type == "nominal"]
    assert got == [expected]


def test_relative_that_after_a_statement_noun_is_no_content():
    text = "His statement that was released Monday surprised no one."
    assert [a for a in extract_attributions(segment(text)) if a.cue_type == "nominal"] == []


@pytest.mark.parametrize("text", [
    "The plan: build more homes near the river.\n\nResidents met on Monday.",
    "UPDATE: The meeting was moved.\n\nResidents met on Monday.",
])
def test_colon_without_a_source(text):
    assert [a.rule for a in extract_attributions(segment(text))
            if a.rule.startswith("headline.")] == []


def test_participle_after_a_clause_takes_the_clause_subject():
    # ", noting that": the words before the comma are a clause, not the subject.
    text = "The mayor spoke on Monday, noting that costs had risen."
    got = [(a.speaker_mention, a.cue, a.rule, a.text) for a in extract_attributions(segment(text))]
    assert got == [("The mayor", "noting", "indirect.saying", "costs had risen")]


def test_unresolved_pronouns_are_left_unresolved_and_counted():
    from mediakit.metrics.sources import analyze_sources

    # "He" has no antecedent: no speaker, counted; "She" resolves to Ana Ruiz.
    text = ("He said the plan would fail. Ana Ruiz said the clinic was full. "
            "She said it would close.")
    res = analyze_sources(segment(text))
    assert [a.speaker for a in res.attributions] == [None, "Ana Ruiz", "Ana Ruiz"]
    assert (res.diversity["n_unattributed"], res.diversity["n_unresolved"]) == (1, 1)


@pytest.mark.parametrize("text", [
    "The evidence for the last claim was a video.",  # a cue word as a noun subject
    "The derogatory comments came after the vote.",
    "All told, up to five million people qualify.",  # an idiom
    # an -ed cue word after a preposition or determiner is an adjective
    "The vote went ahead despite repeated warnings from the attorney that it was pointless.",
])
def test_cue_word_in_another_sense(text):
    assert extract_attributions(segment(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # "calls for" after the adjective "repeated" is a noun: the cue is "said"
    ("Turnout fell after repeated calls for a boycott, officials said.",
     [("said", "officials", "Turnout fell after repeated calls for a boycott")]),
    # an adjective after an article is a noun ("the accused", "the wounded"): the cue
    # after it is a statement
    ("The accused told police he acted alone.",
     [("told", "The accused", "he acted alone")]),
    ("The wounded say they waited for hours.",
     [("say", "The wounded", "they waited for hours")]),
    # a cue word's base or -s form after an article or a possessive is a noun
    ('"We need money now," the email said.', [("said", "the email", "We need money now")]),
    ('John Weaver, a strategist, wrote in an email: "This was the worst day."',
     [("wrote", "John Weaver", "This was the worst day")]),
    ('Their chants of "Ted! Ted!" filled the hall.', []),
    # a cue word that needs explicit content, before "of", is a noun
    ("He also won contests in Colorado, Oklahoma and his home state of Vermont.", []),
])
def test_adjectival_cue_word_leaves_the_real_cue(text, expected):
    got = [(a.cue, a.speaker_mention, a.text) for a in extract_attributions(segment(text))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an -ing verb with its object is no speaker noun phrase
    ("Hearing him say it was a shock.", [(None, None, "say", "it was a shock")]),
    # "it" is no source of "appears", "means", "seems"
    ("It appears that the deal is off.", [(None, None, "appears", "the deal is off")]),
])
def test_a_mention_that_is_no_noun_phrase_is_no_speaker(text, expected):
    got = [(a.speaker_mention, a.speaker, a.cue, a.text)
           for a in extract_attributions(segment(text))]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "according to": the source runs to the end of the phrase, the mention is the noun
    # phrase; a clause after a comma is no apposition.
    ("Trump leads by 10 points, according to a national poll taken last week.",
     ("a national poll taken", "a national poll taken last week")),
    ("According to an NBC report at the time, the talks failed.",
     ("an NBC report", "an NBC report at the time")),
    ("Among the precedents, according to Ms. Epstein, are 16 cases.",
     ("Ms. Epstein", "Ms. Epstein")),
])
def test_according_to_source_span(text, expected):
    got = [(a.speaker_mention, text[a.source_start:a.source_end])
           for a in extract_attributions(segment(text))]
    assert got == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("They think the progress on climate change is real.",
     ("They", "think", "the progress on climate change is real")),
    ("Both think Obama advanced the agenda.", ("Both", "think", "Obama advanced the agenda")),
    ("He believes, for example, that the tax should go.", ("He", "believes", "the tax should go")),
    # "hope" takes a clause without "that" as a belief does.
    ("The governor hopes his latest endorsement will give him a boost.",
     ("The governor", "hopes", "his latest endorsement will give him a boost")),
])
def test_belief_clauses(text, expected):
    got = [(a.speaker_mention, a.cue, a.text) for a in extract_attributions(segment(text))]
    assert got == [expected]


def test_belief_in_is_no_clause():
    assert extract_attributions(segment("They believe in the plan.")) == []


@pytest.mark.parametrize(("text", "speaker"), [
    # ", who said" after "City, State" in an apposition: the person, not the state
    ('"It was a mistake," said Alan Berger, a doctor from Englewood, New Jersey, who said '
     "the law would hurt patients.", "Alan Berger"),
    ("The bill was backed by the mayor of Austin, Texas, who said it would pass.", "the mayor"),
    ("Smith met officials in Paris, France, who said the deal was close.", "officials"),
])
def test_who_after_a_city_and_state(text, speaker):
    who = [a for a in extract_attributions(segment(text)) if a.rule == "indirect.who_said"]
    assert [a.speaker for a in who] == [speaker]
