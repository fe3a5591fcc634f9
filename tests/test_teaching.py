"""mediakit.teaching: every check function with right, nearly-right and wrong answers.

The expected counts and scores were worked out by hand (shown next to each fixture);
the feedback must say where to look without giving the right value away.
"""

from __future__ import annotations

import pytest

import mediakit
from mediakit import teaching
from mediakit.errors import MediakitError
from mediakit.metrics.readability import word_syllables
from mediakit.teaching.feedback import Feedback

# Words (textstat's rule: white-space tokens holding a letter or digit once punctuation is
# removed): The Israeli military said on Tuesday that a cease-fire in the area was not in
# sight (16) + Dr Lee 42 disagreed strongly (5) = 21; the dash is not a word, so there are
# 22 white-space tokens. Sentences: 2 ("Dr." does not end one), but 3 full stops.
# Syllables (CMU dictionary): 1+3+4+1+1+2+1+1+3+1+1+3+1+1+1+1 + 1+1+1+3+2 = 34 ("42" has
# no entry and counts 1).
PARAGRAPH = ("The Israeli military said on Tuesday that a cease-fire in the area was not in "
             "sight. Dr. Lee, 42, disagreed — strongly.")
WORDS, SENTENCES, SYLLABLES = 21, 2, 34


def status(feedback: Feedback) -> str:
    assert isinstance(feedback, Feedback)
    return feedback.status


def text_of(feedback: Feedback) -> str:
    return " ".join(feedback.messages)


# ------------------------------------------------------------------ feedback


def test_feedback_renders_as_text_and_html_and_rejects_unknown_status():
    fb = Feedback("1.1 words", "close", ("You have 1 word too many.",))
    assert str(fb) == "≈ 1.1 words: Nearly.\n  - You have 1 word too many."
    assert "1 word too many" in fb._repr_html_() and "<li>" in fb._repr_html_()
    assert fb.to_dict() == {"task": "1.1 words", "status": "close",
                            "messages": ["You have 1 word too many."]}
    with pytest.raises(ValueError):
        Feedback("x", "great")


# ---------------------------------------------------------------- exercise 1


def test_word_count_right_nearly_and_wrong():
    assert status(teaching.check_word_count(PARAGRAPH, WORDS)) == "correct"
    near = teaching.check_word_count(PARAGRAPH, 22)  # counted the dash
    assert status(near) == "close" and "1 word too many" in text_of(near)
    assert "punctuation standing alone" in text_of(near)
    numbers = teaching.check_word_count(PARAGRAPH, 20)  # left out "42"
    assert status(numbers) == "close" and "numbers" in text_of(numbers)
    wrong = teaching.check_word_count(PARAGRAPH, 30)
    assert status(wrong) == "wrong" and "9 words too many" in text_of(wrong)
    assert status(teaching.check_word_count(PARAGRAPH, ...)) == "missing"
    assert status(teaching.check_word_count(PARAGRAPH, "21")) == "wrong"


def test_word_count_names_split_hyphenated_words():
    text = "A cease-fire began at dawn and held."  # 7 words; 8 if the hyphen splits
    fb = teaching.check_word_count(text, 8)
    assert status(fb) == "close" and "hyphenated" in text_of(fb)


def test_sentence_count_right_nearly_and_wrong():
    assert status(teaching.check_sentence_count(PARAGRAPH, SENTENCES)) == "correct"
    near = teaching.check_sentence_count(PARAGRAPH, 3)  # every full stop
    assert status(near) == "close" and "abbreviation" in text_of(near)
    assert status(teaching.check_sentence_count(PARAGRAPH, 6)) == "wrong"


