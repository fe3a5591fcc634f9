"""Scoring the text-integrity flags on hand-labelled gold (``tests/gold/integrity.jsonl``).

``python -m mediakit.evaluate integrity tests/gold`` prints the figures; the format of
the gold is in ``tests/gold/README.md`` and the figures are in ``docs/evaluation.md``.

A gold line is one text: ``{"id", "kind", "genre", "split", "text", "flags": [{"sentence",
"flags"}]}``. Every sentence of the text that ``flags`` does not list is clean. Sentences
are mediakit's own (``segment``); a listed sentence that is not one of them is an error in
the gold, reported with the text's id.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import MediakitError
from .metrics.integrity import FLAGS, integrity
from .text import segment

__all__ = ["evaluate_integrity"]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _labelled(item: dict, path: Path, genre: str | None):
    """(gold flags, predicted flags) of each sentence of one gold text."""
    doc = segment(item["text"])
    gold = {g["sentence"]: set(g["flags"]) for g in item["flags"]}
    texts = {s.text for s in doc.sentences}
    missing = [s for s in gold if s not in texts]
    if missing:
        raise MediakitError(path, f"{item['id']}: not a sentence of the text: {missing[0]!r}")
    result = integrity(doc, genre=genre, rules_path=_RULES[0], phrases_path=_RULES[1])
    predicted = {s.index: set(s.flags) for s in result.sentences}
    return [(gold.get(s.text, set()), predicted.get(s.index, set())) for s in doc.sentences]


_RULES: list = [None, None]


def _score(pairs: list[tuple[set, set]]) -> dict:
    out = {}
    for flag in FLAGS:
        tp = sum(1 for g, p in pairs if flag in g and flag in p)
        out[flag] = _prf(tp, sum(1 for _, p in pairs if flag in p),
                         sum(1 for g, _ in pairs if flag in g))
    tp = sum(1 for g, p in pairs if g and p)
    out["any"] = _prf(tp, sum(1 for _, p in pairs if p), sum(1 for g, _ in pairs if g))
    return out


def evaluate_integrity(gold_path: str | Path, integrity_rules: str | None = None,
                       stock_phrases: str | None = None) -> dict:
    """Precision and recall of each integrity flag on the gold texts.

    Parameters
    ----------
    gold_path : str or Path
        ``tests/gold/integrity.jsonl`` or a folder holding it.
    integrity_rules, stock_phrases : str, optional
        Word lists instead of the packaged ones.

    Returns
    -------
    dict
        ``{"sentences": {flag: {precision, recall, f1, tp, predicted, gold}, "any": ...},
        "clean_texts": {...}, "first_person": {"sentences", "flagged_with_genre",
        "flagged_as_news"}, "n_texts", "n_sentences"}``. ``sentences`` scores every
        sentence of every text with its gold genre; ``first_person`` counts the false
        flags on the first-person features and opinion pieces, read with their genre and
        read as news.
    """
    path = Path(gold_path)
    if path.is_dir():
        path = path / "integrity.jsonl"
    items = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    _RULES[:] = [integrity_rules, stock_phrases]
    try:
        pairs, clean, first = [], [], {"sentences": 0, "flagged_with_genre": 0,
                                       "flagged_as_news": 0}
        for item in items:
            labelled = _labelled(item, path, item.get("genre"))
            pairs += labelled
            if item["kind"] == "clean":
                clean += labelled
            if item["kind"] == "first_person":
                first["sentences"] += len(labelled)
                first["flagged_with_genre"] += sum(1 for _, p in labelled if p)
                first["flagged_as_news"] += sum(
                    1 for _, p in _labelled(item, path, "news") if p)
    finally:
        _RULES[:] = [None, None]
    return {"n_texts": len(items), "n_sentences": len(pairs), "sentences": _score(pairs),
            "clean_texts": {"sentences": len(clean),
                            "flagged": sum(1 for _, p in clean if p)},
            "first_person": first}
