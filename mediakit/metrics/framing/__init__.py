"""Harm framing: how reports of killing, injury, displacement, hunger and
hostage-taking are told, and for whose victims.

Each mention of harm to people is found with a lexicon (``data/harm_lexicon.yaml``)
and its grammatical construction is classed by rules over the words around it:

``active_agent``
    an active verb with a doer: "an Israeli airstrike killed five people".
``passive_agent``
    a passive with a by-phrase: "three Palestinians were killed by Israeli fire".
``passive_agentless``
    a passive (full, reduced or adjectival) with no by-phrase: "22 people were
    killed in an airstrike", "the children killed in the strike".
``nominal``
    a noun that names the harm: "the death toll rose", "deaths", "casualties",
    "the dead". A noun with its perpetrator ("Israel's killing of", "killings by
    settlers") is still ``nominal``; its ``agent`` field is filled.
``intransitive``
    a verb or state whose only participant is the victim: "died", "perished",
    "lost their lives", "are dead", "children are starving".

Beside the construction, each mention records who the sentence names as responsible
(``perpetrator``, its side and the rule, and the ``cause``; see :mod:`.responsibility`):
"killed in an Israeli airstrike" is ``passive_agentless`` and names Israel as the
perpetrator. ``agentless_share`` (grammar) and ``perpetrator_named_share``
(responsibility, as Jackson 2024 and The Breach 2023 count it) are reported side by side.

The victims of each mention are assigned to a side with caller-supplied side terms
(see :func:`victim_side`). Emotive words (``data/emotive_terms.yaml``) are counted
per victim side, and the mean VADER compound of the sentences naming each side gives
the tone around it. There is no parser: the rules are written for English news prose
and are documented, with their limits, in ``docs/metrics.md``.

References
----------
Trew, T. (1979). Theory and ideology at work. In Fowler, Hodge, Kress & Trew,
    *Language and Control*. Routledge. (Agent deletion in news reports of violence.)
Henley, N. M., Miller, M. & Beazley, J. A. (1995). Syntax, semantics, and sexual
    violence: Agency and the passive voice. *Journal of Language and Social
    Psychology*, 14(1-2), 60-84.
Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
    *Journal of Communication*, 43(4), 51-58.
Jackson, H. (2024). casualty_mentions_nyt. GitHub: hollyjackson/casualty_mentions_nyt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...text import Document
from ..registry import CorpusColumns, Family, Parameter, packaged
from .constructions import AGENT_RULES, CONSTRUCTIONS, RULES
from .emotive import emotive_counts_by_side, load_emotive_terms
from .mentions import HarmMention, find_harm_mentions
from .responsibility import ACTOR_CONTEXTS, PERPETRATOR_RULES
from .sides import (
    BOTH,
    UNATTRIBUTED,
    UNKNOWN,
    VICTIM_SIDE_RULES,
    _round,
    explain_victim_side,
    sentence_side,
    tone_by_actor,
    victim_side,
)
from .triggers import _Lexicon, harm_types, load_harm_lexicon

__all__ = [
    "ACTOR_CONTEXTS",
    "AGENT_RULES",
    "BOTH",
    "CONSTRUCTIONS",
    "FramingResult",
    "HarmMention",
    "PERPETRATOR_RULES",
    "RULES",
    "UNATTRIBUTED",
    "UNKNOWN",
    "VICTIM_SIDE_RULES",
    "emotive_counts_by_side",
    "explain_victim_side",
    "find_harm_mentions",
    "framing_metrics",
    "harm_types",
    "is_agentless",
    "is_perpetrator_named",
    "load_emotive_terms",
    "load_harm_lexicon",
    "sentence_side",
    "summarise_mentions",
    "tone_by_actor",
    "victim_side",
]

# Constructions that name no perpetrator (a nominal counts only when it has no agent).
_AGENTLESS = frozenset({"passive_agentless", "intransitive"})


def _counts(mentions: Sequence[HarmMention]) -> dict[str, int]:
    c = dict.fromkeys(CONSTRUCTIONS, 0)
    for m in mentions:
        c[m.construction] += 1
    return c


def _shares(counts: Mapping[str, int]) -> dict[str, float | None]:
    n = sum(counts.values())
    return {k: (_round(v / n) if n else None) for k, v in counts.items()}


def is_agentless(m: HarmMention) -> bool:
    """True when a mention names no perpetrator: a passive without by-phrase, an
    intransitive, or a nominal without possessor or by-phrase agent."""
    return m.construction in _AGENTLESS or (m.construction == "nominal" and m.agent is None)


def _agentless_share(mentions: Sequence[HarmMention]) -> float | None:
    if not mentions:
        return None
    return _round(sum(is_agentless(m) for m in mentions) / len(mentions))


def is_perpetrator_named(m: HarmMention, weapon_counts_as_named: bool = False) -> bool:
    """True when the sentence names who caused the harm (``m.perpetrator``), or, with
    ``weapon_counts_as_named``, at least its cause ("an airstrike killed")."""
    return m.perpetrator is not None or (weapon_counts_as_named and m.cause is not None)


def _responsibility(mentions: Sequence[HarmMention], weapon: bool) -> dict:
    named = sum(is_perpetrator_named(m, weapon) for m in mentions)
    return {"agentless": sum(is_agentless(m) for m in mentions),
            "perpetrator_named": named,
            "perpetrator_named_share": _round(named / len(mentions)) if mentions else None}


@dataclass(frozen=True)
class FramingResult:
    """Harm framing of one article.

    Attributes
    ----------
    mentions : tuple of HarmMention
    counts : dict
        Construction -> number of mentions (all five keys).
    shares : dict
        Construction -> share of mentions (None when there are none).
    agentless_share : float or None
        Share of mentions whose construction names no agent (see :func:`is_agentless`).
    responsibility : dict
        ``{"agentless", "perpetrator_named", "perpetrator_named_share"}``: the number of
        agentless mentions, of mentions whose sentence names the perpetrator (see
        :func:`is_perpetrator_named`), and the share of the latter.
    by_side : dict
        Victim side -> ``{"mentions", "counts", "shares", "agentless_share",
        "agentless", "perpetrator_named", "perpetrator_named_share"}``.
    harm_types : dict
        Harm type -> number of mentions.
    emotive : dict
        See :func:`emotive_counts_by_side`.
    tone_by_actor : dict
        See :func:`tone_by_actor`.
    """

    mentions: tuple[HarmMention, ...]
    counts: dict
    shares: dict
    agentless_share: float | None
    responsibility: dict
    by_side: dict
    harm_types: dict
    emotive: dict
    tone_by_actor: dict

    def to_dict(self) -> dict:
        return {
            "n_mentions": len(self.mentions),
            "counts": dict(self.counts),
            "shares": dict(self.shares),
            "agentless_share": self.agentless_share,
            **self.responsibility,
            "by_side": self.by_side,
            "harm_types": dict(self.harm_types),
            "emotive": self.emotive,
            "tone_by_actor": self.tone_by_actor,
            "mentions": [m.to_dict() for m in self.mentions],
        }


def framing_metrics(
    doc: Document,
    sentence_compounds: Sequence[float] | None,
    side_terms: Mapping[str, Sequence[str]] | None,
    lexicon: _Lexicon | str | Path | None = None,
    emotive_terms: Mapping[str, str] | str | Path | None = None,
    opponents: Mapping[str, Sequence[str]] | None = None,
    weapon_counts_as_named: bool = False,
    attacks: Mapping[str, Sequence[str]] | None = None,
    victim_terms: Mapping[str, Sequence[str]] | None = None,
) -> FramingResult:
    """Harm framing measures of one article.

    Parameters
    ----------
    doc : Document
        The segmented article body.
    sentence_compounds : Sequence[float] or None
        VADER compounds aligned with ``doc.sentences`` (from the sentiment module);
        None leaves ``tone_by_actor`` empty.
    side_terms : Mapping[str, Sequence[str]] or None
        Side name -> words naming it (from the codebook).
    lexicon : optional
        Harm lexicon or its path (see :func:`find_harm_mentions`).
    emotive_terms : optional
        Emotive terms or their path (see :func:`emotive_counts_by_side`).
    opponents : Mapping[str, Sequence[str]], optional
        Side -> the sides it fights (the codebook's ``opponents``), for victim sides.
    weapon_counts_as_named : bool
        Whether a cause without an actor ("an airstrike killed") counts as a named
        perpetrator in ``perpetrator_named`` (default: no, as the studies count).
    attacks : Mapping[str, Sequence[str]], optional
        Side -> names of attacks it made (the codebook's ``attacks``), for perpetrators.
    victim_terms : Mapping[str, Sequence[str]], optional
        Side -> words placing victims on it (the codebook's ``victim_terms``).

    Returns
    -------
    FramingResult
        Deterministic; ``to_dict()`` is JSON-serialisable with floats rounded to
        four places.
    """
    mentions = tuple(find_harm_mentions(doc, lexicon=lexicon, side_terms=side_terms,
                                        opponents=opponents, attacks=attacks,
                                        victim_terms=victim_terms))
    tone = tone_by_actor(doc, sentence_compounds, side_terms) if sentence_compounds is not None \
        else {}
    return summarise_mentions(doc, mentions, tone, emotive_terms, weapon_counts_as_named)


def summarise_mentions(doc: Document, mentions: Sequence[HarmMention], tone: dict,
                       emotive_terms: Mapping[str, str] | str | Path | None = None,
                       weapon_counts_as_named: bool = False) -> FramingResult:
    """The framing measures of a set of harm mentions (found, or corrected by coders).

    Parameters
    ----------
    doc : Document
        The article the mentions are in.
    mentions : Sequence[HarmMention]
        In reading order.
    tone : dict
        ``tone_by_actor`` of the article (kept as given).
    emotive_terms, weapon_counts_as_named
        As in :func:`framing_metrics`.

    Returns
    -------
    FramingResult
    """
    mentions = tuple(mentions)
    counts = _counts(mentions)
    groups: dict[str, list[HarmMention]] = {}
    for m in mentions:
        groups.setdefault(m.victim_side, []).append(m)
    by_side = {}
    for side in sorted(groups):
        ms = groups[side]
        c = _counts(ms)
        by_side[side] = {
            "mentions": len(ms),
            "counts": c,
            "shares": _shares(c),
            "agentless_share": _agentless_share(ms),
            **_responsibility(ms, weapon_counts_as_named),
        }
    types: dict[str, int] = {}
    for m in mentions:
        types[m.harm_type] = types.get(m.harm_type, 0) + 1
    return FramingResult(
        mentions=mentions,
        counts=counts,
        shares=_shares(counts),
        agentless_share=_agentless_share(mentions),
        responsibility=_responsibility(mentions, weapon_counts_as_named),
        by_side=by_side,
        harm_types=dict(sorted(types.items())),
        emotive=emotive_counts_by_side(doc, mentions, emotive_terms),
        tone_by_actor=tone,
    )


def _framing_categories(codebook, params) -> dict:
    return {"victim_sides": (*codebook.sides, BOTH),
            # Emotive words in sentences with no harm mention are "unattributed".
            "emotive_sides": (*codebook.sides, BOTH, UNATTRIBUTED),
            "harm_types": harm_types(params["harm_lexicon"])}


FAMILY = Family(
    name="framing",
    compute=lambda inp: framing_metrics(
        inp.doc, [s.compound for s in inp.results["sentiment"].sentences],
        inp.codebook.side_terms, lexicon=inp.params["harm_lexicon"],
        emotive_terms=inp.params["emotive_terms"], opponents=inp.codebook.opponents,
        weapon_counts_as_named=inp.params["weapon_counts_as_named"],
        attacks=inp.codebook.attacks, victim_terms=inp.codebook.victim_terms),
    requires=("sentences", "codebook", "sentiment"),
    parameters=(
        Parameter("harm_lexicon", str, None, "harm lexicon YAML (default: the packaged one)",
                  optional=True, check="file", metavar="YAML",
                  data_file=packaged("harm_lexicon.yaml")),
        Parameter("emotive_terms", str, None, "emotive-term YAML (default: the packaged one)",
                  optional=True, check="file", metavar="YAML",
                  data_file=packaged("emotive_terms.yaml")),
        Parameter("weapon_counts_as_named", bool, False, "count a harm whose sentence names "
                  "only its cause, without an actor (an airstrike killed), as naming the "
                  "perpetrator", check="bool"),
    ),
    outputs=("n_mentions", "counts", "shares", "agentless_share", "agentless",
             "perpetrator_named", "perpetrator_named_share", "by_side", "harm_types",
             "emotive", "tone_by_actor", "mentions"),
    corpus=CorpusColumns(
        dropped=(("emotive", "by_side", "*", "terms"),),
        categories={("by_side",): "victim_sides", ("harm_types",): "harm_types",
                    ("emotive", "by_side"): "emotive_sides", ("tone_by_actor",): "sides"},
        category_lists=_framing_categories,
    ),
    doc_anchor="harm-framing",
)
