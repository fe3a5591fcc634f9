"""Roles and source types on real general news: how many sources the codebook leaves unknown.

``python -m evaluation unknown-roles ../shared/data/polnear --split train``: runs
:func:`mediakit.metrics.sources.analyze_sources` on every PolNeAR article of a split (US
political news, 2015-2016; Newell, Margolin & Ruths 2018) and counts the distinct sources
per role and per source type. The corpus has no role labels: this measures coverage (the
share of sources whose role is ``unknown``), not accuracy; accuracy is read by hand on a
few articles (``docs/evaluation.md``).

References
----------
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. Proceedings of LREC 2018.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from mediakit.metrics.sources import analyze_sources
from mediakit.text import segment

from .polnear import _articles

__all__ = ["evaluate_unknown_roles"]


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def evaluate_unknown_roles(folder: str | Path, split: str = "train",
                           limit: int | None = None) -> dict:
    """Count the sources of a PolNeAR split by role and by source type.

    Parameters
    ----------
    folder : str or Path
        A PolNeAR copy (``metadata.tsv``, ``<split>/text/<article>.txt``).
    split : str
        ``"train"`` or ``"dev"``.
    limit : int, optional
        Only the first ``limit`` articles.

    Returns
    -------
    dict
        ``articles``, ``sources`` (distinct sources, all counted cue types),
        ``unknown_share`` (sources of role ``unknown`` / sources), ``roles`` (role ->
        sources), ``source_types`` (type -> sources; empty when the records carry no
        ``source_type``), ``unknown_named_share`` (named sources of role unknown / named
        sources) and ``seconds``.
    """
    roles: Counter[str] = Counter()
    types: Counter[str] = Counter()
    named = named_unknown = 0
    articles = _articles(Path(folder), split, limit)
    t0 = time.perf_counter()
    for text_path, _ in articles:
        res = analyze_sources(segment(text_path.read_text("utf-8")))
        for s in res.speakers:
            roles[s.role] += 1
            st = getattr(s, "source_type", None)
            if st is not None:
                types[st] += 1
            if s.named:
                named += 1
                named_unknown += s.role == "unknown"
    n = sum(roles.values())
    return {
        "split": split,
        "articles": len(articles),
        "sources": n,
        "unknown_share": _share(roles["unknown"], n),
        "unknown_named_share": _share(named_unknown, named),
        "roles": dict(roles.most_common()),
        "source_types": dict(types.most_common()),
        "seconds": round(time.perf_counter() - t0, 2),
    }
