"""Check the hand-annotated gold files in ``tests/gold`` for internal consistency.

Run from the repository root::

    .venv/bin/python tests/gold/check_gold.py

It checks the format documented in ``tests/gold/README.md``: every ``content``, ``cue`` and
``mention`` is an exact substring of the article body, every enumerated field holds an allowed
value, and every humanisation field is an exact substring of its sentence. It does not judge
whether an annotation is *right*; that was done by reading. Exit status 1 on any problem.

The body is read here independently of :mod:`mediakit.io.articles` (``.md``: text after the YAML
front matter; ``.txt``: text after the first non-empty line; ``.json``: the ``body`` key), so a
change to the loader cannot silently change what the gold refers to. When ``mediakit`` is
importable, the cleaned body it produces is also checked to contain every ``content`` (the
cleaner removes web-clutter lines; no gold string may depend on them).

The answer keys of the teaching exercises (``mediakit/data/teaching/keys/*.json``, split
``"teaching"``, format as ``sources/``) are checked the same way and listed separately; they
are not gold for the evaluation and are not counted in its totals.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).resolve().parent
ROOT = GOLD.parent.parent
# Answer keys of the teaching exercises (package data, split "teaching"): same format, checked
# here too, but kept out of ``sources/`` so that they never enter the evaluation figures.
TEACHING_KEYS = ROOT / "mediakit" / "data" / "teaching" / "keys"

KINDS = {"direct", "partial", "indirect"}
ROLES = {"government", "military", "armed_group", "international", "ngo", "business", "legal",
         "expert", "media", "sport",
         "civilian", "unknown"}
SIDES = {"israel", "palestine", "united_states", "qatar", "egypt", "united_nations", "ukraine",
         "russia", "sudan", "other", "unknown"}
SPLITS = {"tune", "heldout", "blind", "teaching"}
QUOTES = "\"'“”‘’"
HUMAN_FIELDS = ("name", "age", "occupation", "place", "family")


def read_body(path: Path) -> str:
    """Body of an article file, as defined in tests/gold/README.md."""
    raw = path.read_text("utf-8")
    if path.suffix == ".json":
        return json.loads(raw)["body"]
    if path.suffix == ".md":
        if raw.startswith("---"):
            end = raw.find("\n---", 3)
            return raw[raw.find("\n", end + 1) + 1:]
        return raw
    lines = raw.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip():
            return "".join(lines[i + 1:])
    return ""


def cleaned_body(path: Path) -> str | None:
    """The body after mediakit's clutter cleaning, or None when mediakit is unavailable."""
    try:
        sys.path.insert(0, str(ROOT))
        from mediakit.io.articles import load_articles
    except Exception:  # pragma: no cover - the checker must also run without the package
        return None
    loaded = load_articles(str(path))
    return loaded[0].body if loaded else None


def check_source(path: Path, problems: list[str]) -> dict:
    doc = json.loads(path.read_text("utf-8"))
    where = path.name
    if doc.get("id") != path.stem:
        problems.append(f"{where}: id {doc.get('id')!r} does not match the file name")
    if ("path" in doc) == ("text" in doc):
        problems.append(f"{where}: needs exactly one of 'path' and 'text'")
    if doc.get("split") not in SPLITS:
        problems.append(f"{where}: bad split {doc.get('split')!r}")
    if "path" in doc:
        body = read_body(ROOT / doc["path"])
        clean = cleaned_body(ROOT / doc["path"])
    else:
        body, clean = doc["text"], None
    for n, att in enumerate(doc.get("attributions", [])):
        at = f"{where}[{n}]"
        for key in ("speaker", "mention", "kind", "cue", "content", "role", "side", "named"):
            if key not in att:
                problems.append(f"{at}: missing {key}")
        content = att.get("content") or ""
        if not content or content not in body:
            problems.append(f"{at}: content not in body: {content[:60]!r}")
        elif body.count(content) > 1:
            problems.append(f"{at}: content occurs more than once, so its offset is ambiguous")
        elif clean is not None and content not in clean:
            problems.append(f"{at}: content not in the cleaned body: {content[:60]!r}")
        # Content never starts with a quotation mark or space and never ends with a double
        # quotation mark, a space or the final stop/comma; it may end with a single closing
        # mark, which closes a nested quote ('... ‘Move south.’').
        if content and (content[0] in QUOTES + " \n" or content[-1] in "\"“”.,; \n"):
            problems.append(f"{at}: content has a stray quotation mark, space or final stop")
        for key in ("mention", "cue"):
            value = att.get(key)
            if value is not None and value not in body:
                problems.append(f"{at}: {key} not in body: {value!r}")
        if att.get("kind") not in KINDS:
            problems.append(f"{at}: bad kind {att.get('kind')!r}")
        if att.get("role") not in ROLES:
            problems.append(f"{at}: bad role {att.get('role')!r}")
        if att.get("side") not in SIDES:
            problems.append(f"{at}: bad side {att.get('side')!r}")
        if not isinstance(att.get("named"), bool):
            problems.append(f"{at}: named must be true or false")
        if att.get("speaker") is None and (att.get("named") or att.get("mention")):
            problems.append(f"{at}: a quote with no speaker cannot be named or have a mention")
    return doc


def check_humanisation(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        rows.append(row)
        at = f"{path.name}:{n}"
        if row.get("split") not in SPLITS:
            problems.append(f"{at}: bad split")
        for key in HUMAN_FIELDS:
            if key not in row:
                problems.append(f"{at}: missing {key}")
                continue
            value = row[key]
            if value is None:
                continue
            if key == "age":
                if not isinstance(value, int) or str(value) not in row["text"]:
                    problems.append(f"{at}: age {value!r} is not an integer found in text")
            elif not isinstance(value, str) or value not in row["text"]:
                problems.append(f"{at}: {key} {value!r} not in text")
    return rows


def main() -> int:
    problems: list[str] = []
    docs = [check_source(p, problems) for p in sorted((GOLD / "sources").glob("*.json"))]
    teaching = [check_source(p, problems) for p in sorted(TEACHING_KEYS.glob("*.json"))]
    human = check_humanisation(GOLD / "humanisation.jsonl", problems)
    kinds = Counter(a["kind"] for d in docs for a in d["attributions"])
    for d in docs:
        print(f"{d['id']:40s} {d['split']:8s} {len(d['attributions']):3d} attributions")
    print("kinds:", dict(kinds), "| total", sum(kinds.values()))
    print("heldout sources:", [d["id"] for d in docs if d["split"] == "heldout"])
    for d in teaching:
        print(f"{d['id']:40s} {d['split']:8s} {len(d['attributions']):3d} attributions")
    teaching_kinds = Counter(a["kind"] for d in teaching for a in d["attributions"])
    print("teaching keys (not in the totals above):", dict(teaching_kinds),
          "| total", sum(teaching_kinds.values()))
    heldout_rows = sum(r["split"] == "heldout" for r in human)
    print("humanisation rows:", len(human), "| heldout", heldout_rows)
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
