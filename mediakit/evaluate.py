"""Score mediakit on your own hand-coded gold: ``python -m mediakit.evaluate TASK GOLD``.

The one evaluation module that ships with mediakit, so that a researcher who edits the
codebook or a word list can measure the change on gold data of their own, in the formats
of ``tests/gold/README.md``:

* ``sources`` (:func:`evaluate_gold`): who speaks, on gold files of attributions
  (content, speaker, kind, role, side), per split;
* ``framing`` (:func:`evaluate_framing`): harm constructions and victim sides, on gold
  sentences;
* ``humanisation`` (:func:`evaluate_humanisation`): name, age, occupation, place and
  family of the people a text introduces;
* ``integrity`` (:func:`evaluate_integrity`): the
  text-integrity flags, per flag, on gold texts clean, damaged and first-person.

Every analysis parameter (``--codebook``, ``--reporting-verbs``, ``--occupations``, ...)
can be given, so an edited list is scored as it would run. The harnesses for annotated
corpora kept outside the repository (PolNeAR, the casualty sentences) are in the source
checkout's ``evaluation/`` folder, not in the package.

Matching rule for attributions: a predicted attribution matches a gold one when their
content spans share word tokens covering at least half of the shorter of the two (tokens
are runs of letters and digits, counted by their start offsets); pairs are matched one to
one, best overlap first.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import CodebookError, MediakitError, ParameterError
from .metrics.civilian import HUMANISATION_FIELDS, extract_humanisation
from .metrics.framing import CONSTRUCTIONS, HarmMention, find_harm_mentions
from .text import normalize_quotes, segment

__all__ = ["GOLD_SIDE_TERMS", "evaluate_framing", "evaluate_gold", "evaluate_humanisation",
           "evaluate_integrity",
           "loose_matches", "main", "match_spans"]

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


# ------------------------------------------------------------------ who speaks


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


def _as_gold_convention(preds: list) -> list:
    """The predictions as the project gold annotates them (``tests/gold/README.md``): a
    mixed statement (a partial attribution whose content is the reported clause) becomes
    one attribution per quoted fragment (content rule 6), and the content before a tag
    inside the reported clause (``statement.before_tag``) is left out (content rule 7)."""
    out = []
    for p in preds:
        if getattr(p, "rule", None) == "statement.before_tag":
            continue
        quotes = getattr(p, "quotes", ())
        if p.kind == "partial" and quotes and (p.start, p.end) not in quotes:
            out.extend(dataclasses.replace(p, start=s, end=e) for s, e in quotes)
        else:
            out.append(p)
    return out


def _score(rows: list[tuple[dict, list, str]]) -> dict:
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


#: The cue types the project gold annotates: speech acts, negated ones included ("did not
#: comment"); beliefs, intentions and evidence are not annotated there (PolNeAR has them).
GOLD_CUE_TYPES = "speech,stance,according_to,negated"


def evaluate_gold(folder: str | Path,
                  splits: tuple[str, ...] = ("tune", "heldout", "blind"),
                  codebook: str | None = None, reporting_verbs: str | None = None,
                  counted_cue_types: str = GOLD_CUE_TYPES) -> dict:
    """Score the "who speaks" analysis on hand-annotated gold files.

    Parameters
    ----------
    folder : str or Path
        ``tests/gold`` or ``tests/gold/sources``: JSON files in the format of
        ``tests/gold/README.md``.
    splits : tuple of str
        Which splits to score.
    codebook, reporting_verbs : str, optional
        A codebook and a reporting-verb list instead of the packaged ones.
    counted_cue_types : str
        Which attributions are scored, by cue type (the ``sources`` family's parameter).
        By default :data:`GOLD_CUE_TYPES`, the types the project gold annotates.

    Returns
    -------
    dict
        Per split: ``attribution`` P/R/F1 (content match, one to one, rule of
        :func:`match_spans`); ``speaker`` P/R/F1 (a matched attribution whose speaker
        string equals the gold speaker or one of its aliases, case-insensitive, a
        leading "the" ignored; both None counts as equal); ``speaker_accuracy_matched``,
        ``kind_accuracy`` and ``named_accuracy`` over matched attributions; and
        ``role_accuracy``/``side_accuracy``.
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
        preds = _as_gold_convention(list(analyze_sources(
            doc, codebook=codebook, verbs_path=reporting_verbs,
            counted_cue_types=counted_cue_types).attributions))
        by_split[split].append((item, preds, body))
    return {s: _score(rows) for s, rows in by_split.items() if rows}


# ------------------------------------------------------------------ harm framing


# Sides of the wars in the gold sentences: demonyms, country names, armed forces
# and the main cities, fixed before the held-out sentences were scored.
GOLD_SIDE_TERMS: dict[str, list[str]] = {
    "israel": ["Israel", "Israeli", "Israelis", "kibbutz", "Tel Aviv", "IDF"],
    "palestine": ["Palestinian", "Palestinians", "Gaza", "Gazan", "Gazans", "Hamas",
                  "West Bank", "Rafah", "Khan Younis"],
    "ukraine": ["Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kharkiv", "Odesa", "Dnipro",
                "Zaporizhzhia", "Kherson"],
    "russia": ["Russia", "Russian", "Russians", "Moscow", "Kremlin", "Belgorod", "Wagner"],
}


_LABELS = (*CONSTRUCTIONS, "none")


def _per_class(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> dict:
    out: dict = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        if tp + fp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                    "support": tp + fn}
    return out


def _matching(mentions: Sequence[HarmMention], a: int, b: int) -> HarmMention | None:
    for m in mentions:
        if m.start < b and m.end > a:
            return m
    return None


def evaluate_framing(
    gold_path: str | Path,
    side_terms: Mapping[str, Sequence[str]] | None = None,
    harm_lexicon: str | None = None,
) -> dict:
    """Score constructions and victim sides on the hand-labelled gold sentences.

    Each gold line is ``{"sentence", "trigger", "construction", "victim_side",
    "split"}``, and may add ``"perpetrator"`` (as written, or null) and
    ``"perpetrator_side"``. The predicted mention is the one whose trigger overlaps the first
    occurrence of the gold trigger in the sentence; no such mention is predicted
    ``"none"`` (a miss).

    Parameters
    ----------
    gold_path : str or Path
        ``tests/gold/framing.jsonl`` or a folder holding it.
    side_terms : Mapping[str, Sequence[str]], optional
        Side vocabulary; defaults to :data:`GOLD_SIDE_TERMS`.
    harm_lexicon : str, optional
        A harm lexicon instead of the packaged one.

    Returns
    -------
    dict
        ``{split: {"n", "accuracy", "per_class": {label: {precision, recall, f1,
        support}}, "victim_side_accuracy", "detected"}}`` for ``tune``, ``heldout``,
        ``blind`` (written by someone who never saw the rules), ``responsibility``
        (the constructions that name a perpetrator, written for them) and ``all``; with
        ``perpetrator_n`` and ``perpetrator_accuracy`` (perpetrator as written, loosely,
        and its side) where lines give a perpetrator.

    Raises
    ------
    MediakitError
        On a line with an unknown split.
    """
    path = Path(gold_path)
    if path.is_dir():
        path = path / "framing.jsonl"
    sides = side_terms or GOLD_SIDE_TERMS
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    results: dict[str, list] = {"tune": [], "heldout": [], "blind": [], "responsibility": [],
                                "all": []}
    for r in rows:
        doc = segment(r["sentence"])
        ms = find_harm_mentions(doc, lexicon=harm_lexicon, side_terms=sides)
        a = doc.text.lower().find(r["trigger"].lower())
        m = _matching(ms, a, a + len(r["trigger"])) if a >= 0 else None
        perp = None
        if "perpetrator" in r:
            # the perpetrator as written (loosely: one inside the other) and its side
            perp = m is not None and _same_phrase(m.perpetrator, r["perpetrator"]) and \
                m.perpetrator_side == r.get("perpetrator_side")
        rec = (r["construction"], m.construction if m else "none",
               r["victim_side"], m.victim_side if m else "none", perp)
        if r["split"] not in results:
            raise MediakitError(path, f"unknown split {r['split']!r} in the framing gold")
        results[r["split"]].append(rec)
        results["all"].append(rec)
    out: dict = {}
    for split, recs in results.items():
        if not recs:
            continue
        pairs = [(g, p) for g, p, *_ in recs]
        perps = [x[4] for x in recs if x[4] is not None]
        out[split] = {
            "n": len(recs),
            "accuracy": round(sum(g == p for g, p in pairs) / len(recs), 4),
            "detected": round(sum(p != "none" for _g, p in pairs) / len(recs), 4),
            "victim_side_accuracy": round(sum(gs == ps for _g, _p, gs, ps, _x in recs)
                                          / len(recs), 4),
            "per_class": _per_class(pairs, _LABELS),
        }
        if perps:
            out[split]["perpetrator_n"] = len(perps)
            out[split]["perpetrator_accuracy"] = round(sum(perps) / len(perps), 4)
    return out


def _same_phrase(pred: str | None, gold: str | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    p, g = normalize_quotes(pred).lower().strip(), normalize_quotes(gold).lower().strip()
    return p == g or p in g or g in p


# ------------------------------------------------------------------ humanisation


def _r(x):
    return None if x is None else round(x, 4)


def _norm(v) -> str:
    s = normalize_quotes(str(v)).lower().strip(" ,.")
    return re.sub(r"^(?:the|a|an|from)\s+", "", s)


def _match(field: str, pred, gold) -> bool:
    if field == "age":
        return int(pred) == int(gold)
    p, g = _norm(pred), _norm(gold)
    return p == g or (bool(p) and (p in g or g in p))


def evaluate_humanisation(path: str | Path, occupations: str | None = None,
                          family_terms: str | None = None) -> dict:
    """Per-field precision and recall of :func:`extract_humanisation` on gold data.

    Parameters
    ----------
    path : str or Path
        ``tests/gold`` (the folder) or the ``humanisation.jsonl`` file: one JSON
        object a line with ``text``, ``name``, ``age``, ``occupation``, ``place``,
        ``family`` (null when absent) and ``split`` (``tune`` or ``heldout``).
    occupations, family_terms : str, optional
        Word lists instead of the packaged ones.

    Returns
    -------
    dict
        ``{split: {field: {"tp", "fp", "fn", "precision", "recall", "f1"}}}`` for
        ``tune``, ``heldout`` and ``all``. A prediction is a true positive when the
        gold has the field and the values match (ages equal; strings equal after
        case, quotes and a leading "the/a/from" are ignored, or one containing the
        other); a predicted value that does not match counts as a false positive
        *and* a false negative. The name is extracted, never taken from the gold.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "humanisation.jsonl"
    rows = []
    for n, line in enumerate(p.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise CodebookError(p, f"not valid JSON: {exc.msg}", row=n) from None
    tallies = {s: {f: Counter() for f in HUMANISATION_FIELDS}
               for s in ("tune", "heldout", "blind", "all")}
    for row in rows:
        pred = extract_humanisation(row["text"], occupations_path=occupations,
                                    family_path=family_terms)
        for split in (row.get("split", "tune"), "all"):
            for f in HUMANISATION_FIELDS:
                g, pv = row.get(f), pred[f]
                c = tallies[split][f]
                if pv is not None and g is not None and _match(f, pv, g):
                    c["tp"] += 1
                else:
                    if pv is not None:
                        c["fp"] += 1
                    if g is not None:
                        c["fn"] += 1
    out: dict = {}
    for split, fields in tallies.items():
        out[split] = {}
        for f, c in fields.items():
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            prec = tp / (tp + fp) if tp + fp else None
            rec = tp / (tp + fn) if tp + fn else None
            f1 = (2 * prec * rec / (prec + rec)) if prec and rec else (0.0 if prec is not None
                                                                      and rec is not None else None)
            out[split][f] = {"tp": tp, "fp": fp, "fn": fn, "precision": _r(prec),
                             "recall": _r(rec), "f1": _r(f1)}
    out["n"] = {s: sum(1 for r in rows if r.get("split", "tune") == s)
                for s in ("tune", "heldout", "blind")}
    out["n"]["all"] = len(rows)
    return out


# ------------------------------------------------------------------ text integrity


def _integrity_labelled(item: dict, path: Path, genre: str | None, rules_path: str | None,
                        phrases_path: str | None) -> list[tuple[set, set]]:
    """(gold flags, predicted flags) of each sentence of one gold text."""
    from .metrics.integrity import integrity

    doc = segment(item["text"])
    gold = {g["sentence"]: set(g["flags"]) for g in item["flags"]}
    texts = {s.text for s in doc.sentences}
    missing = [s for s in gold if s not in texts]
    if missing:
        raise MediakitError(path, f"{item['id']}: not a sentence of the text: {missing[0]!r}")
    result = integrity(doc, genre=genre, rules_path=rules_path, phrases_path=phrases_path)
    predicted = {s.index: set(s.flags) for s in result.sentences}
    return [(gold.get(s.text, set()), predicted.get(s.index, set())) for s in doc.sentences]


def _flag_prf(tp: int, n_pred: int, n_gold: int) -> dict:
    return {**_prf(tp, n_pred, n_gold), "tp": tp, "predicted": n_pred, "gold": n_gold}


def _integrity_score(pairs: list[tuple[set, set]]) -> dict:
    from .metrics.integrity import FLAGS

    out = {}
    for flag in FLAGS:
        tp = sum(1 for g, p in pairs if flag in g and flag in p)
        out[flag] = _flag_prf(tp, sum(1 for _, p in pairs if flag in p),
                              sum(1 for g, _ in pairs if flag in g))
    tp = sum(1 for g, p in pairs if g and p)
    out["any"] = _flag_prf(tp, sum(1 for _, p in pairs if p), sum(1 for g, _ in pairs if g))
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
    lists = (integrity_rules, stock_phrases)
    pairs, clean, first = [], [], {"sentences": 0, "flagged_with_genre": 0,
                                   "flagged_as_news": 0}
    for item in items:
        labelled = _integrity_labelled(item, path, item.get("genre"), *lists)
        pairs += labelled
        if item["kind"] == "clean":
            clean += labelled
        if item["kind"] == "first_person":
            first["sentences"] += len(labelled)
            first["flagged_with_genre"] += sum(1 for _, p in labelled if p)
            first["flagged_as_news"] += sum(
                1 for _, p in _integrity_labelled(item, path, "news", *lists) if p)
    return {"n_texts": len(items), "n_sentences": len(pairs),
            "sentences": _integrity_score(pairs),
            "clean_texts": {"sentences": len(clean),
                            "flagged": sum(1 for _, p in clean if p)},
            "first_person": first}


# ------------------------------------------------------------------ command line


def _print_block(title: str, res: dict) -> None:
    print(f"== {title}")
    for key, val in res.items():
        if isinstance(val, dict) and {"precision", "recall", "f1"} <= set(val):
            print(f"  {key:<26} P {val['precision']:.3f}  R {val['recall']:.3f}  "
                  f"F1 {val['f1']:.3f}")
        elif isinstance(val, dict):
            print(f"  {key:<26} {json.dumps(val)}")
        else:
            print(f"  {key:<26} {val}")


def print_results(task: str, res: dict, as_json: bool = False) -> None:
    """Print an evaluation's figures: blocks of aligned lines, or JSON."""
    if as_json:
        print(json.dumps(res, indent=2, sort_keys=True))
        return
    blocks = res if all(isinstance(v, dict) for v in res.values()) else {task: res}
    for title, block in blocks.items():
        _print_block(title, block)


def _evaluate_integrity(path, **kwargs) -> dict:
    res = evaluate_integrity(path, **kwargs)
    return {"sentences": res["sentences"], "texts": {
        "n_texts": res["n_texts"], "n_sentences": res["n_sentences"],
        "clean_flagged": res["clean_texts"]["flagged"],
        **{f"first_person_{k}": v for k, v in res["first_person"].items()}}}


#: task -> function of the parsed arguments returning the figures.
EVALUATIONS = {
    "sources": lambda a: evaluate_gold(a.path, codebook=a.codebook,
                                       reporting_verbs=a.reporting_verbs),
    "framing": lambda a: evaluate_framing(a.path, harm_lexicon=a.harm_lexicon),
    "humanisation": lambda a: evaluate_humanisation(a.path, occupations=a.occupations,
                                                    family_terms=a.family_terms),
    "integrity": lambda a: _evaluate_integrity(a.path, integrity_rules=a.integrity_rules,
                                               stock_phrases=a.stock_phrases),
}


def main(argv: list[str] | None = None) -> int:
    """Score on gold data and print the figures (``--json`` for machine-readable output)."""
    from .metrics.registry import all_parameters

    parser = argparse.ArgumentParser(prog="python -m mediakit.evaluate",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=list(EVALUATIONS))
    parser.add_argument("path", help="gold folder or file (format: tests/gold/README.md)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    for p in all_parameters():
        if p.data_file is not None:
            parser.add_argument(p.option, dest=p.name, metavar=p.metavar, help=p.help)
    args = parser.parse_args(argv)
    if not Path(args.path).exists():
        print(f"error: {args.path}: no such gold file or folder", file=sys.stderr)
        return 2
    try:
        res = EVALUATIONS[args.task](args)
    except MediakitError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # unreadable or malformed gold
        print(f"error: {args.path}: cannot read the {args.task} gold: {exc}", file=sys.stderr)
        return 2
    print_results(args.task, res, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
