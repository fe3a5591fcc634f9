"""Who is named responsible, on real war reporting (The Breach's Globe and Mail sentences).

``python -m evaluation breach ../shared/data/breach-globe``: 1,799 sentences about deaths in
the Gaza war, each labelled by hand with the victims (``Israeli``, ``Palestinian``,
``Both``, ``Neither``) and the perpetrator the sentence identifies (``Israel``, ``Hamas``,
``Both``, ``Neither``); kept outside the repository (read its README). Measures, per
sentence:

- agreement of mediakit's perpetrator label with the hand label (accuracy, Cohen's kappa);
- the share of sentences naming no perpetrator, by victim side, against the hand share;
- victim-side accuracy where the hand label names one side.

The rules are tuned on the even rows of the file (by its index column) only; the odd rows
are held out, and every figure is reported for ``all``, ``even`` (tune) and ``odd``
(held out). The sides are the packaged codebook's (``israel`` is the label ``Israel`` /
``Israeli``, ``palestine`` is ``Hamas`` / ``Palestinian``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mediakit.codebook import load_codebook
from mediakit.coding.agreement import cohen_kappa as _cohen_kappa
from mediakit.errors import MediakitError
from mediakit.metrics.framing import (
    HarmMention,
    find_harm_mentions,
    is_agentless,
    is_perpetrator_named,
    sentence_side,
)
from mediakit.text import segment

__all__ = ["PERPETRATOR_LABELS", "cohen_kappa", "evaluate_breach", "sentence_labels"]

#: The hand labels of the perpetrator and, in the same order, of the victims.
PERPETRATOR_LABELS = ("Israel", "Hamas", "Both", "Neither")
_VICTIM_LABELS = ("Israeli", "Palestinian", "Both", "Neither")
# codebook side -> (perpetrator label, victim label)
_SIDE_LABELS = {"israel": ("Israel", "Israeli"), "palestine": ("Hamas", "Palestinian")}
# harm types about deaths, the data set's selection
_DEATH_TYPES = frozenset({"killing", "death", "casualty_count"})


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of (gold, predicted) label pairs, rounded to four places.

    Computed by :func:`mediakit.coding.agreement.cohen_kappa` (Cohen 1960), the same
    function that compares coders; None for no pairs or when p_e = 1.
    """
    kappa = _cohen_kappa([g for g, _ in pairs], [p for _, p in pairs])
    return None if kappa is None else round(kappa, 4)


def _perpetrator_label(sides: Iterable[str]) -> str:
    found = {_SIDE_LABELS[s][0] for s in sides if s in _SIDE_LABELS}
    if len(found) > 1:
        return "Both"
    return found.pop() if found else "Neither"


def _victim_label(side: str) -> str:
    if side in _SIDE_LABELS:
        return _SIDE_LABELS[side][1]
    return "Both" if side == "both" else "Neither"


def sentence_labels(mentions: Sequence[HarmMention]) -> tuple[str, str]:
    """The (perpetrator, victim) labels of one sentence, in the data set's terms.

    The death mentions (killing, death, casualty count) decide, or every mention when
    there is none: the perpetrator label joins the ``perpetrator_side`` of each; the
    victim label is their :func:`sentence_side`.

    Parameters
    ----------
    mentions : Sequence[HarmMention]
        The harm mentions of the sentence.

    Returns
    -------
    tuple of str
        A label of :data:`PERPETRATOR_LABELS` and one of ``Israeli``, ``Palestinian``,
        ``Both``, ``Neither``.
    """
    dm = _deciding(mentions)
    perp = _perpetrator_label(s for m in dm for s in _sides_of(m.perpetrator_side))
    return perp, _victim_label(sentence_side(dm))


def _deciding(mentions: Sequence[HarmMention]) -> list[HarmMention]:
    return [m for m in mentions if m.harm_type in _DEATH_TYPES] or list(mentions)


def _sides_of(side: str | None) -> tuple[str, ...]:
    if side is None:
        return ()
    return ("israel", "palestine") if side == "both" else (side,)


def _read(folder: Path) -> list[dict]:
    path = folder / "globe_sentences.csv"
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise MediakitError(path, "cannot read the Breach/Globe sentences: "
                            f"{exc.strerror}") from None
    need = {"", "victim", "responsible", "sentence"}
    if rows and not need <= set(rows[0]):
        raise MediakitError(path, f"missing columns {sorted(need - set(rows[0]))}")
    return rows


def _share(xs: Sequence[bool]) -> float | None:
    return round(sum(xs) / len(xs), 4) if xs else None


