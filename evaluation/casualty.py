"""Harm mentions and victim sides on real US war reporting (the casualty sentences).

``python -m evaluation casualty ../shared/data/casualty-sentences``: Jackson's sentences of
New York Times, Washington Post and Wall Street Journal coverage of the Gaza war
(hollyjackson/casualty_mentions_nyt), kept outside the repository. Measures how often a
harm mention is found, how often the victim side agrees with the hand label, and how often
active/passive agrees with the data set's automatic (parser-assigned, so only rough)
voice tag. The side vocabularies here are evaluation settings; in production the codebook
supplies ``side_terms``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from mediakit.metrics.framing import (
    CONSTRUCTIONS,
    emotive_counts_by_side,
    find_harm_mentions,
    sentence_side,
)
from mediakit.text import segment

__all__ = ["CASUALTY_SIDE_TERMS", "evaluate_casualty_corpus"]


# The two sides of the casualty-sentence labels. Place names are the main places of
# the 7 October attack (Israel side) and of the Gaza Strip (Palestine side).
CASUALTY_SIDE_TERMS: dict[str, list[str]] = {
    "israel": ["Israel", "Israeli", "Israelis", "Jewish", "Jews", "kibbutz", "kibbutzim",
               "Tel Aviv", "Sderot", "Ashkelon", "Be'eri", "Beeri", "Kfar Aza", "Nir Oz",
               "Reim", "Ofakim", "IDF"],
    "palestine": ["Palestinian", "Palestinians", "Gaza", "Gazan", "Gazans", "Hamas",
                  "West Bank", "Rafah", "Khan Younis", "Jabaliya", "Jabalia", "Islamic Jihad",
                  "Deir al-Balah", "Gaza City", "al-Ahli", "Ahli Arab"],
}


_SPACES = re.compile(r"\s+")


# The corpus's tokenisation detached punctuation and clitics ("Israel 's", "killed ,").
_DETACHED = re.compile(r" (?=[,.;:!?%)\]]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b)")


_OPEN = re.compile(r"([(\[$]) ")


def _clean(sentence: str) -> str:
    s = _SPACES.sub(" ", sentence).strip()
    s = _DETACHED.sub("", s)
    return _OPEN.sub(r"\1", s)


def evaluate_casualty_corpus(
    folder: str | Path,
    side_terms: Mapping[str, Sequence[str]] | None = None,
) -> dict:
    """Measure detection, victim side and voice on the casualty sentences.

    Parameters
    ----------
    folder : str or Path
        The folder of ``tagged_data_*.csv`` files (Jackson 2024). Read only.
    side_terms : Mapping[str, Sequence[str]], optional
        Defaults to :data:`CASUALTY_SIDE_TERMS`.

    Returns
    -------
    dict
        ``n_sentences``; ``detection_recall`` (share of sentences with at least one
        death or killing mention, and with any harm mention); ``victim_side``
        (accuracy against the hand ``category``, a confusion table, and accuracy
        among sentences where a side was decided); ``emotive`` counts per side, as
        attributed by the rules and by the hand label; ``voice_agreement`` with the
        automatic ``auto_tagged_voice`` (a rough reference): the first killing or
        death verb of the sentence, active = ``active_agent``, passive =
        ``passive_*``.

    References
    ----------
    Jackson, H. (2024). casualty_mentions_nyt. GitHub: hollyjackson/casualty_mentions_nyt.
    """
    sides = side_terms or CASUALTY_SIDE_TERMS
    files = sorted(Path(folder).glob("*.csv"))
    n = 0
    any_harm = 0
    death = 0
    side_ok = 0
    decided = 0
    decided_ok = 0
    confusion: dict[str, dict[str, int]] = {}
    voice_n = 0
    voice_ok = 0
    voice_conf: dict[str, dict[str, int]] = {}
    constructions = dict.fromkeys(CONSTRUCTIONS, 0)
    emotive_pred: dict[str, dict[str, int]] = {}
    emotive_gold: dict[str, dict[str, int]] = {}
    for f in files:
        with f.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                text = _clean(row["sentence"])
                doc = segment(text)
                ms = find_harm_mentions(doc, side_terms=sides)
                emo = emotive_counts_by_side(doc, ms)["by_side"]
                for side, v in emo.items():
                    for lem, c in v["terms"].items():
                        emotive_pred.setdefault(side, {}).setdefault(lem, 0)
                        emotive_pred[side][lem] += c
                        g = row["category"].strip().lower()
                        emotive_gold.setdefault(g, {}).setdefault(lem, 0)
                        emotive_gold[g][lem] += c
                n += 1
                any_harm += bool(ms)
                dm = [m for m in ms if m.harm_type in ("killing", "death", "casualty_count")]
                death += bool(dm)
                for m in ms:
                    constructions[m.construction] += 1
                gold = row["category"].strip().lower()
                pred = sentence_side(dm or ms)
                confusion.setdefault(gold, {}).setdefault(pred, 0)
                confusion[gold][pred] += 1
                side_ok += pred == gold
                if pred != "unknown":
                    decided += 1
                    decided_ok += pred == gold
                voice = (row.get("auto_tagged_voice") or "").strip().upper()
                verbs = [m for m in dm if m.construction != "nominal"]
                if voice in ("ACTIVE", "PASSIVE") and verbs:
                    c = verbs[0].construction
                    mine = ("ACTIVE" if c == "active_agent" else
                            "PASSIVE" if c.startswith("passive") else "INTRANSITIVE")
                    voice_n += 1
                    voice_ok += mine == voice
                    voice_conf.setdefault(voice, {}).setdefault(mine, 0)
                    voice_conf[voice][mine] += 1
    total = sum(constructions.values())
    return {
        "n_sentences": n,
        "detection_recall": {"death_or_killing": round(death / n, 4) if n else None,
                             "any_harm": round(any_harm / n, 4) if n else None},
        "victim_side": {
            "accuracy": round(side_ok / n, 4) if n else None,
            "decided_share": round(decided / n, 4) if n else None,
            "accuracy_when_decided": round(decided_ok / decided, 4) if decided else None,
            "confusion": {g: dict(sorted(p.items())) for g, p in sorted(confusion.items())},
        },
        "voice_agreement": {
            "n": voice_n,
            "agreement": round(voice_ok / voice_n, 4) if voice_n else None,
            # leaving out "died"-type verbs, which a parser calls active
            "agreement_voiced_only": _voiced_agreement(voice_conf),
            "confusion": {g: dict(sorted(p.items())) for g, p in sorted(voice_conf.items())},
            "note": "auto_tagged_voice was assigned by a dependency parser: rough reference",
        },
        "construction_shares": {k: round(v / total, 4) if total else None
                                for k, v in constructions.items()},
        # emotive terms per victim side: as attributed by the rules, and by the
        # sentence's hand label (the comparison of the published analyses)
        "emotive": {
            "by_predicted_side": {k: dict(sorted(v.items())) for k, v in
                                  sorted(emotive_pred.items())},
            "by_hand_label": {k: dict(sorted(v.items())) for k, v in
                              sorted(emotive_gold.items())},
        },
    }


def _voiced_agreement(conf: Mapping[str, Mapping[str, int]]) -> float | None:
    n = sum(v for g in conf.values() for k, v in g.items() if k != "INTRANSITIVE")
    ok = sum(conf.get(k, {}).get(k, 0) for k in ("ACTIVE", "PASSIVE"))
    return round(ok / n, 4) if n else None
