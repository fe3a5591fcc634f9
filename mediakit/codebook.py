"""The codebook: from a speaker's name and description to a role and a side.

A codebook is a YAML file (the default is ``mediakit/data/codebook.yaml``, whose
comments explain each list and where it comes from). Classification is rule-based and
explainable: :meth:`Codebook.explain` says which term of which list decided the role
and the side, so a researcher can check or override any decision by editing the file.

Order of the rules (the first list with a match decides the role):

1. ``strong_titles``: jobs that decide the role whatever the employer ("analyst").
2. ``people``: public figures by name.
3. ``organisations``: named bodies ("Hamas", "the Israel Defense Forces").
4. ``bodies``: generic bodies ("the ministry", "the army", "a militia"), after named
   ones so that "a military spokesman for the Houthi movement" is the Houthis' voice,
   and before titles so that "Col. ..., a ministry spokesman" is the ministry's.
5. ``titles``: generic titles and descriptions ("minister", "resident").
6. ``states``: a speaker that is only a state name ("Qatar") speaks for its government.
7. ``civilian_cues``: an age, family, occupation or place cue ("a 45-year-old mother of
   three") makes a speaker no list classified a civilian (:mod:`mediakit.codebook_sections`).

The side comes from the person, else the first organisation that has a side (not for
experts: an expert's employer is not their side), else the earliest nationality
word, place or state name, else the codebook's ``default_sides`` for the role, else
``unknown``. (:mod:`mediakit.metrics.sources` may then place a speaker from the text around them.)
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .codebook_sections import SECTIONS, SourceSections, read_source_sections
from .errors import CodebookError
from .text import normalize_quotes
from .text.terms import Match, SideTermMatcher, _Matcher, _Rule, _term_pattern, side_term_matcher

__all__ = [
    "Classification",
    "Codebook",
    "Match",
    "SideTermMatcher",
    "default_codebook_path",
    "load_codebook",
    "parse_codebook",
    "side_term_matcher",
]

# The roles a codebook may use. A custom codebook may drop roles it does not need but
# may not invent new ones, because the diversity and civilian measures rely on them.
KNOWN_ROLES = (
    "government",
    "military",
    "armed_group",
    "international",
    "ngo",
    "business",
    "legal",
    "expert",
    "media",
    "sport",
    "civilian",
    "unknown",
)
_TIERS = ("strong_titles", "people", "organisations", "bodies", "titles", "states")
_LEADING_DETERMINERS = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Classification:
    """A role and a side, with the rule that decided each (``None`` when defaulted)."""

    role: str
    side: str
    role_rule: str | None
    side_rule: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, eq=False)
class Codebook:
    """A parsed codebook.

    Attributes
    ----------
    path : str
        The file it was read from.
    roles : dict
        Role name -> description.
    official_roles : tuple of str
        Roles counted as official channels (Sigal 1973).
    default_sides : dict
        Role -> side used when no term names a side (e.g. ``ngo -> other``).
    sides : tuple of str
        Side names, in file order.
    side_terms : dict
        Side -> every term (nationality words, places, state names, and the names of
        organisations and people on that side) that places a mention on that side.
        Used by :mod:`mediakit.metrics.framing` for victims' sides and tone by actor.
    opponents : dict
        Side -> the sides it fights (``sides.<side>.opponents``): the victims of a harm
        whose only named perpetrator is a side, when the sentence names no victims'
        side, are its one opponent (:func:`mediakit.metrics.framing.victim_side`).
    attacks : dict
        Side -> the names of attacks it is known to have made (``sides.<side>.attacks``:
        "Oct. 7"): a cause named by one ("the Oct. 7 attack") names its perpetrator
        (:mod:`mediakit.metrics.framing.responsibility`). Not side terms.
    victim_terms : dict
        Side -> words that place a harm's victims on this side when they stand in the
        victims phrase (``sides.<side>.victim_terms``: "hostages"), for victim sides only
        (rule ``side.victim_term``). Not side terms.
    """

    path: str
    roles: dict
    official_roles: tuple[str, ...]
    default_sides: dict
    sides: tuple[str, ...]
    side_terms: dict
    state_terms: dict
    _matchers: tuple
    _side_matcher: _Matcher
    _place_matcher: _Matcher
    _state_lookup: dict
    opponents: dict = field(default_factory=dict)
    attacks: dict = field(default_factory=dict)
    victim_terms: dict = field(default_factory=dict)
    sections: SourceSections = field(default_factory=SourceSections)
    _cache: dict = field(default_factory=dict, repr=False)

    def find_terms(self, text: str) -> list[Match]:
        """Every codebook term (all tiers and side terms) in ``text``, for inspection."""
        text = normalize_quotes(text)
        found = []
        for matcher in (*self._matchers, self._side_matcher):
            found.extend(matcher.find(text))
        return sorted(found, key=lambda m: (m.start, -m.end, m.tier))

    def tier_hits(self, tier: str, text: str) -> list[Match]:
        """The matches of one tier (``organisations``, ``bodies``, ...) in ``text``,
        leftmost first (offsets index ``text``; quotes are normalised in place)."""
        for matcher in self._matchers:
            if matcher.tier == tier:
                return matcher.find(normalize_quotes(text))
        return []

    def side_mentions(self, text: str) -> list[Match]:
        """Nationality words, places and state names in ``text``, leftmost first.

        Offsets index into ``text`` (quotes are normalised without changing length).
        """
        return self._side_matcher.find(normalize_quotes(text))

    def side_hits(self, doc) -> tuple[Match, ...]:
        """Every side term in a document, leftmost first: a layer of the document,
        found once and shared by every family that asks (:meth:`Document.layer`)."""
        return doc.layer(("codebook.sides", self.path, id(self)),
                         lambda d: tuple(self._side_matcher.find(d.normalized)))

    def place_hits(self, doc) -> tuple[Match, ...]:
        """Every place and state name of a side in a document (a shared layer)."""
        return doc.layer(("codebook.places", self.path, id(self)),
                         lambda d: tuple(self._place_matcher.find(d.normalized)))

    def place_mentions(self, text: str) -> list[Match]:
        """Places and state names of the codebook's sides in ``text``, leftmost first."""
        return self._place_matcher.find(normalize_quotes(text))

    def side_of(self, text: str) -> str | None:
        """The side of the earliest side term in ``text`` (None if there is none)."""
        hits = self._side_matcher.find(normalize_quotes(text))
        return hits[0].side if hits else None

    def explain(self, speaker: str | None, description: str | None = None) -> Classification:
        """Classify a speaker and say which rule decided the role and the side.

        Parameters
        ----------
        speaker : str or None
            The speaker's name or mention ("Osama Hamdan", "two U.S. officials").
        description : str or None
            The speaker's description ("a senior Hamas official").

        Returns
        -------
        Classification
            ``role``, ``side`` and the rules, written ``"tier: term"``.
        """
        key = (speaker, description)
        if key not in self._cache:
            if len(self._cache) > 20000:  # bound memory in long corpus runs
                self._cache.clear()
            self._cache[key] = self._explain(speaker, description)
        return self._cache[key]

    def _explain(self, speaker: str | None, description: str | None) -> Classification:
        parts = [p.strip() for p in (speaker, description) if p and p.strip()]
        text = normalize_quotes(" ; ".join(parts))
        if not text:
            return Classification("unknown", "unknown", None, None)
        role = side = role_rule = side_rule = None
        org_side = org_rule = None
        for matcher in self._matchers:
            hits = matcher.find(text)
            if matcher.tier == "organisations":
                with_side = [h for h in hits if h.side]
                if with_side:
                    org_side, org_rule = with_side[0].side, f"organisations: {with_side[0].term}"
            if role is None and hits:
                role, role_rule = hits[0].role, f"{matcher.tier}: {hits[0].term}"
                if matcher.tier == "people":
                    side, side_rule = hits[0].side, role_rule
        if role is None:
            state, key = self.state_of(speaker or "")
            if state is not None:
                role, role_rule = "government", f"states: {key}"
                side, side_rule = state, f"states: {key}"
        # An expert's employer is not their side ("a specialist who advises the WHO"):
        # for experts only nationality words and places give the side. (A reporter's
        # outlet, by contrast, is: "a reporter for TASS" is on Russia's side.)
        if role is None:
            role, role_rule = self._civilian_cue(text)
        if side is None and org_side is not None and role != "expert":
            side, side_rule = org_side, org_rule
        if side is None:
            hits = self._side_matcher.find(text)
            if hits:
                side, side_rule = hits[0].side, f"sides.{hits[0].side}: {hits[0].term}"
        if side is None and role in self.default_sides:
            side, side_rule = self.default_sides[role], f"default_sides: {role}"
        return Classification(role or "unknown", side or "unknown", role_rule, side_rule)

    def state_of(self, name: str) -> tuple[str | None, str]:
        """The side of a speaker that is only a state's name ("Qatar", "the U.S."), and
        the name as matched; ``(None, name)`` for anything else."""
        key = _LEADING_DETERMINERS.sub("", name).strip(" ,.;:").rstrip("'s")
        return self._state_lookup.get(normalize_quotes(key).lower()), key

    def _civilian_cue(self, text: str) -> tuple[str | None, str | None]:
        """``civilian`` and the rule when an age, family, occupation or place cue
        (``civilian_cues``) describes a speaker no tier classified."""
        for kind, matcher in self.sections.civilian_cues:
            hits = matcher.find(text)
            if hits:
                return "civilian", f"civilian_cues.{kind}: {text[hits[0].start:hits[0].end]}"
        return None, None

    def classify(self, speaker: str | None, description: str | None = None) -> tuple[str, str]:
        """Return ``(role, side)`` for a speaker; see :meth:`explain` for the rule.

        Examples
        --------
        >>> load_codebook().classify("Osama Hamdan", "a senior Hamas official")
        ('armed_group', 'palestine')
        """
        c = self.explain(speaker, description)
        return c.role, c.side

    def is_official(self, role: str) -> bool:
        """True for the official roles (Sigal 1973)."""
        return role in self.official_roles


