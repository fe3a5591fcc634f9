"""PolNeAR (Newell, Margolin & Ruths 2018): attribution extraction on real US political news.

``python -m evaluation polnear ../shared/data/polnear --split dev``. The corpus is not
part of mediakit: pass the folder of a copy (``<split>/text``, ``<split>/attributions``,
``metadata.tsv``). Spans are matched with :func:`mediakit.evaluate.match_spans`.

References
----------
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. Proceedings of LREC 2018.
"""

from __future__ import annotations

import csv
import re
import time
from collections import Counter
from pathlib import Path

from mediakit.errors import ParameterError
from mediakit.evaluate import _prf, loose_matches, match_spans
from mediakit.extract.attribution import extract_attributions, load_reporting_verbs
from mediakit.text import segment

__all__ = ["evaluate_polnear", "read_brat"]

_WORD = re.compile(r"[^\W_]+")


def read_brat(path: str | Path) -> list[dict]:
    """Read PolNeAR's brat standoff file into attribution relations.

    Parameters
    ----------
    path : str or Path
        A ``.ann`` file.

    Returns
    -------
    list of dict
        One dict per relation with ``content``, ``cue`` and ``source`` (each a list of
        ``(start, end)`` spans, empty when absent) and ``cue_text``.
    """
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            label, _, offsets = parts[1].partition(" ")
            sp = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                sp.append((int(a), int(b)))
            spans[parts[0]] = (label, sp, parts[2])
        elif line.startswith("E"):
            args = dict(a.split(":", 1) for a in line.split("\t")[1].split() if ":" in a)
            rels.append(args)
    def get(args: dict, role: str) -> list[tuple[int, int]]:
        t = args.get(role)
        return spans[t][1] if t in spans else []

    out = []
    for args in rels:
        cue_id = args.get("Cue")
        out.append(
            {
                "content": get(args, "Content"),
                "cue": get(args, "Cue"),
                "source": get(args, "Source"),
                "cue_text": spans[cue_id][2] if cue_id in spans else "",
            }
        )
    return out


def _overlaps(a: tuple[int | None, int | None], spans: list[tuple[int, int]]) -> bool:
    if a[0] is None or a[1] is None:
        return False
    return any(a[0] < e and s < a[1] for s, e in spans)


def _is_speech_cue(cue_text: str, verbs: dict) -> bool:
    words = tuple(w.lower() for w in _WORD.findall(cue_text))
    return any(words[i : i + n] in verbs for n in (1, 2) for i in range(len(words)))


def evaluate_polnear(folder: str | Path, split: str = "dev", limit: int | None = None) -> dict:
    """Score attribution extraction on PolNeAR.

    Parameters
    ----------
    folder : str or Path
        A PolNeAR copy laid out as ``<split>/text/<article>.txt``,
        ``<split>/attributions/<article>_<annotator>.ann`` and ``metadata.tsv``
        (the first annotator listed is used).
    split : str
        ``"train"`` or ``"dev"`` (tune on train, report dev).
    limit : int, optional
        Score only the first ``limit`` articles.

    Returns
    -------
    dict
        ``articles``, ``gold``, ``predicted``, ``matched``; ``attribution`` P/R/F1
        (content match rule of :func:`match_spans`); ``cue_match`` and
        ``source_match`` (shares of matched pairs whose cue spans, and whose speaker
        mention and gold Source spans, overlap; the latter over pairs whose gold
        relation has a Source); ``speech_recall`` (recall over gold relations whose
        cue contains a verb of our list, i.e. leaving out beliefs and other cues we do
        not model); ``by_kind`` precision per predicted kind; ``seconds``.

    References
    ----------
    Newell, Margolin & Ruths (2018), LREC.
    """
    root = Path(folder)
    meta = root / "metadata.tsv"
    if not meta.is_file():
        raise ParameterError(root, "no metadata.tsv: not a PolNeAR folder")
    verbs = load_reporting_verbs()
    rows = []
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] == split:
                rows.append(row)
    if limit is not None:
        rows = rows[:limit]
    n_gold = n_pred = tp = cue_ok = src_ok = src_n = speech_gold = speech_tp = 0
    lp = lg = 0
    kind_pred: Counter[str] = Counter()
    kind_tp: Counter[str] = Counter()
    t0 = time.perf_counter()
    for row in rows:
        name = row["filename"]
        annotator = row["annotators"].split("|")[0]
        text_path = root / split / "text" / f"{name}.txt"
        ann_path = root / split / "attributions" / f"{name}_{annotator}.ann"
        if not text_path.is_file() or not ann_path.is_file():
            continue
        text = text_path.read_text("utf-8")
        gold = [g for g in read_brat(ann_path) if g["content"]]
        preds = extract_attributions(segment(text))
        pspans = [[(p.start, p.end)] for p in preds]
        gspans = [g["content"] for g in gold]
        pairs = match_spans(text, pspans, gspans)
        mp, matched_gold, best = loose_matches(text, pspans, gspans)
        n_gold += len(gold)
        n_pred += len(preds)
        tp += len(pairs)
        lp += len(mp)
        lg += len(matched_gold)
        for p in preds:
            kind_pred[p.kind] += 1
        for pi, gi in best.items():
            p, g = preds[pi], gold[gi]
            kind_tp[p.kind] += 1
            cue_ok += _overlaps((p.cue_start, p.cue_end), g["cue"])
            if g["source"]:
                src_n += 1
                src_ok += _overlaps((p.speaker_start, p.speaker_end), g["source"])
        for gi, g in enumerate(gold):
            if _is_speech_cue(g["cue_text"], verbs):
                speech_gold += 1
                speech_tp += gi in matched_gold
    p_loose = lp / n_pred if n_pred else 0.0
    r_loose = lg / n_gold if n_gold else 0.0
    out = {
        "split": split,
        "articles": len(rows),
        "gold": n_gold,
        "predicted": n_pred,
        "attribution": {
            "precision": round(p_loose, 4),
            "recall": round(r_loose, 4),
            "f1": round(2 * p_loose * r_loose / (p_loose + r_loose), 4) if lp else 0.0,
        },
        "attribution_one_to_one": _prf(tp, n_pred, n_gold),
        "cue_match": round(cue_ok / lp, 4) if lp else 0.0,
        "source_match": round(src_ok / src_n, 4) if src_n else 0.0,
        "speech_gold": speech_gold,
        "speech_recall": round(speech_tp / speech_gold, 4) if speech_gold else 0.0,
        "by_kind": {
            k: {"predicted": kind_pred[k], "precision": round(kind_tp[k] / kind_pred[k], 4)}
            for k in sorted(kind_pred)
        },
        "seconds": round(time.perf_counter() - t0, 2),
    }
    return out
