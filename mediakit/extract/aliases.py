"""One source under several names: "FT" and "Financial Times", "F.B.I." and "FBI".

:func:`merge_aliases` is run on an article's sources after speakers are grouped
(:mod:`mediakit.metrics.sources`). Two sources are one when

1. the codebook's ``aliases`` lists both names ("Financial Times", "FT");
2. they agree without "the", dots, blanks and case ("the F.B.I.", "FBI");
3. both are named persons that agree without middle initials ("Donald J. Trump",
   "Donald Trump");
4. one is an acronym of two to six capitals and the other's capitalised words begin
   with those letters ("DNC", "Democratic National Committee"; "of", "and", "for",
   "the" are skipped);
5. a named person written with an honorific or an affiliation ("Mr. Burman of the Tax
   Policy Center") whose remaining name is the last name of an earlier named person
   ("Leonard Burman");
6. one is a definite description of an organisation ("the company", "the agency") and
   the other the most recent named organisation among the sources of the two
   paragraphs before it that has the same role, or whose description holds the same
   noun ("UKMTO, a British military agency ... the agency"), or a name the codebook
   does not know and that starts with no given name; the description then speaks for
   that organisation ("Lakeshore Health said ... The company described").

The earliest source keeps its id; the reported name is the codebook's first alias, else
the longest name that is neither a description nor written with an honorific.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..codebook_sections import alias_key

__all__ = ["acronym_of", "merge_aliases"]

_SKIP = {"of", "and", "for", "the", "&", "on", "in"}
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_MIDDLE = re.compile(r"\s+[A-Z]\.(?=\s)")
_DEFINITE_BODY = re.compile(r"^(?:the|this)\s+([a-z][\w-]*)$", re.IGNORECASE)
_PARAGRAPHS_BACK = 2
_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|prof|sen|rep|gov|gen|col|capt|lt|sgt|rev|"
                        r"senator|president|mayor|judge|justice)\.?\s+)+", re.IGNORECASE)
_AFFILIATION_TAIL = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z].*$|,.*$")


def _core(name: str) -> str:
    """A person's name without honorific and affiliation ("Mr. Burman of the Tax Policy
    Center" -> "Burman")."""
    return _AFFILIATION_TAIL.sub("", _HONORIFIC.sub("", name.strip())).strip()


def acronym_of(name: str) -> str | None:
    """The initials of a name of two or more capitalised words ("Democratic National
    Committee" -> "DNC"), or None."""
    words = [w for w in re.findall(r"[\w'’-]+", name) if w.lower() not in _SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _person_key(name: str) -> str:
    return alias_key(_MIDDLE.sub("", " " + name + " "))


def merge_aliases(names: Sequence[str], named: Sequence[bool], types: Sequence[str],
                  roles: Sequence[str], paragraphs: Sequence[int], codebook,
                  descriptions: Sequence[str] | None = None
                  ) -> tuple[list[int], dict[int, str]]:
    """Which sources are the same, by the rules of the module docstring.

    Parameters
    ----------
    names : sequence of str
        Each source's reported name, in order of first appearance.
    named : sequence of bool
        Whether each source is named.
    types : sequence of str
        Each source's type (:func:`mediakit.extract.source_types.source_type`).
    roles : sequence of str
        Each source's role.
    paragraphs : sequence of int
        The paragraph of each source's first attribution.
    codebook : Codebook
        Supplies ``sections.aliases``.
    descriptions : sequence of str, optional
        Each source's descriptions ("a British military agency"): a definite
        description whose head noun is in them joins that source whatever its role.

    Returns
    -------
    tuple
        ``target``: for each source, the index of the source it joins (itself when
        none), always an earlier or equal index; and ``reported``: joined index -> the
        name to report.
    """
    aliases = codebook.sections.aliases
    target = list(range(len(names)))
    by_key: dict[str, int] = {}
    by_acronym: dict[str, int] = {}
    by_last: dict[str, int] = {}  # last word of a named person's full name -> latest source
    for i, name in enumerate(names):
        keys = [aliases.get(alias_key(name), name)]
        keys = [alias_key(k) for k in keys] + [alias_key(name)]
        if named[i] and types[i] == "named_person":
            keys.append("person:" + _person_key(name))
        j = next((by_key[k] for k in keys if k in by_key), None)
        stripped = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).replace(".", "")
        if j is None and _ACRONYM.match(stripped):
            j = by_acronym.get(stripped)
        if j is None:
            acr = acronym_of(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
            if acr is not None:
                j = by_key.get(alias_key(acr))
        if j is None and named[i] and types[i] == "named_person":
            core = _core(name)
            if core != name.strip() and len(core.split()) == 1:
                j = by_last.get(core.lower())
        if j is None:
            j = _definite_body(i, names, types, roles, paragraphs, target,
                               descriptions or [""] * len(names))
        if j is not None:
            target[i] = target[j]
        for k in keys:
            by_key.setdefault(k, target[i])
        acr = acronym_of(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
        if acr is not None:
            by_acronym.setdefault(acr, target[i])
        core = _core(name)
        if named[i] and types[i] == "named_person" and len(core.split()) >= 2:
            by_last[core.split()[-1].lower()] = target[i]
    groups: dict[int, list[str]] = {}
    for k, t in enumerate(target):
        groups.setdefault(t, []).append(names[k])
    reported: dict[int, str] = {}
    for t, group in groups.items():
        if len(group) < 2:
            continue
        canonical = next((aliases[alias_key(n)] for n in group if alias_key(n) in aliases), None)
        # the longest name that is not a description ("the board") and carries no
        # honorific ("Mr. Burman of the Tax Policy Center" gives way to "Leonard Burman")
        names_only = [n for n in group if not _DEFINITE_BODY.match(n.strip())] or group
        plain = [n for n in names_only if not _HONORIFIC.match(n.strip())] or names_only
        reported[t] = canonical or max(plain, key=len)
    return target, reported


def _definite_body(i, names, types, roles, paragraphs, target, descriptions) -> int | None:
    """The named organisation that "the company" (source ``i``) speaks for, if any."""
    m = _DEFINITE_BODY.match(names[i].strip())
    if m is None or types[i] != "named_organisation":
        return None
    for j in range(i - 1, -1, -1):
        if paragraphs[i] - paragraphs[j] > _PARAGRAPHS_BACK:
            break
        if target[j] != j or _DEFINITE_BODY.match(names[j].strip()):
            continue
        described = re.search(rf"\b{re.escape(m.group(1))}\b", descriptions[j] or "",
                              re.IGNORECASE) is not None
        organisation = types[j] == "named_organisation" and (
            roles[j] in (roles[i], "unknown") or described)
        # a name the codebook does not know and that is no person's ("Lakeshore Health")
        unknown_name = (types[j] == "named_person" and roles[j] == "unknown"
                        and not _looks_personal(names[j]))
        if organisation or unknown_name:
            return j
    return None


def _looks_personal(name: str) -> bool:
    """A name that starts with a known given name ("Mark Delaney") is a person's."""
    from .lexicon import _first_names

    first = name.split()[0].lower() if name.split() else ""
    return first in _first_names()