# --------------------------------------------------------------------------- parsing


def _line(node) -> int:
    return node.start_mark.line + 1


def _scalar(node, path: str, what: str, allow_null: bool = False) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null":
            if allow_null:
                return None
            raise CodebookError(path, f"{what} is empty", row=_line(node))
        value = str(node.value).strip()
        if not value:
            raise CodebookError(path, f"{what} is empty", row=_line(node))
        return value
    raise CodebookError(path, f"{what} must be a single value", row=_line(node))


def _mapping(node, path: str, what: str) -> list[tuple]:
    if not isinstance(node, yaml.MappingNode):
        raise CodebookError(path, f"{what} must be a mapping (key: value)", row=_line(node))
    return node.value


def _sequence(node, path: str, what: str) -> list:
    if not isinstance(node, yaml.SequenceNode):
        raise CodebookError(path, f"{what} must be a list", row=_line(node))
    return node.value


def _terms(node, path: str, what: str) -> list[tuple[str, int]]:
    out = []
    for item in _sequence(node, path, what):
        term = _scalar(item, path, f"a term in {what}")
        if term.startswith("re:"):
            try:
                re.compile(_term_pattern(term))
            except re.error as exc:
                raise CodebookError(path, f"bad regular expression {term!r}: {exc}",
                                    row=_line(item)) from None
        out.append((term, _line(item)))
    return out


