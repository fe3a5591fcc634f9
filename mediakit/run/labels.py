"""Words for what the reports show: codes, sides and measure names as a reader writes them.

The metrics file and the corpus table keep their codes (``armed_group``,
``united_states``, ``readability_flesch_kincaid_grade``); the report, comparison and
corpus pages show them through these functions, so one code reads the same on every
page and in every figure.
"""

from __future__ import annotations

import re

__all__ = ["MEASURE_LABELS", "code_words", "measure_label", "side_name"]

#: A code as the data files write it ("armed_group", "passive_agentless").
_CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
#: Sides that name no party: kept in lower case, as codes in words.
_NO_PARTY = frozenset({"other", "unknown", "none"})

#: Column of the comparison or corpus table -> its label in a table heading or figure.
MEASURE_LABELS = {
    "id": "Article",
    "title": "Title",
    "outlet": "Outlet",
    "date": "Date",
    "period": "Period",
    "words": "Words",
    "sentences": "Sentences",
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "Automated Readability Index",
    "linsear_write": "Linsear Write",
    "dale_chall": "Dale-Chall",
    "consensus_grade": "Consensus grade",
    "paragraph_grade_median": "Median paragraph grade",
    "mean_compound": "Mean compound",
    "median_compound": "Median compound",
    "positive_share": "Positive share",
    "neutral_share": "Neutral share",
    "negative_share": "Negative share",
    "n_sources": "Sources",
    "official_share": "Official share of sources",
    "official_sources_share": "Official share of sources",
    "unnamed_share": "Unnamed share of sources",
    "civilian_source_share": "Civilian share of sources",
    "civilian_quoted_word_share": "Civilian share of quoted words",
    "source_share": "Civilian share of sources",
    "quoted_word_share": "Civilian share of quoted words",
    "harm_mentions": "Harm mentions",
    "n_mentions": "Harm mentions",
    "agentless_share": "Agentless share of harm mentions",
    "integrity_band": "Integrity band",
    "flagged_share": "Share of sentences flagged",
}
# The corpus table prefixes a family's columns with its name (docs/corpus.md).
_PREFIXES = ("readability_", "sentiment_", "sources_", "civilian_", "framing_", "integrity_")


def code_words(value) -> str:
    """A code in words, case kept: ``armed_group`` -> ``armed group``.

    Parameters
    ----------
    value : object
        A cell or label; only a snake_case code (at most 40 characters) changes.

    Returns
    -------
    str
    """
    text = "" if value is None else str(value)
    if len(text) <= 40 and _CODE.fullmatch(text):
        return text.replace("_", " ")
    return text


def side_name(side) -> str:
    """A side as a name: ``united_states`` -> ``United States``, ``israel`` -> ``Israel``.

    ``other`` and ``unknown`` name no party and stay in lower case; a missing side is
    ``unknown``.
    """
    text = "unknown" if side is None else str(side)
    if text in _NO_PARTY or not re.fullmatch(r"[a-z][a-z0-9_]*", text):
        return text
    return " ".join(w[:1].upper() + w[1:] for w in text.split("_"))


def measure_label(column: str) -> str:
    """The label of a comparison or corpus column (``readability_flesch_kincaid_grade``
    -> ``Flesch-Kincaid grade``); another snake_case name in words, first letter
    capitalised; any other name as it is."""
    if column in MEASURE_LABELS:
        return MEASURE_LABELS[column]
    for prefix in _PREFIXES:
        if prefix != "civilian_" and column.startswith(prefix) \
                and column[len(prefix):] in MEASURE_LABELS:
            return MEASURE_LABELS[column[len(prefix):]]
    if column.startswith("role_"):
        return f"Share of sources: {code_words(column[5:])}"
    if not _CODE.fullmatch(column):
        return column  # a name already in words (or a label given by the user)
    text = code_words(column)
    return text[:1].upper() + text[1:]
