"""Speaker resolution: raw attributions become :class:`Attribution` records with a
canonical speaker (a registered person, an institution, an unnamed description), pronouns
resolved to the nearest compatible antecedent."""

from __future__ import annotations

import bisect
import re

from ...text import Document
from ..lexicon import _DETERMINERS, _PRONOUN_GENDER, _lex
from ..noun_phrases import _NP, _gender_of_words
from ..persons import _Person, _Registry
from ..tokens import _span_text, _strip_poss
from .context import _Ctx, _Raw
from .record import Attribution


def _compatible(pron_gender: str, cand_gender: str | None) -> bool:
    return cand_gender is None or cand_gender == pron_gender


def _lower_first(s: str) -> str:
    first, _, rest = s.partition(" ")
    if first.lower() in _DETERMINERS:
        return first.lower() + (" " + rest if rest else "")
    return s


def _resolve(ctx: _Ctx, raws: list[_Raw]) -> list[Attribution]:
    """Resolve the speaker of every raw attribution (in anchor order, so antecedents come
    first) and return the records in text order; a span found twice counts once, and the
    writer's own voice ("I", "we") is no source."""
    reg = _Registry(ctx)
    subj_pos = [s[0] for s in reg.subjects]
    done: list[_Raw] = []
    out: list[Attribution] = []
    seen_spans: set[tuple[int, int]] = set()
    for r in raws:
        if (r.cs, r.ce) in seen_spans:
            continue
        seen_spans.add((r.cs, r.ce))
        src = r.inherit or r.elliptic
        np_ = r.np
        if np_ is not None and np_.kind == "pronoun" and np_.gender == "1":
            continue  # "I"/"we": the writer's own voice, not a source
        if src is not None and src.np is not None and src.np.kind == "pronoun" and (
            src.np.gender == "1"
        ):
            continue
        if src is not None and src.stype is None and src.np is not None:
            # The earlier clause was split into quoted fragments: read its subject now.
            _resolve_np(ctx, reg, src, src.np, done, subj_pos)
        if r.inherit is not None or (np_ is None and r.elliptic is not None):
            r.speaker, r.stype, r.gender = src.speaker, src.stype, src.gender
            r.desc, r.named = src.desc, src.named
        elif np_ is not None:
            _resolve_np(ctx, reg, r, np_, done, subj_pos)
        done.append(r)
        out.append(_record(ctx, r))
    out.sort(key=lambda a: (a.start, a.end))
    return out


def _before_own_cue(ctx: _Ctx, j: int, fj: int) -> int:
    """Where a source span ends when its description holds the cue of another attribution
    ("Sanders, who on Tuesday endorsed Clinton, said"): at the comma before that clause,
    since a word belongs to one attribution only (the relative pronoun is that one's
    source)."""
    k = next((x for x in range(j, fj) if x in ctx.used), None)
    if k is None:
        return fj
    return max((x for x in range(j, k) if ctx.tk.words[x] == ","), default=j)