def _compose(text: str, path: str):
    """The YAML node tree of a codebook (line numbers kept for error messages)."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise CodebookError(path, f"not valid YAML: {problem}",
                            row=None if mark is None else mark.line + 1) from None
    if root is None:
        raise CodebookError(path, "the codebook is empty")
    return root


class _CodebookParser:
    """One pass over a codebook's YAML nodes, section by section (see :func:`parse_codebook`)."""

    def __init__(self, root, path: str):
        self.path = path
        self.top = {}
        for key_node, value_node in _mapping(root, path, "the codebook"):
            key = _scalar(key_node, path, "a section name")
            if key not in {"version", "roles", "official_roles", "default_sides", "sides",
                           *_TIERS[:-1], *SECTIONS}:
                raise CodebookError(path, f"unknown section {key!r}", row=_line(key_node))
            self.top[key] = value_node
        for needed in ("roles", "sides"):
            if needed not in self.top:
                raise CodebookError(path, f"missing section {needed!r}", row=_line(root))
        self.roles: dict[str, str] = {}
        self.sides: list[str] = []
        self.side_rules: list[_Rule] = []
        self.place_rules: list[_Rule] = []
        self.state_lookup: dict[str, str] = {}
        self.state_terms: dict[str, list[str]] = {}
        self.side_terms: dict[str, list[str]] = {}
        self.opponent_nodes: dict[str, list] = {}  # side -> [(node, opponent)]
        self.attack_terms: dict[str, list[str]] = {}  # side -> names of its attacks
        self.victim_terms: dict[str, list[str]] = {}  # side -> words for its victims

    def check_role(self, node, value):
        if value not in self.roles:
            raise CodebookError(self.path, f"unknown role {value!r}", row=_line(node))
        return value

    def check_side(self, node, value):
        if value is not None and value not in self.sides:
            raise CodebookError(self.path, f"unknown side {value!r}", row=_line(node))
        return value

    def read_roles(self) -> None:
        path = self.path
        for k, v in _mapping(self.top["roles"], path, "roles"):
            name = _scalar(k, path, "a role name")
            if name not in KNOWN_ROLES:
                raise CodebookError(path, f"unknown role {name!r} (roles are "
                                    f"{', '.join(KNOWN_ROLES)})", row=_line(k))
            self.roles[name] = _scalar(v, path, f"the description of role {name!r}",
                                       allow_null=True) or ""
        self.roles.setdefault("unknown", "Not classifiable.")

    def official_roles(self) -> tuple[str, ...]:
        if "official_roles" not in self.top:
            return ()
        return tuple(self.check_role(item, _scalar(item, self.path, "an official role"))
                     for item in _sequence(self.top["official_roles"], self.path,
                                           "official_roles"))

    def read_sides(self) -> None:
        path = self.path
        for k, v in _mapping(self.top["sides"], path, "sides"):
            side = _scalar(k, path, "a side name")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", side):
                raise CodebookError(path, f"side name {side!r} must be lower_snake_case",
                                    row=_line(k))
            self.sides.append(side)
            self.side_terms[side] = []
            self.state_terms[side] = []
            if isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:null":
                continue
            for sk, sv in _mapping(v, path, f"side {side!r}"):
                self._side_field(side, _scalar(sk, path, "a field of a side"), sk, sv)
        if "unknown" not in self.sides:
            self.sides.append("unknown")
            self.side_terms["unknown"] = []
            self.state_terms["unknown"] = []

    def _side_field(self, side: str, name: str, key_node, node) -> None:
        if name not in _SIDE_FIELDS:
            raise CodebookError(self.path, f"unknown field {name!r} in side {side!r} "
                                f"(use {', '.join(_SIDE_FIELDS)})", row=_line(key_node))
        if name == "label":
            return
        if name in ("attacks", "victim_terms"):
            into = self.attack_terms if name == "attacks" else self.victim_terms
            into[side] = [term for term, _ in _terms(node, self.path, f"sides.{side}.{name}")]
            return
        if name == "opponents":
            self.opponent_nodes[side] = [
                (n, _scalar(n, self.path, "an opponent side"))
                for n in _sequence(node, self.path, f"sides.{side}.opponents")]
            return
        for term, _ in _terms(node, self.path, f"sides.{side}.{name}"):
            self.side_rules.append(_Rule(term, _term_pattern(term), None, side))
            self.side_terms[side].append(term)
            if name in ("places", "states"):
                self.place_rules.append(_Rule(term, _term_pattern(term), None, side))
            if name == "states":
                self.state_terms[side].append(term)
                bare = _LEADING_DETERMINERS.sub("", normalize_quotes(term)).lower()
                self.state_lookup[bare] = side

    def opponents(self) -> dict[str, tuple[str, ...]]:
        """Side -> the sides it fights (``sides.<side>.opponents``), each checked."""
        return {side: tuple(self.check_side(n, v) for n, v in nodes)
                for side, nodes in self.opponent_nodes.items()}

    def default_sides(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if "default_sides" in self.top:
            for k, v in _mapping(self.top["default_sides"], self.path, "default_sides"):
                role = self.check_role(k, _scalar(k, self.path, "a role in default_sides"))
                out[role] = self.check_side(v, _scalar(v, self.path, "a side in default_sides"))
        return out

    def tier(self, tier: str) -> _Matcher:
        """The matcher of one tier (``strong_titles``, ``bodies``, ``titles``, ...)."""
        rules: list[_Rule] = []
        seen: dict[str, tuple] = {}

        def add(term, line, role, side):
            key = normalize_quotes(term).lower() if not term.startswith("re:") else term
            if key in seen and seen[key] != (role, side):
                raise CodebookError(self.path, f"term {term!r} is mapped twice in {tier} "
                                    f"({seen[key]} and {(role, side)})", row=line)
            if key not in seen:
                seen[key] = (role, side)
                rules.append(_Rule(term, _term_pattern(normalize_quotes(term)), role, side))

        node = self.top.get(tier)
        if node is None:
            return _Matcher(tier, rules)
        if tier in ("strong_titles", "bodies", "titles"):
            for rk, rv in _mapping(node, self.path, tier):
                role = self.check_role(rk, _scalar(rk, self.path, f"a role in {tier}"))
                for term, line in _terms(rv, self.path, f"{tier}.{role}"):
                    add(term, line, role, None)
        else:
            for entry in _sequence(node, self.path, tier):
                role, side, terms_node = self._entry(tier, entry)
                for term, line in _terms(terms_node, self.path, f"{tier} terms"):
                    add(term, line, role, side)
                    if side is not None:
                        self.side_terms[side].append(term)
        return _Matcher(tier, rules)

    def _entry(self, tier: str, entry) -> tuple[str, str | None, object]:
        """Role, side and terms node of one ``{terms, role, side}`` entry of a tier."""
        path = self.path
        fields = {}
        for fk, fv in _mapping(entry, path, f"an entry of {tier}"):
            fields[_scalar(fk, path, "a field name")] = (fk, fv)
        for needed in ("terms", "role"):
            if needed not in fields:
                raise CodebookError(path, f"an entry of {tier} has no {needed!r}",
                                    row=_line(entry))
        extra = set(fields) - {"terms", "role", "side"}
        if extra:
            raise CodebookError(path, f"unknown field {sorted(extra)[0]!r} in {tier}",
                                row=_line(fields[sorted(extra)[0]][0]))
        rnode = fields["role"][1]
        role = self.check_role(rnode, _scalar(rnode, path, "role"))
        side = None
        if "side" in fields:
            snode = fields["side"][1]
            side = self.check_side(snode, _scalar(snode, path, "side", allow_null=True))
        return role, side, fields["terms"][1]

    def dedupe(self, rules_in: list[_Rule]) -> list[_Rule]:
        """Side terms deduplicated, order kept: the side matcher sees each term once."""
        seen_side: dict[str, str] = {}
        out = []
        for r in rules_in:
            key = normalize_quotes(r.term).lower()
            if key in seen_side and seen_side[key] != r.side:
                raise CodebookError(self.path, f"side term {r.term!r} belongs to two sides "
                                    f"({seen_side[key]} and {r.side})")
            if key not in seen_side:
                seen_side[key] = r.side
                out.append(r)
        return out


def parse_codebook(text: str, path: str = "<codebook>") -> Codebook:
    """Parse and check a codebook given as YAML text.

    Parameters
    ----------
    text : str
        The YAML source.
    path : str
        The file name used in error messages.

    Returns
    -------
    Codebook

    Raises
    ------
    CodebookError
        On bad YAML, a wrong structure, an unknown role or side, or a term mapped to
        two different roles or sides in one list; the message names file and line.
    """
    p = _CodebookParser(_compose(text, path), path)
    p.read_roles()
    official = p.official_roles()
    p.read_sides()
    default_sides = p.default_sides()
    tiers = [p.tier(tier) for tier in _TIERS[:-1]]
    return Codebook(
        path=path,
        roles=p.roles,
        official_roles=official,
        default_sides=default_sides,
        sides=tuple(p.sides),
        side_terms={s: tuple(dict.fromkeys(t)) for s, t in p.side_terms.items()},
        state_terms={s: tuple(t) for s, t in p.state_terms.items()},
        _matchers=tuple(tiers),
        _side_matcher=_Matcher("sides", p.dedupe(p.side_rules)),
        _place_matcher=_Matcher("places", p.dedupe(p.place_rules)),
        _state_lookup=p.state_lookup,
        opponents=p.opponents(),
        attacks={s: tuple(t) for s, t in p.attack_terms.items()},
        victim_terms={s: tuple(t) for s, t in p.victim_terms.items()},
        sections=read_source_sections(p.top, path, _terms, _line, _mapping, _sequence,
                                      _scalar, _plain_matcher),
    )


# the fields of a side in the codebook's sides section
_SIDE_FIELDS = ("terms", "places", "states", "label", "opponents", "attacks", "victim_terms")


def _plain_matcher(tier: str, terms: list[tuple[str, int]]) -> _Matcher:
    """A matcher of terms without role or side (the sections of :mod:`codebook_sections`)."""
    return _Matcher(tier, [_Rule(t, _term_pattern(normalize_quotes(t)), None, None)
                           for t, _ in terms])


def default_codebook_path() -> Path:
    """Path of the packaged default codebook."""
    return Path(str(resources.files("mediakit.data").joinpath("codebook.yaml")))


@lru_cache(maxsize=16)
def _load(path: str) -> Codebook:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CodebookError(path, f"cannot read the codebook: {exc.strerror}") from None
    return parse_codebook(text, path)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load a codebook (the packaged default when ``path`` is None), once per process.

    Parameters
    ----------
    path : str or Path, optional
        A YAML codebook with the structure of ``mediakit/data/codebook.yaml``.

    Returns
    -------
    Codebook

    Raises
    ------
    CodebookError
        When the file cannot be read or is malformed (file and line named).
    """
    return _load(str(default_codebook_path() if path is None else Path(path)))
