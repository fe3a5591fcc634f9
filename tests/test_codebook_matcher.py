"""The codebook's term matcher: what it finds, and that its fast path finds the same.

``_Matcher.find`` tries at each word only the terms indexed by that word, and searches
the regular-expression terms once per match. ``_reference_find`` below is the plain
definition it must agree with, using no index: at every word start, try every rule; the
longest match wins (the first in rule order on a tie) and the scan resumes after it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import mediakit
from mediakit.codebook import load_codebook
from mediakit.text.terms import _Matcher, _Rule, _term_pattern, side_term_matcher

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")


_COMPILED: dict[tuple[str, ...], list[re.Pattern]] = {}


def _reference_find(matcher: _Matcher, text: str) -> list[tuple]:
    key = tuple(r.pattern for r in matcher.rules)
    regexes = _COMPILED.get(key)
    if regexes is None:
        regexes = _COMPILED[key] = [re.compile(p, re.IGNORECASE) for p in key]
    out, pos = [], 0
    for w in _WORD.finditer(text):
        start = w.start()
        if start < pos:
            continue
        best_end, best = -1, None
        # every rule at every word start, with no index: words that start no term are
        # tried too, and must match nothing
        starts = [(m.end(), rule) for rule, rx in zip(matcher.rules, regexes)
                  if (m := rx.match(text, start))]
        for end, rule in starts:
            if end > best_end:
                best_end, best = end, rule
        if best is not None:
            out.append((best.term, start, best_end))
            pos = best_end
    return out


def _found(matcher: _Matcher, text: str) -> list[tuple]:
    return [(m.term, m.start, m.end) for m in matcher.find(text)]


def _matcher(*terms: str) -> _Matcher:
    return _Matcher("test", [_Rule(t, _term_pattern(t), None, None) for t in terms])


def test_longest_term_at_a_word_wins_and_the_scan_resumes_after_it():
    m = _matcher("foreign", "foreign minister", "minister")
    # "foreign minister" (0-16) beats "foreign"; "minister" inside it is not found again
    assert _found(m, "foreign minister and minister") == [
        ("foreign minister", 0, 16), ("minister", 21, 29)]


def test_plural_and_acronym_rules():
    m = _matcher("Ethiopian", "US")
    assert _found(m, "Two Ethiopians were wounded") == [("Ethiopian", 4, 14)]
    # an all-capital term only in capitals: "us" is a pronoun
    assert _found(m, "they told us; the US said") == [("US", 18, 20)]


def test_a_term_is_a_whole_word():
    m = _matcher("army")
    assert _found(m, "armys_x army_ armyman the army.") == [("army", 26, 30)]


def test_a_regular_expression_term_matches_only_at_a_word_start():
    m = _matcher(r"re:\d+ in (?:\d+|ten)", "re:ne of")
    # "1 in 10" at 0; "ne of" inside "one of" does not start a word
    assert _found(m, "1 in 10 said one of them") == [(r"re:\d+ in (?:\d+|ten)", 0, 7)]


def test_a_regular_expression_that_starts_before_a_word_is_not_found_there():
    # the civilian age cue "; 45," begins at the semicolon, which starts no word
    m = _matcher(r"re:(?:^|[,;] )\d{1,3}(?=,|;|$)")
    assert _found(m, "Smith ; 45, said") == [] == _reference_find(m, "Smith ; 45, said")
    assert _found(m, "45, a teacher") == [(m.rules[0].term, 0, 2)]


def test_a_text_whose_lower_case_is_longer_keeps_its_offsets():
    m = _matcher("minister")
    text = "İstanbul's minister spoke"  # "İ".lower() is two characters
    assert _found(m, text) == [("minister", 11, 19)] == _reference_find(m, text)


def _texts() -> list[str]:
    texts = [a.body for a in mediakit.load_articles(ROOT / "data" / "raw")]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "gold").rglob("*.txt"))]
    # every sentence alone as well: the rules also ask about short phrases
    texts += [s for t in texts[:8] for s in re.split(r"(?<=[.!?])\s+", t)]
    return texts


def _packaged_matchers() -> list[_Matcher]:
    cb = load_codebook(None)
    return [*cb._matchers, cb._side_matcher, cb._place_matcher,
            *cb.sections.source_types.values(), *(m for _, m in cb.sections.civilian_cues)]


@pytest.mark.parametrize("tier", range(len(_packaged_matchers())))
def test_the_packaged_codebook_finds_what_the_plain_definition_finds(tier):
    matcher = _packaged_matchers()[tier]
    texts = _texts()
    assert len(texts) > 100
    differ = [t[:60] for t in texts if _found(matcher, t) != _reference_find(matcher, t)]
    assert differ == []


def test_side_term_matcher_reports_the_sides_of_each_term():
    sides = side_term_matcher({"israel": ["Israeli", "IDF"], "palestine": ["Gazan"]})
    found = [(m.term, s) for m, s in sides.matches("Gazans fled as IDF and Israeli units")]
    assert found == [("Gazan", ("palestine",)), ("IDF", ("israel",)),
                     ("Israeli", ("israel",))]