def _record(ctx: _Ctx, r: _Raw) -> Attribution:
    """The :class:`Attribution` of a resolved raw attribution, with the offsets of its
    sentence, paragraph, speaker mention and cue."""
    tk = ctx.tk
    anchor = tk.starts[r.cue.k0] if (r.cue is not None and r.inherit is None) else r.cs
    si = ctx.sentence_of(anchor)
    para = ctx.doc.sentences[si].paragraph if ctx.doc.sentences else 0
    mention = ss = se = None
    # A quote interrupted by its tag ("A," X said. "B.") keeps the tag's cue and
    # mention; a floating quote paragraph has none of its own.
    root = r
    while root.inherit is not None and ctx.para_of(root.inherit.anchor) == ctx.para_of(r.cs):
        root = root.inherit
    if root.inherit is not None:
        root = _Raw(r.cs, r.ce, r.kind, None, None, r.cs)
    subject = root
    while subject.np is None and subject.elliptic is not None:
        subject = subject.elliptic  # "... but says": the subject of the first verb
    fs = fe = None
    if subject.np is not None and not _not_a_speaker(tk, subject.np, root.cue):
        ss, se = _span_text(tk, subject.np.i, subject.np.j)
        mention = ctx.orig[ss:se]
        fi, fj = subject.np.extra.get("full", (subject.np.i, subject.np.j))
        fj = _before_own_cue(ctx, subject.np.j, fj)
        fs, fe = _span_text(tk, min(fi, subject.np.i), max(fj, subject.np.j))
        if "source_tokens" in subject.np.extra:  # ", who said": the relative pronoun
            fs, fe = _span_text(tk, *subject.np.extra["source_tokens"])
    speaker = (r.speaker, r.desc, r.named) if mention is not None or subject.np is None \
        else (None, None, False)
    cue = lemma = None
    cs_ = ce_ = None
    cue_type = "speech"  # a quotation with no cue reports words spoken
    if root.cue is not None:
        cs_, ce_ = tk.starts[root.cue.aux0], tk.ends[root.cue.k1 - 1]
        cue = ctx.orig[cs_:ce_]
        lemma = root.cue.lemma
        cue_type = root.cue.ctype
        if root.cue.negated and cue_type in {"speech", "stance"}:
            cue_type = "negated"  # "did not say": no statement ("does not believe" is one)
    return Attribution(
        speaker=speaker[0],
        speaker_mention=mention,
        speaker_description=speaker[1],
        named=speaker[2],
        kind=r.kind,
        cue=cue,
        text=ctx.orig[r.cs : r.ce],
        start=r.cs,
        end=r.ce,
        sentence=si,
        paragraph=para,
        speaker_start=ss,
        speaker_end=se,
        source_start=fs,
        source_end=fe,
        cue_start=cs_,
        cue_end=ce_,
        rule=r.rule,
        cue_type=cue_type,
        cue_lemma=lemma,
    )


def _not_a_speaker(tk, np_: _NP, cue) -> bool:
    """Whether a speaker mention is no noun phrase: it opens with a word of
    ``attribution_lexicon.txt`` [not_speaker_start] ("of strategic differences", "where
    the Republicans"), is a bare figure ("2001"), is a lower-case -ing word or an -ing
    verb with its object ("Hearing him", "pushing a stroller"), or is "it" before a cue
    of [expletive_cues] ("it seems")."""
    words, lower = tk.words[np_.i:np_.j], tk.lower[np_.i:np_.j]
    if not words:
        return False
    first = lower[0]
    if first in _lex("not_speaker_start"):
        return True
    if len(words) == 1 and re.fullmatch(r"[\d,.]+", first):
        return True
    if first.endswith("ing") and (
            (len(words) == 1 and words[0][:1].islower())
            or (len(words) > 1 and (lower[1] in _DETERMINERS or lower[1] in _PRONOUN_GENDER
                                    or lower[1] in {"them", "us", "me", "it", "you"}))):
        return True
    return (first == "it" and len(words) == 1 and cue is not None
            and tk.lower[cue.k0] in _lex("expletive_cues"))


def _resolve_personal_pronoun(ctx: _Ctx, reg: _Registry, r: _Raw, g: str, pos: int,
                              para: int, done: list[_Raw], subj_pos: list[int]) -> None:
    """Resolve "he"/"she": the nearest earlier speaker or sentence subject of the same
    gender within three paragraphs; failing that, the nearest of unknown gender."""
    tk = ctx.tk
    cands: list[tuple[int, str, str, str | None, str | None, bool]] = []
    for prev in reversed(done[-30:]):
        if prev.speaker is None or prev.stype not in {"person", "unnamed"}:
            continue
        ppos = tk.starts[prev.np.i] if prev.np is not None else prev.anchor
        if ppos >= pos:
            continue
        if ctx.para_of(prev.anchor) < para - 3:
            break
        gender = prev.gender
        if prev.speaker in reg.persons:
            gender = reg.persons[prev.speaker].gender or gender
        cands.append((ppos, prev.speaker, prev.stype, gender, prev.desc, prev.named))
    i = bisect.bisect_left(subj_pos, pos) - 1
    while i >= 0:
        spos, kind, name, gender = reg.subjects[i]
        if ctx.para_of(spos) < para - 3:
            break
        if kind == "person":
            gender = reg.persons[name].gender if name in reg.persons else gender
            cands.append((spos, name, "person", gender, reg.description(name), True))
        i -= 1
    cands.sort(key=lambda x: -x[0])
    pick = next((x for x in cands if x[3] == g), None)
    if pick is None:
        pick = next((x for x in cands if x[3] is None), None)
    if pick is None:
        r.stype, r.gender = "person", g
        return
    _, r.speaker, r.stype, r.gender, r.desc, r.named = pick
    if r.speaker in reg.persons and reg.persons[r.speaker].gender is None:
        reg.persons[r.speaker].gender = g
    r.gender = r.gender or g


