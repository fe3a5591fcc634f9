"""Measure the attribution extractor against annotated news.

Two yardsticks:

* :func:`evaluate_polnear` scores :func:`mediakit.extract.attribution.extract_attributions` on the
  PolNeAR corpus (Newell, Margolin & Ruths 2018), real US political news annotated
  with Source, Cue and Content spans. The corpus is not part of mediakit: pass the folder
  of a copy you downloaded yourself.
* :func:`evaluate_gold` scores the full "who speaks" analysis on the hand-annotated gold
  files in ``tests/gold/sources`` (format in ``tests/gold/README.md``), separately for
  the files the rules were tuned on and the held-out ones.

Matching rule (both): a predicted attribution matches a gold one when their content
spans share word tokens covering at least half of the shorter of the two (tokens are
runs of letters and digits, counted by their start offsets); pairs are matched one to
one, best overlap first.

References
----------
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. Proceedings of LREC 2018.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter
from pathlib import Path

from .errors import ParameterError
from .extract.attribution import Attribution, extract_attributions, load_reporting_verbs
from .text import segment

__all__ = ["evaluate_gold", "evaluate_polnear", "match_spans", "read_brat"]

_WORD = re.compile(r"[^\W_]+")


def _tokens(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() + s for m in _WORD.finditer(text[s:e]))
    return frozenset(out)


def _overlap_candidates(text, predicted, gold, threshold):
    """Every (share, shared tokens, predicted index, gold index) whose contents share word
    tokens covering at least ``threshold`` of the shorter one, in prediction order."""
    ptoks = [_tokens(text, p) for p in predicted]
    gtoks = [_tokens(text, g) for g in gold]
    # Index gold tokens so each prediction only meets the gold items it touches.
    owner: dict[int, list[int]] = {}
    for gi, toks in enumerate(gtoks):
        for t in toks:
            owner.setdefault(t, []).append(gi)
    cands = []
    for pi, toks in enumerate(ptoks):
        shared: Counter[int] = Counter()
        for t in toks:
            for gi in owner.get(t, ()):
                shared[gi] += 1
        for gi, n in shared.items():
            short = min(len(toks), len(gtoks[gi]))
            if short and n / short >= threshold:
                cands.append((n / short, n, pi, gi))
    return cands


def match_spans(
    text: str,
    predicted: list[list[tuple[int, int]]],
    gold: list[list[tuple[int, int]]],
    threshold: float = 0.5,
) -> list[tuple[int, int]]:
    """Match predicted to gold content spans one to one.

    Parameters
    ----------
    text : str
        The document the offsets index.
    predicted, gold : list of list of (int, int)
        Each item is one attribution's content, as one or more ``(start, end)`` spans.
    threshold : float
        Minimum share of the shorter content's word tokens that the two must share.

    Returns
    -------
    list of (int, int)
        ``(predicted index, gold index)`` pairs, best overlap first.
    """
    cands = _overlap_candidates(text, predicted, gold, threshold)
    cands.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, pi, gi in cands:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


def loose_matches(
    text: str,
    predicted: list[list[tuple[int, int]]],
    gold: list[list[tuple[int, int]]],
    threshold: float = 0.5,
) -> tuple[set[int], set[int], dict[int, int]]:
    """Many-to-one matching: which predictions overlap some gold item and which gold
    items some prediction overlaps (same overlap rule as :func:`match_spans`).

    Needed because a gold content may be discontinuous ("A," he said. "B.") while the
    extractor returns one attribution per quotation. Returns the matched prediction
    indices, the matched gold indices and, per matched prediction, its best gold item.
    """
    mp: set[int] = set()
    mg: set[int] = set()
    best: dict[int, int] = {}
    top: dict[int, int] = {}
    for _, n, pi, gi in _overlap_candidates(text, predicted, gold, threshold):
        mp.add(pi)
        mg.add(gi)
        if pi not in top or n > top[pi]:
            top[pi], best[pi] = n, gi
    return mp, mg, best


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


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


def _norm_speaker(s: str | None) -> str | None:
    if s is None:
        return None
    s = " ".join(s.replace("\u2019", "'").lower().split())
    return s[4:] if s.startswith("the ") else s


def _gold_body(item: dict, folder: Path) -> str:
    if "text" in item:
        return item["text"]
    from .io.articles import load_articles

    rel = Path(item["path"])
    for base in (Path.cwd(), *folder.resolve().parents):
        if (base / rel).is_file():
            return load_articles(base / rel)[0].body
    raise ParameterError(folder / f"{item.get('id', '?')}.json", f"text not found: {rel}")


def _score(rows: list[tuple[dict, list[Attribution], str]]) -> dict:
    n_pred = n_gold = tp = spk_ok = kind_ok = role_ok = side_ok = named_ok = 0
    roles = False
    for item, preds, body in rows:
        gold = item["attributions"]
        gspans = []
        for g in gold:
            i = body.find(g["content"])
            gspans.append([(i, i + len(g["content"]))] if i >= 0 else [])
        pspans = [[(p.start, p.end)] for p in preds]
        # Optional gold items neither reward nor penalise: predictions that fall on them
        # and the items themselves leave the counts.
        optional = {gi for gi, g in enumerate(gold) if g.get("optional")}
        _, _, best = loose_matches(body, pspans, gspans)
        drop_p = {pi for pi, gi in best.items() if gi in optional}
        keep_p = [pi for pi in range(len(preds)) if pi not in drop_p]
        keep_g = [gi for gi in range(len(gold)) if gi not in optional]
        pairs = match_spans(body, [pspans[pi] for pi in keep_p], [gspans[gi] for gi in keep_g])
        n_pred += len(keep_p)
        n_gold += len(keep_g)
        tp += len(pairs)
        for a, b in pairs:
            p, g = preds[keep_p[a]], gold[keep_g[b]]
            names = {_norm_speaker(g["speaker"])} | {_norm_speaker(x) for x in g.get("aliases", [])}
            spk_ok += _norm_speaker(p.speaker) in names
            kind_ok += p.kind == g["kind"]
            named_ok += bool(p.named) == bool(g.get("named"))
            if p.role is not None or p.side is not None:
                roles = True
                role_ok += p.role == g.get("role")
                side_ok += p.side == g.get("side")
    out = {
        "files": len(rows),
        "gold": n_gold,
        "predicted": n_pred,
        "attribution": _prf(tp, n_pred, n_gold),
        "speaker": _prf(spk_ok, n_pred, n_gold),
        "speaker_accuracy_matched": round(spk_ok / tp, 4) if tp else 0.0,
        "kind_accuracy": round(kind_ok / tp, 4) if tp else 0.0,
        "named_accuracy": round(named_ok / tp, 4) if tp else 0.0,
    }
    if roles:
        out["role_accuracy"] = round(role_ok / tp, 4) if tp else 0.0
        out["side_accuracy"] = round(side_ok / tp, 4) if tp else 0.0
    return out


def evaluate_gold(folder: str | Path,
                  splits: tuple[str, ...] = ("tune", "heldout", "blind")) -> dict:
    """Score the "who speaks" analysis on hand-annotated gold files.

    Parameters
    ----------
    folder : str or Path
        ``tests/gold`` or ``tests/gold/sources``: JSON files in the format of
        ``tests/gold/README.md``.
    splits : tuple of str
        Which splits to score.

    Returns
    -------
    dict
        Per split: ``attribution`` P/R/F1 (content match, one to one, rule of
        :func:`match_spans`); ``speaker`` P/R/F1 (a matched attribution whose speaker
        string equals the gold speaker or one of its aliases, case-insensitive, a
        leading "the" ignored; both None counts as equal); ``speaker_accuracy_matched``,
        ``kind_accuracy`` and ``named_accuracy`` over matched attributions; and
        ``role_accuracy``/``side_accuracy`` when :mod:`mediakit.sources` is available.
        Gold items marked ``optional`` are left out of the counts, with the predictions
        that fall on them.
    """
    root = Path(folder)
    if (root / "sources").is_dir():
        root = root / "sources"
    files = sorted(root.glob("*.json"))
    if not files:
        raise ParameterError(root, "no gold .json files")
    from .metrics.sources import analyze_sources
    by_split: dict[str, list] = {s: [] for s in splits}
    for f in files:
        try:
            item = json.loads(f.read_text("utf-8"))
        except json.JSONDecodeError as exc:
            raise ParameterError(f, f"not valid JSON: {exc.msg}", exc.lineno) from exc
        split = item.get("split")
        if split not in by_split:
            continue
        body = _gold_body(item, root)
        doc = segment(body)
        preds = list(analyze_sources(doc).attributions)
        by_split[split].append((item, preds, body))
    return {s: _score(rows) for s, rows in by_split.items() if rows}