def test_syllables_as_total_dict_and_function():
    assert status(teaching.check_syllables(PARAGRAPH, SYLLABLES)) == "correct"
    # Too high by 2: the hint names a word where counting vowel groups over-counts
    # ("ceasefire": ea, e, i, e = 4 groups; the dictionary says 3).
    high = teaching.check_syllables(PARAGRAPH, SYLLABLES + 2)
    assert status(high) == "close" and "2 too high" in text_of(high)
    assert "'ceasefire'" in text_of(high)
    assert status(teaching.check_syllables(PARAGRAPH, SYLLABLES + 10)) == "wrong"
    # The rule of thumb gives "area" 2 syllables (the dictionary: 3): 1 too low, and
    # the word is named but not its count.
    fb = teaching.check_syllables(PARAGRAPH, teaching.hand_syllables)
    assert status(fb) == "close"
    assert "1 too low" in text_of(fb) and "Too few syllables in 'area'" in text_of(fb)
    right = dict(word_syllables(PARAGRAPH))
    assert status(teaching.check_syllables(PARAGRAPH, right)) == "correct"
    missing_word = {k: v for k, v in right.items() if k != "Lee"}
    assert "Lee" in text_of(teaching.check_syllables(PARAGRAPH, missing_word))
    crash = teaching.check_syllables(PARAGRAPH, lambda w: 1 // 0)
    assert status(crash) == "wrong" and "ZeroDivisionError" in text_of(crash)


def test_hand_syllables_rule_of_thumb():
    # vowel groups less a silent final e: fire -> 1, table -> 2, area -> 2, a -> 1
    assert [teaching.hand_syllables(w) for w in ("fire", "table", "area", "a", "42")] == [
        1, 2, 2, 1, 1]


def test_flesch_from_own_counts():
    # 206.835 - 1.015 * 21/2 - 84.6 * 34/21 = 206.835 - 10.6575 - 136.9714 = 59.2061
    assert status(teaching.check_flesch(WORDS, SENTENCES, SYLLABLES, 59.21)) == "correct"
    assert status(teaching.check_flesch(WORDS, SENTENCES, SYLLABLES, 59.5)) == "close"
    # coefficients swapped: 206.835 - 84.6 * 10.5 - 1.015 * 1.6190 = -683.108
    swapped = teaching.check_flesch(WORDS, SENTENCES, SYLLABLES, -683.11)
    assert status(swapped) == "wrong" and "swapped the two coefficients" in text_of(swapped)
    assert status(teaching.check_flesch(WORDS, SENTENCES, SYLLABLES, 80)) == "wrong"
    assert status(teaching.check_flesch(WORDS, ..., SYLLABLES, 59.2)) == "missing"


def test_count_differences():
    # The student counted 3 sentences: only that count differs from mediakit's.
    args = (PARAGRAPH, WORDS, 3, SYLLABLES)
    assert status(teaching.check_count_differences(*args, {"sentences"})) == "correct"
    near = teaching.check_count_differences(*args, {"sentences", "words"})
    assert status(near) == "close" and "words count is the same" in text_of(near)
    wrong = teaching.check_count_differences(*args, {"syllables"})
    assert status(wrong) == "wrong"
    assert "syllables count is the same" in text_of(wrong)
    assert "sentences count differs" in text_of(wrong)
    assert status(teaching.check_count_differences(*args, {"letters"})) == "wrong"
    assert status(teaching.check_count_differences(PARAGRAPH, WORDS, SENTENCES, SYLLABLES,
                                                   set())) == "correct"


def test_feedback_never_states_the_expected_value():
    for fb in (teaching.check_word_count(PARAGRAPH, 30),
               teaching.check_sentence_count(PARAGRAPH, 6),
               teaching.check_syllables(PARAGRAPH, 50)):
        for right in (str(WORDS), str(SENTENCES), str(SYLLABLES)):
            assert f" {right} " not in f" {text_of(fb)} ", fb


# ---------------------------------------------------------------- exercise 2

# VADER's lexicon and rules: "failure" is negative and "not" flips it (positive);
# "arriving" is not in the lexicon (neutral); "killed" is negative.
PREDICT = ["The talks were not a failure.", "Aid is not arriving.",
           "Seven people were killed in the strike."]


def test_label_predictions():
    right = ["positive", "neutral", "negative"]
    assert status(teaching.check_label_predictions(PREDICT, right)) == "correct"
    assert status(teaching.check_label_predictions(PREDICT, ["+", "0", "-"])) == "correct"
    near = teaching.check_label_predictions(PREDICT, ["negative", "neutral", "negative"])
    assert status(near) == "close" and "negation" in text_of(near)
    assert "2 of 3 right" in text_of(near)
    wrong = teaching.check_label_predictions(PREDICT, ["negative", "positive", "positive"])
    assert status(wrong) == "wrong"
    assert status(teaching.check_label_predictions(PREDICT, ["positive"])) == "wrong"
    assert status(teaching.check_label_predictions(PREDICT, ["happy"] * 3)) == "wrong"
    assert status(teaching.check_label_predictions(PREDICT, [..., ..., ...])) == "missing"


def test_misreadings():
    # Irony ("Great", "Lovely") reads positive to VADER; the reader says negative.
    sentences = ["Great, another night in the basement.", "We lost everything.",
                 "Lovely weather for a funeral."]
    reader = ["negative", "negative", "negative"]
    assert status(teaching.check_misreadings(sentences, reader, {0, 2})) == "correct"
    near = teaching.check_misreadings(sentences, reader, {0})
    assert status(near) == "close" and "missed 1" in text_of(near)
    wrong = teaching.check_misreadings(sentences, reader, {1, 5})
    assert status(wrong) == "wrong"
    assert "agree on sentence 1" in text_of(wrong) and "no sentence 5" in text_of(wrong)


# "I love this." scores 3.2 / sqrt(3.2² + 15) = 0.6369; two: 6.4 / sqrt(6.4² + 15) = 0.8556;
# three: 9.6 / sqrt(9.6² + 15) = 0.9274, the first at or above 0.9 (VADER's normalisation,
# alpha = 15).
LOVE = "I love this. I love this. I love this. I love this. I love this. I love this."


def test_saturation():
    assert teaching.saturation_point(LOVE) == 3
    assert status(teaching.check_saturation(LOVE, 3)) == "correct"
    assert status(teaching.check_saturation(LOVE, 2)) == "close"
    assert "from 0" in text_of(teaching.check_saturation(LOVE, 2))
    assert status(teaching.check_saturation(LOVE, 4)) == "close"
    assert status(teaching.check_saturation(LOVE, 6)) == "wrong"
    assert status(teaching.check_saturation(LOVE, None)) == "wrong"
    calm = "The talks resumed. They ended at noon."
    assert status(teaching.check_saturation(calm, None)) == "correct"
    assert status(teaching.check_saturation(calm, 1)) == "wrong"
    assert status(teaching.check_saturation(LOVE, ...)) == "missing"


# love 3.2 -> 0.6369; hate -2.7 -> -2.7 / sqrt(2.7² + 15) = -0.5719; "The sky is blue." 0.
# Mean (0.6369 - 0.5719 + 0) / 3 = 0.0217; median 0; whole text 0.5 / sqrt(0.25 + 15) =
# 0.1280; mean of non-neutral sentences 0.0325; mean of absolute values 0.4029.
MIXED = "I love this. I hate this. The sky is blue."


@pytest.mark.parametrize("answer,expected,hint", [
    (0.0217, "correct", "mediakit reports"),
    (0.025, "close", "round"),
    (0.0, "wrong", "median"),
    (0.128, "wrong", "whole text"),
    (0.0325, "wrong", "neutral sentences"),
    (0.4029, "wrong", "absolute"),
    (0.5, "wrong", "sentiment_of"),
])
def test_sentence_mean(answer, expected, hint):
    fb = teaching.check_sentence_mean(MIXED, answer)
    assert status(fb) == expected and hint in text_of(fb)


# ---------------------------------------------------------------- exercise 3

QUOTES = "quotes-baidoa-camp-water"


@pytest.fixture(scope="module")
def baidoa():
    article = teaching.article_for_exercise(None, QUOTES)
    key = teaching.key_for_exercise(None, None, QUOTES)
    # The annotation of the key, as a student would write it: a few words each.
    full = [(a.speaker, " ".join(a.content.split()[:6]), a.kind) for a in key.attributions]
    return article, key, full


def test_packaged_key_has_nine_attributions_and_six_speakers(baidoa):
    _, key, _ = baidoa
    assert len(key.attributions) == 9
    assert key.speakers()[:3] == ["Maryan Abdi Warsame", "Hawa Ibrahim Adan",
                                  "Ahmed Ali Mursal"]
    assert len(key.speakers()) == 6 and key.role_of("Hawa Ibrahim Adan") == "civilian"


def test_annotation_right_nearly_and_wrong(baidoa):
    article, key, full = baidoa
    assert status(teaching.check_annotation(article, full, key)) == "correct"
    # Words from the unquoted part of a partial quote's sentence still find it.
    hawa = [item if item[0] != "Hawa Ibrahim Adan" else
            ("Hawa Ibrahim Adan", "she had queued for four hours", "partial") for item in full]
    assert status(teaching.check_annotation(article, hawa, key)) == "correct"
    near = teaching.check_annotation(article, full[:4] + full[5:], key)  # one missed
    assert status(near) == "close"
    assert "8 of the 9" in text_of(near) and "You missed one in paragraph 6." in text_of(near)
    # The elder's words given to the previous speaker, a scare quote taken for speech,
    # and most attributions missing.
    wrong = [full[0], ("Hawa Ibrahim Adan", full[4][1], "direct"),
             ("the reporter", "temporary", "partial")]
    fb = teaching.check_annotation(article, wrong, key)
    assert status(fb) == "wrong"
    assert "Item 1: right words, but not the speaker" in text_of(fb)
    assert "Item 2" in text_of(fb) and "arm's length" in text_of(fb)
    kind = [(s, w, "indirect" if i == 0 else k) for i, (s, w, k) in enumerate(full)]
    fb = teaching.check_annotation(article, kind, key)
    assert status(fb) == "close" and "not 'indirect'" in text_of(fb)
    assert status(teaching.check_annotation(article, [], key)) == "missing"
    assert status(teaching.check_annotation(article, [("x",)], key)) == "wrong"


def test_annotation_without_key_is_for_discussion(baidoa):
    article, _, full = baidoa
    fb = teaching.check_annotation(article, full, None)
    assert status(fb) == "info" and "no answer key" in text_of(fb)


def test_verdicts_right_nearly_and_wrong(baidoa):
    article, key, full = baidoa
    table = teaching.compare_with_mediakit(article, full)
    assert list(table.columns) == ["your_speaker", "your_words", "mediakit_speaker",
                                   "mediakit_words", "agreement"]
    assert set(table["agreement"]) <= {"both", "speaker differs", "only yours",
                                       "only mediakit's"}
    disputed = [i for i in table.index if table.loc[i, "agreement"] != "both"]
    assert disputed, "mediakit is expected to disagree somewhere on this article"
    # The annotation is the key, so on every disagreement the student was right.
    right = {i: "mine" for i in disputed}
    assert status(teaching.check_verdicts(article, full, right, key)) == "correct"
    one_off = {**right, disputed[0]: "mediakit"}
    assert status(teaching.check_verdicts(article, full, one_off, key)) == "close"
    wrong = {i: "mediakit" for i in disputed}
    if len(disputed) > 1:
        assert status(teaching.check_verdicts(article, full, wrong, key)) == "wrong"
    assert status(teaching.check_verdicts(article, full, {}, key)) == "missing"
    assert status(teaching.check_verdicts(article, full, {0: "maybe"}, key)) == "wrong"
    assert status(teaching.check_verdicts(article, full, right, None)) == "info"


def test_roles_right_nearly_and_wrong(baidoa):
    article, key, _ = baidoa
    right = {s: key.role_of(s) for s in key.speakers()}
    assert status(teaching.check_roles(right, key)) == "correct"
    near = {**right, "Maryan Abdi Warsame": "civilian"}  # she runs the camp for a charity
    fb = teaching.check_roles(near, key)
    assert status(fb) == "close" and "Maryan Abdi Warsame: not 'civilian'" in text_of(fb)
    wrong = {"Maryan Abdi Warsame": "civilian", "Hawa Ibrahim Adan": "expert"}
    assert status(teaching.check_roles(wrong, key)) == "wrong"
    assert status(teaching.check_roles({"X": "hero"}, key)) == "wrong"
    assert status(teaching.check_roles(right, None, article)) in ("info", "correct")


# ---------------------------------------------------------------- exercise 4

# Worked by hand. Sources: Ivan Petrenko (government: 3 attributions, quoted "We will
# rebuild", 3 words) and Olena Kovalenko (civilian: 2 attributions, quoted "My shop is
# gone", 4 words). Source share 1/2; attribution share 2/5 = 0.4; quoted-word share
# 4/7 = 0.5714; all attributed words: 11 of 27 = 0.4074 civilian. Harm mentions: killed
# and wounded (active, agent "the strike"), two "died" (intransitive), "was wounded"
# (agentless passive): agentless 3/5 = 0.6, agentless passives only 1/5 = 0.2.
STRIKE = mediakit.article_from_text(
    "Governor Ivan Petrenko said the strike killed three people and wounded two. “We will "
    "rebuild,” he said.\n\n“My shop is gone,” said Olena Kovalenko, 52, a baker. Kovalenko "
    "said she had worked there for 20 years.\n\nPetrenko said rescue work would continue "
    "overnight. Two women died in hospital. A neighbour died later. A fourth man was "
    "wounded.", id="strike", title="Strike")


def test_exercise_figures_of_the_hand_worked_article():
    assert teaching.exercise_figures(STRIKE) == {
        "civilian_source_share": 0.5, "civilian_attribution_share": 0.4,
        "civilian_quoted_word_share": 0.5714, "agentless_share": 0.6}


@pytest.mark.parametrize("check,answer,expected,hint", [
    ("check_civilian_source_share", 0.5, "correct", "metrics file"),
    ("check_civilian_source_share", 50, "close", "percentage"),
    ("check_civilian_source_share", 0.4, "wrong", "attributions"),
    ("check_civilian_source_share", 1.0, "wrong", "divide by all"),
    ("check_civilian_source_share", 0.9, "wrong", "speakers table"),
    ("check_quoted_word_share", 4 / 7, "correct", "metrics file"),
    ("check_quoted_word_share", 57.14, "close", "percentage"),
    ("check_quoted_word_share", 0.4074, "wrong", "quoted_words column"),
    ("check_quoted_word_share", 0.4, "wrong", "share of attributions"),
    ("check_quoted_word_share", 1.5, "wrong", "between 0 and 1"),
    ("check_agentless_share", 0.6, "correct", "metrics file"),
    ("check_agentless_share", 60, "close", "percentage"),
    ("check_agentless_share", 0.2, "wrong", "intransitives"),
    ("check_agentless_share", 0.4, "wrong", "name an agent"),
    ("check_agentless_share", ..., "missing", "Replace"),
])
def test_civilian_voice_checks(check, answer, expected, hint):
    fb = getattr(teaching, check)(STRIKE, answer)
    assert status(fb) == expected and hint in text_of(fb)


GOOD = ("Both articles report one strike but hear different people. Civilians are 8% of "
        "the sources in the wire story and 50% in the feature, and they speak 75% of the "
        "quoted words in the feature against none in the wire story. The wire story tells "
        "every harm without naming who caused it, the feature about half of the time. "
        "However, these shares come from two articles only and from rules that can "
        "misjudge a role, so they cannot tell us why the reporters chose these sources or "
        "how readers understood them.")
FIGURES = [{"civilian_source_share": 0.0769, "civilian_quoted_word_share": 0.0,
            "agentless_share": 1.0},
           {"civilian_source_share": 0.5, "civilian_quoted_word_share": 0.7481,
            "agentless_share": 0.5556}]


def test_interpretation_rubric():
    assert status(teaching.check_interpretation(GOOD, FIGURES)) == "correct"
    no_limit = GOOD.split(" However")[0] + " " + " ".join(["The difference is clear."] * 6)
    fb = teaching.check_interpretation(no_limit, FIGURES)
    assert status(fb) == "close" and "Limits" in text_of(fb)
    short = "Civilians are 50% of the sources in B."
    fb = teaching.check_interpretation(short, FIGURES)
    assert status(fb) == "wrong" and "Length" in text_of(fb) and "Figures" in text_of(fb)
    assert status(teaching.check_interpretation("\n", FIGURES)) == "missing"


# ---------------------------------------------------------------- samples


def test_samples_and_paragraph_picking():
    assert teaching.sample_names() == ["kherson-bus-station-civilians",
                                       "kherson-bus-station-officials", QUOTES]
    article = teaching.article_for_exercise(None, "kherson-bus-station-officials")
    index, text = teaching.pick_paragraph(article)
    words = len(text.split())
    assert 35 <= words <= 95 and text in article.body
    # Numbered from 1, as in the report and the metrics file.
    paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
    assert teaching.pick_paragraph(article, 1) == (1, paragraphs[0].strip())
    assert teaching.pick_paragraph(article, 2) == (2, paragraphs[1].strip())
    assert index == 1 + next(i for i, p in enumerate(paragraphs) if p.strip() == text)
    for missing in (0, 99):
        with pytest.raises(MediakitError, match=f"paragraph {missing} does not exist"):
            teaching.pick_paragraph(article, missing)
    with pytest.raises(MediakitError, match="no teaching article"):
        teaching.sample_path("nope")
    shown = teaching.numbered_paragraphs(article)
    assert shown.startswith(article.title.upper())
    assert f"\n[1] {paragraphs[0].strip()}\n" in shown and "[0] " not in shown


def test_own_article_and_key(tmp_path):
    own = tmp_path / "own.txt"
    own.write_text("My headline\n\n“It is over,” said Ana Ruiz, a nurse.\n", "utf-8")
    article = teaching.article_for_exercise(own, QUOTES)
    assert article.title == "My headline"
    assert teaching.key_for_exercise(own, None, QUOTES) is None
    bad = tmp_path / "key.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(MediakitError, match="not JSON"):
        teaching.key_for_exercise(own, bad, QUOTES)


# ---------------------------------------------------------------- answers in other forms


def test_numpy_and_whole_float_answers_are_accepted():
    np = pytest.importorskip("numpy")
    assert status(teaching.check_word_count(PARAGRAPH, np.int64(WORDS))) == "correct"
    assert status(teaching.check_sentence_count(PARAGRAPH, 2.0)) == "correct"
    assert status(teaching.check_word_count(PARAGRAPH, 21.5)) == "wrong"
    assert status(teaching.check_word_count(PARAGRAPH, True)) == "wrong"
    assert status(teaching.check_flesch(np.int64(21), 2.0, np.int64(34),
                                        np.float64(59.2061))) == "correct"
    assert status(teaching.check_syllables(PARAGRAPH, np.int64(SYLLABLES))) == "correct"
    assert status(teaching.check_saturation(LOVE, np.int64(3))) == "correct"
    assert status(teaching.check_sentence_mean(MIXED, np.float32(0.0217))) == "correct"
    assert status(teaching.check_civilian_source_share(STRIKE, np.float64(0.5))) == "correct"
    assert status(teaching.check_civilian_source_share(STRIKE, float("nan"))) == "wrong"
    assert status(teaching.check_misreadings(["We lost everything."], ["negative"], "0")) \
        == "wrong"


def test_syllable_dict_keyed_on_raw_tokens_and_guessed_words():
    # "a.m.," is the word "am" to the formulas; "Mykolaiv" is not in the CMU dictionary
    # (the formulas guess 2 from hyphenation), so a student's 4 is noted, not marked wrong.
    text = "The bus left at 9 a.m., bound for Mykolaiv."
    pairs = dict(word_syllables(text))
    theirs = {token: pairs[token.strip(".,").replace(".", "")] for token in text.split()}
    theirs["Mykolaiv."] = 4
    fb = teaching.check_syllables(text, theirs)
    assert status(fb) == "correct"
    assert "'Mykolaiv'" in text_of(fb) and "not in the pronouncing dictionary" in text_of(fb)
    assert "2" not in text_of(fb)


def test_kinds_and_verdicts_are_read_case_insensitively(baidoa):
    article, key, full = baidoa
    upper = [(s, w, k.capitalize()) for s, w, k in full]
    assert status(teaching.check_annotation(article, upper, key)) == "correct"
    table = teaching.compare_with_mediakit(article, full)
    disputed = [i for i in table.index if table.loc[i, "agreement"] != "both"]
    verdicts = {i: "Mine" for i in disputed}
    assert status(teaching.check_verdicts(article, full, verdicts, key)) == "correct"
    fb = teaching.check_annotation(article, [("Maryan Abdi Warsame", "We have water",
                                              "Quote")], key)
    assert status(fb) == "wrong" and "not 'Quote'" in text_of(fb)


def test_splitting_one_attribution_in_two_is_named(baidoa):
    article, key, full = baidoa
    split = full + [("Hawa Ibrahim Adan", "she had queued for four hours", "indirect")]
    fb = teaching.check_annotation(article, split, key)
    assert status(fb) == "close"
    assert f"Item {len(full)} is part of the same attribution as item 3" in text_of(fb)


def test_roles_are_matched_one_to_one(baidoa):
    article, key, _ = baidoa
    right = {s: key.role_of(s) for s in key.speakers()}
    # "Ministry of Energy" names the ministry, not also the official at the ministry.
    partial = {k: v for k, v in right.items() if k != "an official at the ministry"}
    partial["Ministry of Energy"] = partial.pop(
        "South West State’s Ministry of Energy and Water Resources")
    fb = teaching.check_roles(partial, key)
    assert status(fb) == "close" and "1 speaker without a role" in text_of(fb)


def test_undefined_share_is_none_and_only_ellipsis_is_unanswered():
    quiet = mediakit.article_from_text("The council met on Tuesday. It adjourned at noon.",
                                       id="quiet", title="Council")
    assert teaching.exercise_figures(quiet)["civilian_source_share"] is None
    fb = teaching.check_civilian_source_share(quiet, None)
    assert status(fb) == "correct"
    fb = teaching.check_civilian_source_share(quiet, 0.0)
    assert status(fb) == "wrong" and "None" not in text_of(fb)
    assert status(teaching.check_civilian_source_share(STRIKE, None)) == "wrong"
    assert status(teaching.check_civilian_source_share(STRIKE, ...)) == "missing"


def test_interpretation_needs_shares_not_counts_and_a_real_limit():
    counts_only = ("The first article quotes officials and only 1 ordinary person, while the "
                   "second opens with a witness and quotes 4 people who were at the bus "
                   "station. The strike killed 7 people and the two articles tell it very "
                   "differently: the wire story relies on the governor, the army and the UN, "
                   "the feature on the driver, the vendor and a nurse, who describe what "
                   "they saw and lost. Reading both side by side shows how much the choice "
                   "of sources shapes the story a reader gets about the very same morning.")
    fb = teaching.check_interpretation(counts_only, FIGURES)
    assert status(fb) == "wrong"
    assert "Figures: 0" in text_of(fb) and "Limits" in text_of(fb)
