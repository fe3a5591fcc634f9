"""The codebook's sections about the kind of source, beside roles and sides.

Read by :func:`mediakit.codebook.parse_codebook` from the same YAML file:

* ``source_types``: terms that make a source a document or report (``document``), a
  deliberately unidentified informant (``anonymous``), or an organisation
  (``organisation``: head nouns of organisation names, "Board", "Agency", "Inc.").
  Used by :mod:`mediakit.extract.source_types`.
* ``title_words``: words that stand in a title before a name without being a role
  themselves ("presidential", "former", "top"), so that the title in "Republican
  presidential front-runner Donald Trump" is read whole
  (:mod:`mediakit.extract.descriptions`).
* ``civilian_cues``: age, family, occupation and place phrases that make an otherwise
  unclassified speaker a civilian ("a 45-year-old mother of three from Akron").
* ``aliases``: names that are one source ("Financial Times", "FT"); the first name of
  a list is the one reported (:mod:`mediakit.extract.aliases`).

A malformed entry is refused with file, line and problem (:class:`CodebookError`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import CodebookError
from .text import normalize_quotes

__all__ = ["CIVILIAN_CUES", "SOURCE_TYPE_LISTS", "SourceSections", "read_source_sections"]

#: The lists of ``source_types`` a codebook may have.
SOURCE_TYPE_LISTS = ("document", "anonymous", "organisation")
#: The kinds of ``civilian_cues``, in the order they are tried.
CIVILIAN_CUES = ("age", "family", "occupation", "place")
#: Sections this module reads.
SECTIONS = ("source_types", "title_words", "civilian_cues", "aliases")


@dataclass(frozen=True)
class SourceSections:
    """The parsed sections (matchers built by :mod:`mediakit.codebook`).

    Attributes
    ----------
    source_types : dict
        List name (``document``, ``anonymous``, ``organisation``) -> matcher.
    title_words : frozenset of str
        Lower-case words allowed inside a title before a name.
    civilian_cues : tuple
        ``(kind, matcher)`` pairs in :data:`CIVILIAN_CUES` order.
    aliases : dict
        Lower-case name (quotes normalised, dots and blanks removed) -> the name reported.
    """

    source_types: dict = field(default_factory=dict)
    title_words: frozenset = frozenset()
    civilian_cues: tuple = ()
    aliases: dict = field(default_factory=dict)


def alias_key(name: str) -> str:
    """The key names are compared by for aliases: lower case, quotes normalised, a
    leading "the" and the dots and blanks removed ("the F.B.I." and "FBI" agree)."""
    name = normalize_quotes(name).strip().lower()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[\s.]+", "", name).rstrip("'’s")


def read_source_sections(top: dict, path: str, terms, line, mapping, sequence, scalar,
                         matcher) -> SourceSections:
    """Parse the sections of this module from a codebook's top-level nodes.

    Parameters
    ----------
    top : dict
        Section name -> YAML node.
    path : str
        The codebook file (for error messages).
    terms, line, mapping, sequence, scalar : callable
        The codebook parser's node readers (so that errors read the same everywhere).
    matcher : callable
        ``matcher(tier, [(term, line)])`` -> a term matcher.

    Returns
    -------
    SourceSections

    Raises
    ------
    CodebookError
        An unknown list name, an empty term, a bad regular expression or an alias
        given to two names; the message names the line.
    """
    types = {}
    if "source_types" in top:
        for k, v in mapping(top["source_types"], path, "source_types"):
            name = scalar(k, path, "a list of source_types")
            if name not in SOURCE_TYPE_LISTS:
                raise CodebookError(path, f"unknown list {name!r} in source_types (use "
                                    f"{', '.join(SOURCE_TYPE_LISTS)})", row=line(k))
            types[name] = matcher(f"source_types.{name}", terms(v, path, f"source_types.{name}"))
    words = set()
    if "title_words" in top:
        for term, _ in terms(top["title_words"], path, "title_words"):
            words.add(normalize_quotes(term).lower())
    cues = []
    if "civilian_cues" in top:
        seen = {}
        for k, v in mapping(top["civilian_cues"], path, "civilian_cues"):
            kind = scalar(k, path, "a kind of civilian_cues")
            if kind not in CIVILIAN_CUES:
                raise CodebookError(path, f"unknown kind {kind!r} in civilian_cues (use "
                                    f"{', '.join(CIVILIAN_CUES)})", row=line(k))
            seen[kind] = matcher(f"civilian_cues.{kind}", terms(v, path, f"civilian_cues.{kind}"))
        cues = [(kind, seen[kind]) for kind in CIVILIAN_CUES if kind in seen]
    aliases: dict[str, str] = {}
    if "aliases" in top:
        for group in sequence(top["aliases"], path, "aliases"):
            names = terms(group, path, "an alias list")
            if len(names) < 2:
                raise CodebookError(path, "an alias list needs at least two names",
                                    row=line(group))
            for name, at in names:
                key = alias_key(name)
                if key in aliases and aliases[key] != names[0][0]:
                    raise CodebookError(path, f"alias {name!r} is given to both "
                                        f"{aliases[key]!r} and {names[0][0]!r}", row=at)
                aliases[key] = names[0][0]
    return SourceSections(types, frozenset(words), tuple(cues), aliases)

