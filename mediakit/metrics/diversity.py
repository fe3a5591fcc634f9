"""Diversity measures over category counts (pure functions, no text).

Used by :mod:`mediakit.metrics.sources` for the role and side mix of an article's sources.
Every function takes a mapping ``category -> count``; zero and negative counts are
ignored (a category with no sources is not part of the distribution).

References
----------
Shannon, C. E. (1948). A mathematical theory of communication. *Bell System
Technical Journal*, 27(3), 379-423.
Simpson, E. H. (1949). Measurement of diversity. *Nature*, 163, 688.
Pielou, E. C. (1966). The measurement of diversity in different types of biological
collections. *Journal of Theoretical Biology*, 13, 131-144.
Sigal, L. V. (1973). *Reporters and Officials: The Organization and Politics of
Newsmaking*. Lexington, MA: D. C. Heath.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

__all__ = [
    "evenness",
    "official_ratio",
    "richness",
    "shannon",
    "shares",
    "simpson",
]

DEFAULT_OFFICIAL_ROLES = ("government", "military", "armed_group")


def _positive(counts: Mapping[str, float]) -> dict[str, float]:
    return {k: v for k, v in counts.items() if v and v > 0}


def richness(counts: Mapping[str, float]) -> int:
    """Number of categories observed (count > 0): the ``k`` of :func:`evenness`."""
    return len(_positive(counts))


def shares(counts: Mapping[str, float], ndigits: int | None = None) -> dict[str, float]:
    """Each category's share of the total, ``n_i / N``.

    Parameters
    ----------
    counts : mapping of str to number
        Category counts.
    ndigits : int, optional
        Round the shares to this many decimal places.

    Returns
    -------
    dict
        Category -> share, in the order of ``counts``, for every category in
        ``counts`` (zero counts get share 0.0). Empty when the total is zero.
    """
    total = sum(v for v in counts.values() if v and v > 0)
    if total == 0:
        return {}
    out = {k: (v / total if v and v > 0 else 0.0) for k, v in counts.items()}
    if ndigits is not None:
        out = {k: round(v, ndigits) for k, v in out.items()}
    return out


def shannon(counts: Mapping[str, float]) -> float | None:
    """Shannon entropy in nats, ``H = -sum(p_i * ln p_i)`` (Shannon 1948).

    Returns
    -------
    float or None
        ``0.0`` for a single category; ``None`` when there is nothing to count.
    """
    pos = _positive(counts)
    total = sum(pos.values())
    if total == 0:
        return None
    h = -sum((v / total) * math.log(v / total) for v in pos.values())
    return max(h, 0.0)  # -0.0 for a single category


def evenness(counts: Mapping[str, float]) -> float | None:
    """Pielou's evenness ``J = H / ln k`` (Pielou 1966).

    ``k`` is the number of categories observed (count > 0), not the number the
    codebook could have produced: J says how evenly the voices that are present share
    the article, and is 1.0 when they share it equally.

    Returns
    -------
    float or None
        In [0, 1]; ``None`` when ``k <= 1`` (one voice type is neither even nor
        uneven, and ``ln 1 = 0``).
    """
    k = richness(counts)
    if k <= 1:
        return None
    return shannon(counts) / math.log(k)


def simpson(counts: Mapping[str, float]) -> float | None:
    """Simpson's diversity, the Gini-Simpson form ``D = 1 - sum(p_i ** 2)``.

    Simpson (1949) defined the concentration ``lambda = sum(p_i ** 2)``, the chance
    that two items drawn at random (with replacement) fall in the same category;
    ``1 - lambda`` is the chance that they differ.

    Returns
    -------
    float or None
        In [0, 1); ``0.0`` for one category; ``None`` when there is nothing to count.
    """
    pos = _positive(counts)
    total = sum(pos.values())
    if total == 0:
        return None
    return 1.0 - sum((v / total) ** 2 for v in pos.values())


def official_ratio(
    counts: Mapping[str, float], official_roles: Iterable[str] = DEFAULT_OFFICIAL_ROLES
) -> dict:
    """Official against non-official sources (Sigal 1973).

    Sigal's official channels are government and military spokespeople; armed groups'
    spokespeople are counted with them here. Every other role, ``unknown`` included,
    is non-official.

    Parameters
    ----------
    counts : mapping of str to number
        Role -> count.
    official_roles : iterable of str
        The roles that count as official.

    Returns
    -------
    dict
        ``official`` and ``non_official`` (counts), ``ratio`` = official /
        non-official (``None`` when there is no non-official source: the ratio is
        then infinite or undefined), ``share`` = official / all (``None`` when there
        is no source at all).
    """
    roles = set(official_roles)
    official = sum(v for k, v in counts.items() if k in roles and v and v > 0)
    other = sum(v for k, v in counts.items() if k not in roles and v and v > 0)
    total = official + other
    return {
        "official": official,
        "non_official": other,
        "ratio": official / other if other else None,
        "share": official / total if total else None,
    }