def _figures(recs: Sequence[tuple[str, str, str, str]]) -> dict:
    """Figures over (gold perpetrator, predicted perpetrator, gold victim, predicted
    victim, every deciding mention agentless, no deciding mention names a perpetrator)
    records."""
    labelled = [(gp, pp) for gp, pp, _gv, _pv, _a, _n in recs if gp in PERPETRATOR_LABELS]
    out: dict = {
        "n": len(recs),
        "perpetrator_accuracy": _share([g == p for g, p in labelled]),
        "perpetrator_kappa": cohen_kappa(labelled),
        "perpetrator_confusion": {g: {p: sum(1 for a, b in labelled if a == g and b == p)
                                      for p in PERPETRATOR_LABELS}
                                  for g in PERPETRATOR_LABELS},
    }
    less: dict = {}
    for v in ("Israeli", "Palestinian"):
        by_gold = [(gp, pp) for gp, pp, gv, _pv, _a, _n in recs if gv == v and gp]
        agentless = [a for gp, _pp, gv, _pv, a, _n in recs if gv == v and gp]
        nobody = [n for gp, _pp, gv, _pv, _a, n in recs if gv == v and gp]
        by_pred = [pp for _gp, pp, _gv, pv, _a, _n in recs if pv == v]
        gold_share = _share([g == "Neither" for g, _ in by_gold])
        pred_share = _share([p == "Neither" for _, p in by_gold])
        e2e = _share([p == "Neither" for p in by_pred])
        less[v] = {"n_gold_side": len(by_gold), "gold": gold_share,
                   "predicted_on_gold_side": pred_share,
                   "agentless_on_gold_side": _share(agentless),
                   "no_perpetrator_on_gold_side": _share(nobody),
                   "n_predicted_side": len(by_pred), "predicted_on_predicted_side": e2e,
                   "gap_points": None if gold_share is None or pred_share is None
                   else round(100 * (pred_share - gold_share), 1)}
    out["perpetrator_less_share"] = less
    one = [(gv, pv) for _gp, _pp, gv, pv, _a, _n in recs if gv in ("Israeli", "Palestinian")]
    out["victim_side_accuracy_one_side"] = _share([g == p for g, p in one])
    out["victim_side_n_one_side"] = len(one)
    return out


def evaluate_breach(
    folder: str | Path,
    side_terms: Mapping[str, Sequence[str]] | None = None,
    harm_lexicon: str | None = None,
) -> dict:
    """Score the perpetrator and victim labels on the Breach/Globe sentences.

    Parameters
    ----------
    folder : str or Path
        The ``breach-globe`` folder (``globe_sentences.csv``). Read only.
    side_terms : Mapping[str, Sequence[str]], optional
        Defaults to the packaged codebook's side terms (and its ``opponents``).
    harm_lexicon : str, optional
        A harm lexicon instead of the packaged one.

    Returns
    -------
    dict
        ``{"all" | "even" | "odd": figures}``: ``n``, ``perpetrator_accuracy``,
        ``perpetrator_kappa``, ``perpetrator_confusion`` (gold -> predicted -> n),
        ``perpetrator_less_share`` (per victim side: the hand share, the predicted
        share over the same sentences, the gap in points, and the predicted share over
        the sentences mediakit puts on that side, the share where no deciding mention
        names any perpetrator, of any side (``perpetrator_named_share``'s view), and the
        construction view: the share whose deciding mentions are all agentless),
        ``victim_side_accuracy_one_side``.
        Rows without a perpetrator label count only for the victim figures.

    Raises
    ------
    MediakitError
        If the file cannot be read or lacks a column.
    """
    cb = load_codebook()
    sides = side_terms if side_terms is not None else cb.side_terms
    opponents = cb.opponents if side_terms is None else None
    attacks = cb.attacks if side_terms is None else None
    victim_terms = cb.victim_terms if side_terms is None else None
    recs: dict[str, list] = {"all": [], "even": [], "odd": []}
    for row in _read(Path(folder)):
        ms = find_harm_mentions(segment(row["sentence"]), lexicon=harm_lexicon,
                                side_terms=sides, opponents=opponents, attacks=attacks,
                                victim_terms=victim_terms)
        perp, victim = sentence_labels(ms)
        agentless = all(is_agentless(m) for m in _deciding(ms))
        nobody = not any(is_perpetrator_named(m) for m in _deciding(ms))
        rec = (row["responsible"].strip(), perp, row["victim"].strip(), victim, agentless,
               nobody)
        recs["all"].append(rec)
        try:
            half = "even" if int(row[""]) % 2 == 0 else "odd"
        except ValueError:
            raise MediakitError(folder, f"row index {row['']!r} is not a number") from None
        recs[half].append(rec)
    return {k: _figures(v) for k, v in recs.items()}
