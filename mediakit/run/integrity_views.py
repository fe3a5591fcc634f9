"""Report views of the text-integrity flags: the summary, the flagged sentences, and the
article with its flagged sentences marked.

Like :mod:`mediakit.run.report_views`, these take a metrics dict and compute nothing the
metrics do not hold. Article text is untrusted: it reaches the HTML only through pandas
tables (escaped) or :func:`html.escape`.
"""

from __future__ import annotations

import html

import pandas as pd

from .labels import code_words
from .report_views import _needs, _pct, paragraph_number, text_html

__all__ = ["article_marked_html", "flagged_sentences_table", "integrity_summary"]

_BAND_TEXT = {"clean": "clean: no sentence flagged",
              "some": "some: a few sentences flagged",
              "suspect": "suspect: read before counting (scraped or machine-rewritten?)"}


@_needs("integrity")
def integrity_summary(metrics: dict) -> pd.DataFrame:
    """One row per fact: band, share flagged, genre, sentences per flag."""
    integ = metrics["integrity"]
    rows = [
        ("Band", _BAND_TEXT.get(integ["band"], integ["band"])),
        ("Sentences flagged", f"{integ['n_flagged']} of {integ['n_sentences']} "
                              f"({_pct(integ['flagged_share'])})"),
        ("Genre", f"{integ['genre']} ({integ['genre_source']})"),
        ("Person rules lowered (genre)", str(integ["n_lowered"])),
        ("Metrics computed without flagged sentences",
         "yes" if integ["excluded_from_metrics"] else "no"),
    ]
    rows += [(f"Flag: {code_words(flag)}", str(n)) for flag, n in integ["counts"].items()]
    return pd.DataFrame({"": [r[0] for r in rows], "value": [r[1] for r in rows]}
                        ).set_index("")


@_needs("integrity")
def flagged_sentences_table(metrics: dict) -> pd.DataFrame | str:
    """The flagged sentences: number, paragraph, flags, rules (with what matched), text."""
    flagged = [s for s in metrics["integrity"]["sentences"] if s["flags"]]
    if not flagged:
        return text_html("No sentence is flagged.")
    return pd.DataFrame({
        "sentence": [s["index"] + 1 for s in flagged],
        "paragraph": [paragraph_number(metrics, s["paragraph"]) for s in flagged],
        "flags": [", ".join(code_words(f) for f in s["flags"]) for s in flagged],
        "rules": ["; ".join(f"{r['rule']} ({r['match']})" if r["match"] else r["rule"]
                            for r in s["rules"] if r["rule"] not in s["lowered"])
                  for s in flagged],
        "text": [s["text"] for s in flagged],
    }).set_index("sentence")


@_needs("integrity")
def article_marked_html(metrics: dict) -> str:
    """The article sentence by sentence, paragraphs kept, flagged sentences marked.

    The sentences are those of the ``sentiment`` object (every sentence of the measured
    text); with ``exclude_flagged`` the flagged ones are not among them, and are listed
    by :func:`flagged_sentences_table` instead.
    """
    sentences = (metrics.get("sentiment") or {}).get("sentences") or []
    if not sentences:
        return text_html("The metrics file holds no sentences to show.")
    flags = {s["index"]: s["flags"] for s in metrics["integrity"]["sentences"] if s["flags"]}
    if metrics["integrity"]["excluded_from_metrics"]:
        flags = {}
    paragraphs: dict[int, list[str]] = {}
    for s in sentences:
        text = html.escape(s["text"])
        if s["index"] in flags:
            label = html.escape(", ".join(code_words(f) for f in flags[s["index"]]))
            text = (f'<mark title="{label}">{text}</mark>'
                    f' <sup style="color:#a00">[{label}]</sup>')
        paragraphs.setdefault(s["paragraph"], []).append(text)
    # Numbered from 1, as in the table of flagged sentences and the article view.
    body = "".join(f'<li value="{paragraph_number(metrics, n)}">{" ".join(parts)}</li>'
                   for n, parts in sorted(paragraphs.items()))
    return f'<div class="mediakit-article"><ol>{body}</ol></div>'
