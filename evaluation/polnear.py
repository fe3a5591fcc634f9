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
from mediakit.extract.lexicon import classify_cue, load_cue_types
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


_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019,.;:()"


def _trim(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """A span list without surrounding blanks, quotation marks and punctuation, so that
    "Lopez," and "Lopez" are the same source."""
    out = []
    for s, e in sorted(spans):
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def _content_tokens(text: str, spans: list[list[tuple[int, int]]]) -> set[int]:
    return {m.start() + s for sp in spans for s, e in sp for m in _WORD.finditer(text[s:e])}


class _Tally:
    """The counts of one split, added article by article."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.kind_pred: Counter[str] = Counter()
        self.kind_tp: Counter[str] = Counter()
        self.type_gold: Counter[str] = Counter()
        self.type_found: Counter[str] = Counter()
        self.type_source: Counter[str] = Counter()
        self.pred_type: Counter[str] = Counter()

    def add(self, text: str, gold: list[dict], preds: list, types: list[str]) -> None:
        c = self.c
        pspans = [[(p.start, p.end)] for p in preds]
        gspans = [g["content"] for g in gold]
        c["gold"] += len(gold)
        c["pred"] += len(preds)
        c["tp"] += len(match_spans(text, pspans, gspans))
        mp, matched_gold, best = loose_matches(text, pspans, gspans)
        c["lp"] += len(mp)
        c["lg"] += len(matched_gold)
        for p in preds:
            self.kind_pred[p.kind] += 1
            self.pred_type[getattr(p, "cue_type", None) or "untyped"] += 1
        for pi, gi in best.items():
            p, g = preds[pi], gold[gi]
            self.kind_tp[p.kind] += 1
            c["cue_ok"] += _overlaps((p.cue_start, p.cue_end), g["cue"])
            if g["source"]:
                c["src_n"] += 1
                c["src_ok"] += _overlaps((p.speaker_start, p.speaker_end), g["source"])
        # Source spans, exact: each distinct span once, as in span-tagging evaluations.
        gsrc = {_trim(text, g["source"]) for g in gold if g["source"]} - {()}
        psrc = {_trim(text, [_source_span(p)]) for p in preds
                if _source_span(p)[0] is not None} - {()}
        c["src_gold"] += len(gsrc)
        c["src_pred"] += len(psrc)
        c["src_tp"] += len(gsrc & psrc)
        # Content, token-wise (PolNeAR's own agreement measure is token-wise).
        gt, pt = _content_tokens(text, gspans), _content_tokens(text, pspans)
        c["tok_gold"] += len(gt)
        c["tok_pred"] += len(pt)
        c["tok_tp"] += len(gt & pt)
        for gi, (g, t) in enumerate(zip(gold, types, strict=True)):
            self.type_gold[t] += 1
            self.type_found[t] += gi in matched_gold
            self.type_source[t] += bool(g["source"]) and _trim(text, g["source"]) in psrc

    def figures(self) -> dict:
        c = self.c
        p_loose = c["lp"] / c["pred"] if c["pred"] else 0.0
        r_loose = c["lg"] / c["gold"] if c["gold"] else 0.0
        speech = "speech"
        return {
            "gold": c["gold"],
            "predicted": c["pred"],
            "attribution": {
                "precision": round(p_loose, 4),
                "recall": round(r_loose, 4),
                "f1": round(2 * p_loose * r_loose / (p_loose + r_loose), 4) if c["lp"] else 0.0,
            },
            "attribution_one_to_one": _prf(c["tp"], c["pred"], c["gold"]),
            "source_exact": _prf(c["src_tp"], c["src_pred"], c["src_gold"]),
            "content_overlap": _prf(c["tok_tp"], c["tok_pred"], c["tok_gold"]),
            "cue_match": round(c["cue_ok"] / c["lp"], 4) if c["lp"] else 0.0,
            "source_match": round(c["src_ok"] / c["src_n"], 4) if c["src_n"] else 0.0,
            "speech_gold": self.type_gold[speech],
            "speech_recall": _share(self.type_found[speech], self.type_gold[speech]),
            "speech_source_recall": _share(self.type_source[speech], self.type_gold[speech]),
            "by_cue_type": {
                t: {"gold": self.type_gold[t],
                    "recall": _share(self.type_found[t], self.type_gold[t]),
                    "source_recall": _share(self.type_source[t], self.type_gold[t])}
                for t in sorted(self.type_gold)
            },
            "predicted_by_cue_type": dict(sorted(self.pred_type.items())),
            "by_kind": {
                k: {"predicted": self.kind_pred[k],
                    "precision": _share(self.kind_tp[k], self.kind_pred[k])}
                for k in sorted(self.kind_pred)
            },
        }


def _source_span(p) -> tuple:
    """The source span as PolNeAR marks it (with apposition), else the speaker mention."""
    if getattr(p, "source_start", None) is not None:
        return (p.source_start, p.source_end)
    return (p.speaker_start, p.speaker_end)


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def _gold_cue_type(cue_text: str, types: dict, verbs: dict) -> str:
    """A gold cue's type from its head word, with the lexicon mediakit itself uses."""
    return classify_cue(_WORD.findall(cue_text), types, verbs)[0]


def _articles(root: Path, split: str, limit: int | None) -> list[tuple[Path, Path]]:
    meta = root / "metadata.tsv"
    if not meta.is_file():
        raise ParameterError(root, "no metadata.tsv: not a PolNeAR folder")
    rows = []
    with meta.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["compartment"] == split:
                rows.append(row)
    if limit is not None:
        rows = rows[:limit]
    out = []
    for row in rows:
        name = row["filename"]
        annotator = row["annotators"].split("|")[0]
        text_path = root / split / "text" / f"{name}.txt"
        ann_path = root / split / "attributions" / f"{name}_{annotator}.ann"
        if text_path.is_file() and ann_path.is_file():
            out.append((text_path, ann_path))
    return out


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
        ``articles``, ``gold``, ``predicted``; ``attribution`` P/R/F1 (many-to-one
        content match of :func:`loose_matches`) and ``attribution_one_to_one``;
        ``source_exact`` (distinct Source spans of an article against distinct speaker
        spans, exact after trimming blanks and punctuation at the edges, over all
        relations); ``content_overlap`` (token-wise: word tokens inside some gold
        Content against word tokens inside some predicted content); ``cue_match`` and
        ``source_match`` (shares of matched pairs whose cue spans, and whose speaker
        mention and gold Source spans, overlap); ``by_cue_type``: per type of the gold
        cue (its head word typed by ``cue_types.txt``, then ``reporting_verbs.txt``),
        the gold count, content recall and exact source recall; ``speech_recall`` and
        ``speech_source_recall`` for type ``speech``; ``predicted_by_cue_type``;
        ``by_kind`` precision per predicted kind; ``seconds``.

    References
    ----------
    Newell, Margolin & Ruths (2018), LREC.
    """
    verbs = load_reporting_verbs()
    types = load_cue_types()
    articles = _articles(Path(folder), split, limit)
    tally = _Tally()
    t0 = time.perf_counter()
    for text_path, ann_path in articles:
        text = text_path.read_text("utf-8")
        gold = [g for g in read_brat(ann_path) if g["content"]]
        preds = extract_attributions(segment(text))
        tally.add(text, gold, preds, [_gold_cue_type(g["cue_text"], types, verbs) for g in gold])
    return {"split": split, "articles": len(articles), **tally.figures(),
            "seconds": round(time.perf_counter() - t0, 2)}
