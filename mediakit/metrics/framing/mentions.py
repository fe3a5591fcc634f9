"""Harm mentions: the record of one mention, and finding them in a document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...text import Document
from .constructions import classify_sentence
from .sides import UNKNOWN, _compiled, victim_side
from .tokens import _WORDS, _is_number, _Sent
from .triggers import _lex, _Lexicon, _might_have_harm


@dataclass(frozen=True)
class HarmMention:
    """One mention of harm to people.

    Attributes
    ----------
    sentence : int
        Index of the sentence in ``doc.sentences``.
    start, end : int
        Offsets of the trigger in ``doc.text``.
    trigger : str
        The trigger words as written ("killed", "death toll", "lost their lives").
    harm_type : str
        killing, death, injury, displacement, hunger, hostage or casualty_count.
    construction : str
        One of :data:`CONSTRUCTIONS`.
    agent : str or None
        The doer as written (subject of an active verb, by-phrase of a passive,
        possessor or by-phrase of an agentive noun), when found.
    victims : str or None
        The victims phrase as written, when found.
    victim_side : str
        A side name, ``"both"`` or ``"unknown"`` (see :func:`victim_side`).
    rule : str or None
        The rule that classed the mention, a key of :data:`RULES` (None for a mention
        made elsewhere).
    agent_rule : str or None
        How the agent was found, a key of :data:`AGENT_RULES`; None when there is no
        agent.
    """

    sentence: int
    start: int
    end: int
    trigger: str
    harm_type: str
    construction: str
    agent: str | None
    victims: str | None
    victim_side: str
    rule: str | None = None
    agent_rule: str | None = None

    def to_dict(self) -> dict:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "harm_type": self.harm_type,
            "construction": self.construction,
            "rule": self.rule,
            "agent": self.agent,
            "agent_rule": self.agent_rule,
            "victims": self.victims,
            "victim_side": self.victim_side,
        }


def _document(doc: Document | str) -> Document:
    if isinstance(doc, str):
        from ...text import segment

        doc = segment(doc)
    return doc


def find_harm_mentions(
    doc: Document,
    lexicon: _Lexicon | str | Path | None = None,
    side_terms: Mapping[str, Sequence[str]] | None = None,
) -> list[HarmMention]:
    """Find mentions of harm to people and class their construction.

    Parameters
    ----------
    doc : Document
        A segmented text (:func:`mediakit.text.segment`); a plain string is
        segmented first.
    lexicon : _Lexicon, str or Path, optional
        A compiled lexicon (:func:`load_harm_lexicon`) or the path of a YAML
        lexicon. Defaults to ``mediakit/data/harm_lexicon.yaml``.
    side_terms : Mapping[str, Sequence[str]], optional
        Side name -> words naming it, for :func:`victim_side`. Without it every
        victim side is ``"unknown"``.

    Returns
    -------
    list of HarmMention
        In text order. Offsets index into ``doc.text``.

    References
    ----------
    Henley, Miller & Beazley (1995); Trew (1979): see the module docstring.
    """
    lex = _lex(lexicon)
    pats = _compiled(side_terms)
    out: list[HarmMention] = []
    doc = _document(doc)
    for idx, s in enumerate(doc.sentences):
        s_start, s_text = s.start, s.text
        norm = doc.normalized[s.start:s.end]
        if not _might_have_harm(norm, lex):
            continue
        sent = _Sent(norm, lex)
        last_side: str | None = None
        for h in classify_sentence(sent):
            if not h.construction:
                continue
            trig_a, trig_b = sent.t[h.i].start, sent.t[h.j - 1].end
            agent = sent.span_text(*h.agent) if h.agent else None
            victims = sent.span_text(*h.victims) if h.victims else None
            agent_raw = s_text[sent.t[h.agent[0]].start:sent.t[h.agent[1] - 1].end] \
                if h.agent else None
            victims_raw = s_text[sent.t[h.victims[0]].start:sent.t[h.victims[1] - 1].end] \
                if h.victims else None
            side = victim_side(victims, norm, agent, side_terms, lex, anchor=trig_a,
                               _pats=pats)
            if victims and last_side not in (None, UNKNOWN) and _elliptical(victims, lex):
                # "Two Israeli soldiers were killed and four were wounded"
                side = last_side
            last_side = side
            out.append(
                HarmMention(
                    sentence=idx,
                    start=s_start + trig_a,
                    end=s_start + trig_b,
                    trigger=s_text[trig_a:trig_b],
                    harm_type=h.harm_type,
                    construction=h.construction,
                    agent=agent_raw,
                    victims=victims_raw,
                    victim_side=side,
                    rule=h.rule,
                    agent_rule=h.agent_rule if h.agent else None,
                )
            )
    return out


def _elliptical(victims: str, lex: _Lexicon) -> bool:
    """A victims phrase of numbers and quantifiers only ("four", "dozens more")."""
    words = [w.lower() for w in _WORDS.findall(victims)]
    nums, ell = lex.g["number_words"], lex.g["elliptical_words"]
    return bool(words) and all(_is_number(w, nums) or w in ell for w in words)
