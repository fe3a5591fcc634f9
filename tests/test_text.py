from mediakit.text import normalize_quotes, segment, split_paragraphs, word_tokens


def test_seed_sentence_count_matches_hand_count(seed_doc):
    # Counted by hand, paragraph by paragraph, in the cleaned seed body:
    # 2+2+1+2+2+3+2+2+3+2+3+1+3+2+1 = 31 sentences
    # in 15 paragraphs.
    assert len(seed_doc.paragraphs) == 15
    assert [len(seed_doc.sentences_in(p.index)) for p in seed_doc.paragraphs] == [
        2, 2, 1, 2, 2, 3, 2, 2, 3, 2, 3, 1, 3, 2, 1]
    assert len(seed_doc.sentences) == 31


def test_seed_hard_cases_stay_whole(seed_doc):
    texts = [s.text for s in seed_doc.sentences]
    assert texts[14] == ("Gallant’s office said he will also meet with Secretary of State "
                         "Antony J. Blinken and Secretary of Defense Lloyd J. Austin III.")
    assert texts[15].startswith("He will also meet with CIA Director William J. Burns")
    assert texts[11] == ("“Hamas can no longer pose a threat to Israel,” a National Security "
                         "Council spokesperson said.")
    assert texts[13].endswith("between Mr. Sullivan and Mr. Gallant.")
    assert texts[12].startswith(
        "A delegation of Israeli officials is expected to meet with U.S. officials")


def test_offsets_point_into_text(seed_doc):
    for s in seed_doc.sentences:
        assert seed_doc.text[s.start:s.end] == s.text
    for p in seed_doc.paragraphs:
        assert seed_doc.text[p.start:p.end] == p.text
    s = seed_doc.sentences[20]
    assert seed_doc.sentence_at(s.start + 3) == s
    assert seed_doc.sentence_at(-1) is None


def test_closing_quote_after_full_stop_and_titles():
    doc = segment('Gen. Ahmed Ali spoke first. "We will not leave." She nodded! Was it over? '
                  "Dr. Smith of the U.S. Army said so. Ms. Jones agreed.")
    assert [s.text for s in doc.sentences] == [
        "Gen. Ahmed Ali spoke first.",
        '"We will not leave."',
        "She nodded!",
        "Was it over?",
        "Dr. Smith of the U.S. Army said so.",
        "Ms. Jones agreed.",
    ]


def test_acronym_at_sentence_end_splits_before_a_sentence_starter():
    doc = segment("The talks moved to the U.S. The Qatari team stayed. "
                  "Aid came from the U.N. Relief agency.")
    assert [s.text for s in doc.sentences] == [
        "The talks moved to the U.S.", "The Qatari team stayed.",
        "Aid came from the U.N. Relief agency."]


def test_curly_quote_question_and_lowercase_continuation():
    doc = segment("“Why now?” asked one resident. It is 5 p.m. on a Sunday.")
    assert [s.text for s in doc.sentences] == ["“Why now?” asked one resident.",
                                               "It is 5 p.m. on a Sunday."]


def test_paragraphs_by_blank_lines_or_by_lines():
    assert [p.text for p in split_paragraphs("One.\nstill one.\n\n  Two.  \n\n\nThree.")] == [
        "One.\nstill one.", "Two.", "Three."]
    assert [p.text for p in split_paragraphs("A.\nB.\n")] == ["A.", "B."]
    assert split_paragraphs("") == []
    assert segment("   \n\n ").sentences == ()


def test_normalize_quotes_keeps_length_and_apostrophes():
    s = "“Don’t,” she said. ‘Fine’ „ok‟"
    n = normalize_quotes(s)
    assert len(n) == len(s)
    assert n == "\"Don't,\" she said. 'Fine' \"ok\""


def test_word_tokens():
    assert word_tokens("U.S. cease-fire: don’t stop, 1,200 killed in Kharkiv’s Saltivka.") == [
        "U.S", "cease-fire", "don’t", "stop", "1,200", "killed", "in", "Kharkiv’s", "Saltivka"]
    assert word_tokens("Hélène_said: yes,no") == ["Hélène", "said", "yes", "no"]


def test_a_document_layer_is_built_once_and_shared():
    from mediakit.codebook import load_codebook

    doc = segment("Two Ethiopians spoke in Addis Ababa. Gaza was quiet.")
    calls = []

    def build(d):
        calls.append(d)
        return len(d.sentences)

    assert doc.layer("n", build) == 2 and doc.layer("n", build) == 2
    assert len(calls) == 1
    cb = load_codebook()
    hits = cb.side_hits(doc)
    assert cb.side_hits(doc) is hits  # the same object: found once
    scanned = cb.side_mentions(doc.text)
    assert [(h.term, h.side) for h in hits] == [(m.term, m.side) for m in scanned]
    assert {h.side for h in hits} >= {"palestine"}