def _resolve_np(ctx: _Ctx, reg: _Registry, r: _Raw, np_: _NP, done: list[_Raw],
                subj_pos: list[int]) -> None:
    """Fill ``r``'s speaker, speaker type, gender, description and ``named`` from its
    subject noun phrase, by the phrase's kind."""
    pos = ctx.tk.starts[np_.i]
    para = ctx.para_of(pos)
    if np_.kind == "pronoun":
        _resolve_pronoun(ctx, reg, r, np_.gender, pos, para, done, subj_pos)
    elif np_.kind == "person":
        _resolve_person(ctx, reg, r, np_, pos)
    elif np_.kind == "institution":
        _resolve_institution(r, np_, done)
    else:
        _resolve_description(r, np_, done)


def _resolve_pronoun(ctx: _Ctx, reg: _Registry, r: _Raw, g: str | None, pos: int, para: int,
                     done: list[_Raw], subj_pos: list[int]) -> None:
    """Resolve a pronoun of gender ``g`` ("m", "f", "p" plural, "n" neuter, "1" first
    person): "he"/"she" by :func:`_resolve_personal_pronoun`; "they" the nearest earlier
    group or institution speaker, "it" the nearest institution (speaker or sentence
    subject)."""
    tk = ctx.tk
    r.stype = "person" if g in {"m", "f"} else ("group" if g == "p" else "institution")
    if g in {"1"}:
        r.stype = "person"
        return
    if g in {"m", "f"}:
        _resolve_personal_pronoun(ctx, reg, r, g, pos, para, done, subj_pos)
        return
    cand = None
    # Earlier speakers, nearest first.
    for prev in reversed(done[-30:]):
        if prev.speaker is None or (prev.np is not None and tk.starts[prev.np.i] >= pos):
            continue
        if ctx.para_of(prev.anchor) < para - 3:
            break
        if (g in {"m", "f"} and prev.stype in {"person", "unnamed"}
                and _compatible(g, prev.gender)):
            cand = (prev.anchor, prev.speaker, prev.stype, prev.gender, prev.desc, prev.named)
            break
        if g == "p" and (prev.stype in {"group", "institution"}):
            cand = (prev.anchor, prev.speaker, prev.stype, prev.gender, prev.desc, prev.named)
            break
        if g == "n" and prev.stype == "institution":
            cand = (prev.anchor, prev.speaker, prev.stype, prev.gender, prev.desc, prev.named)
            break
    # Sentence subjects between that speaker and the pronoun are nearer antecedents.
    i = bisect.bisect_left(subj_pos, pos) - 1
    lo = cand[0] if cand else -1
    while i >= 0 and reg.subjects[i][0] > lo:
        spos, kind, name, gender = reg.subjects[i]
        if ctx.para_of(spos) < para - 2:
            break
        if g in {"m", "f"} and kind == "person":
            gender = reg.persons[name].gender if name in reg.persons else gender
            if _compatible(g, gender):
                cand = (spos, name, "person", gender, reg.description(name), True)
                break
        if g == "n" and kind == "institution":
            cand = (spos, name, "institution", None, None, False)
            break
        i -= 1
    if cand is not None:
        _, r.speaker, r.stype, r.gender, r.desc, r.named = cand
        if r.stype == "person" and r.speaker in reg.persons and r.gender is None:
            reg.persons[r.speaker].gender = g
    else:
        r.gender = g if g in {"m", "f"} else None


