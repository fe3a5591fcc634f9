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
5. one is a definite description of an organisation ("the company", "the ministry")
   whose head noun is a body of the same role as a named organisation among the
   sources of the two paragraphs before it, the most recent such; the description then
   speaks for that organisation ("Lakeshore Health said ... The company described").

The earliest source keeps its id; the reported name is the codebook's first alias, else
the longest of the names.
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
                  roles: Sequence[str], paragraphs: Sequence[int], codebook
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
        if j is None:
            j = _definite_body(i, names, types, roles, paragraphs, target, codebook)
        if j is not None:
            target[i] = target[j]
        for k in keys:
            by_key.setdefault(k, target[i])
        acr = acronym_of(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
        if acr is not None:
            by_acronym.setdefault(acr, target[i])
    reported: dict[int, str] = {}
    for i, t in enumerate(target):
        if t != i or t in reported:
            group = [names[k] for k, tt in enumerate(target) if tt == t]
            canonical = next((aliases[alias_key(n)] for n in group if alias_key(n) in aliases),
                             None)
            reported[t] = canonical or max(group, key=len)
    return target, reported


def _definite_body(i, names, types, roles, paragraphs, target, codebook) -> int | None:
    """The named organisation that "the company" (source ``i``) speaks for, if any."""
    m = _DEFINITE_BODY.match(names[i].strip())
    if m is None or types[i] != "named_organisation":
        return None
    for j in range(i - 1, -1, -1):
        if paragraphs[i] - paragraphs[j] > _PARAGRAPHS_BACK:
            break
        if target[j] != j or _DEFINITE_BODY.match(names[j].strip()):
            continue
        organisation = types[j] == "named_organisation" and roles[j] in (roles[i], "unknown")
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
