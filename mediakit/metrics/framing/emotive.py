"""Emotive terms: loading them, and counting them per victim side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ...text import Document
from .mentions import HarmMention
from .sides import UNATTRIBUTED, sentence_side
from .tokens import _WORDS
from .triggers import _YAML_LOADER


@lru_cache(maxsize=8)
def _load_emotive_cached(path: str | None) -> Mapping[str, str]:
    if path is None:
        raw = resources.files("mediakit.data").joinpath("emotive_terms.yaml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    data = yaml.load(raw, Loader=_YAML_LOADER) or {}
    out: dict[str, str] = {}
    for lemma, forms in (data.get("terms") or {}).items():
        for f in forms:
            out[str(f).lower()] = str(lemma)
    return out


def load_emotive_terms(path: str | Path | None = None) -> Mapping[str, str]:
    """Load the emotive terms as a mapping from surface form to lemma (cached).

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with a ``terms: {lemma: [forms]}`` mapping. Defaults to
        ``mediakit/data/emotive_terms.yaml``.

    Returns
    -------
    Mapping[str, str]
        Lower-case surface form -> lemma.
    """
    return _load_emotive_cached(None if path is None else str(path))


def emotive_counts_by_side(
    doc: Document,
    mentions: Sequence[HarmMention],
    emotive_terms: Mapping[str, str] | str | Path | None = None,
) -> dict:
    """Count emotive terms per side whose victims they describe.

    Each emotive word in a sentence is credited to the victim side of the harm
    mentions in that sentence: the one side they name, ``"both"`` if they name
    several, ``"unknown"`` if none is named; a sentence with no harm mention
    credits ``"unattributed"``.

    Parameters
    ----------
    doc : Document
        The segmented text.
    mentions : Sequence[HarmMention]
        Harm mentions of ``doc`` (:func:`find_harm_mentions`).
    emotive_terms : Mapping[str, str], str or Path, optional
        Surface form -> lemma, or the path of a YAML term file. Defaults to
        ``mediakit/data/emotive_terms.yaml``.

    Returns
    -------
    dict
        ``{"total": n, "by_side": {side: {"total": n, "terms": {lemma: n}}}}``,
        sides and terms in sorted order.

    References
    ----------
    Johnson, A. & Ali, O. (2024). The Intercept, 9 January 2024; Jackson (2024).
    """
    terms = emotive_terms if isinstance(emotive_terms, Mapping) else load_emotive_terms(
        emotive_terms)
    by_sentence: dict[int, list[HarmMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    counts: dict[str, dict[str, int]] = {}
    total = 0
    for idx, s in enumerate(doc.sentences):
        lemmas = [terms[w] for w in (x.lower() for x in
                                     _WORDS.findall(doc.normalized[s.start:s.end]))
                  if w in terms]
        if not lemmas:
            continue
        ms = by_sentence.get(idx)
        side = sentence_side(ms) if ms else UNATTRIBUTED
        bucket = counts.setdefault(side, {})
        for lem in lemmas:
            bucket[lem] = bucket.get(lem, 0) + 1
            total += 1
    return {
        "total": total,
        "by_side": {
            side: {"total": sum(c.values()), "terms": dict(sorted(c.items()))}
            for side, c in sorted(counts.items())
        },
    }