def _resolve_person(ctx: _Ctx, reg: _Registry, r: _Raw, np_: _NP, pos: int) -> None:
    """A named person: the registered person the name refers to (registered now if it is a
    full name not seen before), with the descriptions gathered for them."""
    tk = ctx.tk
    tokens = [_strip_poss(w) for w in tk.words[np_.extra.get("name_start", np_.i) : np_.j]]
    canonical = reg.lookup(tokens, pos)
    if canonical is None:
        canonical = " ".join(tokens)
        if len(tokens) >= 2:
            reg.persons[canonical] = _Person(
                canonical, tuple(w.lower() for w in tokens), np_.gender, pos
            )
    person = reg.persons.get(canonical)
    if person is not None and np_.description:
        if np_.description not in person.descriptions:
            person.descriptions.append(np_.description)
    r.speaker = canonical
    r.stype = "person"
    r.named = True
    r.gender = (person.gender if person else None) or np_.gender
    r.desc = reg.description(canonical) if person else np_.description


def _resolve_institution(r: _Raw, np_: _NP, done: list[_Raw]) -> None:
    """An institution: its name, or the earlier institution speaker "the ministry" refers
    to."""
    name = np_.name or np_.mention
    if name.lower().startswith("the ") and name[4:5].isupper():
        name = name[4:]
    r.speaker = _lower_first(name)
    r.stype = "institution"
    r.desc = np_.description
    # A specific institution ("Qatar", "the Israeli military") is an identified
    # source; "the ministry" becomes one when it resolves to an earlier name.
    r.named = any(w[:1].isupper() for w in name.split()[:-1]) or name[:1].isupper()
    if name.lower().startswith("the ") and len(name.split()) <= 3:
        head = name.split()[-1].lower()
        for prev in reversed(done[-30:]):
            if prev.stype == "institution" and prev.speaker and head in prev.speaker.lower():
                r.speaker, r.desc, r.named = prev.speaker, prev.desc, prev.named
                break


def _resolve_description(r: _Raw, np_: _NP, done: list[_Raw]) -> None:
    """An unnamed person or a group: the noun phrase as the speaker, a name given in the
    description, or the earlier speaker "the official" refers to."""
    # "a resident who gave his name only as Abu Ali": a person named in the description.
    m = _NAME_AS.search(np_.description or "")
    if m and np_.kind == "unnamed":
        r.speaker, r.stype, r.named = m.group(1).strip(), "person", True
        r.desc, r.gender = np_.description, np_.gender or _gender_of_words(
            (np_.description or "").split())
        return
    # Unnamed people and groups: the noun phrase up to a participle ("a 9-year-old boy
    # standing beside her" -> "a 9-year-old boy").
    words = np_.mention.split()
    for n, w in enumerate(words[1:], 1):
        if w.endswith("ing") and w.islower() and len(w) > 4:
            words = words[:n]
            break
    speaker = _lower_first(" ".join(words))
    r.stype = np_.kind
    r.gender = np_.gender
    r.desc = np_.description
    first = np_.mention.split()[0].lower()
    if first in {"the", "both"} and len(np_.mention.split()) <= 3:
        head = _strip_poss(np_.mention.split()[-1].lower()).rstrip("s")
        # "the Republican nominee" is not "the Democratic presidential nominee": every
        # modifier of the short mention must be in the earlier one
        modifiers = [w.lower() for w in np_.mention.split()[1:-1]]
        for prev in reversed(done[-30:]):
            earlier = (prev.speaker or "").lower()
            if prev.stype in {"unnamed", "group"} and earlier and head in earlier \
                    and all(m in earlier.split() for m in modifiers):
                r.speaker, r.desc, r.gender = prev.speaker, prev.desc, prev.gender
                return
    r.speaker = speaker


_NAME_AS = re.compile(
    r"\b(?:gave|give|gives|giving|identified|identify)\b[^.;]{0,30}?\bas ((?:[A-Z][\w'-]+ ?){1,3})"
)


def find_person_descriptions(doc: Document) -> dict[str, str]:
    """Map each named person in a document to the descriptions the text gives them.

    Parameters
    ----------
    doc : Document
        A segmented text.

    Returns
    -------
    dict of str to str
        Canonical full name -> descriptions from pre-modifying titles ("Israeli
        Defense Minister") and appositions ("36, a taxi driver from Gaza City"),
        joined with "; " in text order. People with no description are left out.
    """
    reg = _Registry(_Ctx(doc, None))
    out = {}
    for name in reg.persons:
        d = reg.description(name)
        if d:
            out[name] = d
    return out
