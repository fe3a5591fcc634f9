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
    def named_lists(section: str, what: str, allowed) -> dict:
        """``section``'s lists, each a matcher, refused when not one of ``allowed``."""
        out = {}
        if section in top:
            for k, v in mapping(top[section], path, section):
                name = scalar(k, path, f"a {what} of {section}")
                if name not in allowed:
                    raise CodebookError(path, f"unknown {what} {name!r} in {section} (use "
                                        f"{', '.join(allowed)})", row=line(k))
                out[name] = matcher(f"{section}.{name}", terms(v, path, f"{section}.{name}"))
        return out

    types = named_lists("source_types", "list", SOURCE_TYPE_LISTS)
    words = set()
    if "title_words" in top:
        for term, _ in terms(top["title_words"], path, "title_words"):
            words.add(normalize_quotes(term).lower())
    seen = named_lists("civilian_cues", "kind", CIVILIAN_CUES)
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

