"""The word lists the extractors read: reporting verbs, the attribution lexicon, first names.

The lists a researcher would change are data files in ``mediakit/data``
(``reporting_verbs.txt``, ``attribution_lexicon.txt``, ``attribution_first_names.txt``),
each loaded once per process. The closed word classes below (determiners, pronouns,
prepositions, auxiliaries, conjunctions) are English grammar the patterns in
:mod:`mediakit.extract.attribution` and :mod:`mediakit.extract.noun_phrases` share.
"""

from __future__ import annotations

from functools import lru_cache

from ..datafiles import data_lines, read_data_file, section_lines
from ..errors import ParameterError


@lru_cache(maxsize=8)
def load_reporting_verbs(path: str | None = None) -> dict[tuple[str, ...], tuple[str, bool]]:
    """Load the reporting-verb list.

    Parameters
    ----------
    path : str or None
        A file in the format of ``mediakit/data/reporting_verbs.txt`` (one lemma and its
        forms per line, ``#`` comments, ``!`` marking cues that need explicit content,
        ``_`` joining the words of a multi-word cue). None loads the packaged list.

    Returns
    -------
    dict
        Maps each form, as a tuple of lower-case words, to ``(lemma, strict)``.
    """
    raw, where = read_data_file("reporting_verbs.txt", path, error=ParameterError)
    forms: dict[tuple[str, ...], tuple[str, bool]] = {}
    for lineno, line in data_lines(raw):
        strict = line.startswith("!")
        words = line.lstrip("!").split()
        if not words:
            raise ParameterError(where, "a '!' with no verb after it", lineno)
        lemma = words[0].replace("_", " ")
        for w in words:
            forms[tuple(w.lower().split("_"))] = (lemma, strict)
    if not forms:
        raise ParameterError(where, "no reporting verbs in the file")
    return forms


#: The cue types of ``cue_types.txt``, in the order its sections may appear.
CUE_TYPES = ("speech", "belief", "intention", "evidence", "stance", "nominal", "according_to")

#: Words before a cue that negate it ("did not say", "never said", "declined to say").
_NEGATORS = frozenset("not n't never no".split())


def load_cue_types(path: str | None = None) -> dict[tuple[str, ...], tuple[str, str]]:
    """Load the cue-type lexicon.

    Parameters
    ----------
    path : str or None
        A file in the format of ``mediakit/data/cue_types.txt`` (``[type]`` sections, each
        line a lemma and its forms, ``_`` joining the words of a multi-word cue, ``!``
        marking a cue that needs explicit content, ``#`` comments). None loads the
        packaged list.

    Returns
    -------
    dict
        Maps each form, as a tuple of lower-case words, to ``(lemma, cue type)``.

    Raises
    ------
    ParameterError
        Naming the file and line: an unknown section, an entry before any section, or a
        form listed under two types.
    """
    return _cue_lexicon(path)[0]


@lru_cache(maxsize=8)
def _cue_lexicon(path: str | None
                 ) -> tuple[dict[tuple[str, ...], tuple[str, str]], frozenset[tuple[str, ...]]]:
    """The cue-type lexicon's forms, and those marked ``!`` (they need explicit content)."""
    raw, where = read_data_file("cue_types.txt", path, error=ParameterError)
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    strict_forms: set[tuple[str, ...]] = set()
    for lineno, current, line in section_lines(
            raw, where, CUE_TYPES, "cue-type section", "an entry before any [type] section",
            error=ParameterError):
        words = line.lstrip("!").split()
        if not words:
            raise ParameterError(where, "a '!' with no cue after it", lineno)
        lemma = words[0].replace("_", " ")
        for w in words:
            key = tuple(w.lower().split("_"))
            if line.startswith("!"):
                strict_forms.add(key)
            if key in forms and forms[key][1] != current:
                raise ParameterError(where, f"{w!r} is listed as {forms[key][1]} and as "
                                     f"{current}", lineno)
            forms[key] = (lemma, current)
    if not forms:
        raise ParameterError(where, "no cue types in the file")
    return forms, frozenset(strict_forms)


@lru_cache(maxsize=8)
def load_cue_words(verbs_path: str | None = None, types_path: str | None = None
                   ) -> dict[tuple[str, ...], tuple[str, bool]]:
    """The cue words the attribution extractor looks for: the reporting verbs, then the
    speech, belief, intention, evidence and stance cues of the cue-type lexicon that are
    not reporting verbs (a line starting with ``!`` there needs explicit content, as in the
    reporting-verb list).

    Returns
    -------
    dict
        In the format of :func:`load_reporting_verbs`: form -> ``(lemma, strict)``.
    """
    verbs = dict(load_reporting_verbs(verbs_path))
    types, strict = _cue_lexicon(types_path)
    for key, (lemma, ctype) in types.items():
        if ctype in {"speech", "belief", "intention", "evidence", "stance"} and key not in verbs:
            verbs[key] = (lemma, key in strict)
    return verbs


def classify_cue(words: list[str] | tuple[str, ...],
                 types: dict[tuple[str, ...], tuple[str, str]],
                 verbs: dict[tuple[str, ...], tuple[str, bool]]) -> tuple[str, str | None]:
    """The type and lemma of a cue from its words: the first word (or pair of words)
    listed in the cue-type lexicon decides, then the reporting-verb list (``speech``).

    Parameters
    ----------
    words : sequence of str
        The cue's words as written ("has said", "in a statement", "did not respond to").
    types : dict
        :func:`load_cue_types`.
    verbs : dict
        :func:`load_reporting_verbs`.

    Returns
    -------
    (str, str or None)
        The cue type (``"other"`` when no word is listed) and the head's lemma.
    """
    lw = [w.lower() for w in words]
    for i in range(len(lw)):
        for n in (2, 1):
            key = tuple(lw[i : i + n])
            if len(key) < n:
                continue
            if key in types:
                return types[key][1], types[key][0]
            if key in verbs:
                return "speech", verbs[key][0]
    return "other", None


def is_negated(words: list[str] | tuple[str, ...]) -> bool:
    """Whether the words before a cue negate it ("did not", "never", "didn't")."""
    return any(w.lower() in _NEGATORS or w.lower().endswith("n't") for w in words)


#: The cue types counted as statements by default (source diversity, civilian voice):
#: speech acts, stances, and "according to". Beliefs, intentions, evidence, nominal and
#: negated cues are kept in the extractor's output and counted only when asked.
DEFAULT_COUNTED_CUE_TYPES = "speech,stance,according_to"


def parse_counted_cue_types(value: str) -> frozenset[str]:
    """The cue types named by a ``counted_cue_types`` value.

    Parameters
    ----------
    value : str
        ``"all"``, or cue types separated by commas (``"speech,stance"``), each one of
        :data:`CUE_TYPES` or ``negated``.

    Returns
    -------
    frozenset of str

    Raises
    ------
    ParameterError
        For an empty value or an unknown type.
    """
    known = (*CUE_TYPES, "negated")
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(None, f"counted_cue_types must name cue types or 'all', got "
                             f"{value!r}")
    if value.strip() == "all":
        return frozenset(known)
    names = frozenset(v.strip() for v in value.split(",") if v.strip())
    unknown = sorted(names - set(known))
    if unknown:
        raise ParameterError(None, f"counted_cue_types: unknown cue type(s) "
                             f"{', '.join(unknown)} (known: {', '.join(known)}, or all)")
    return names


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str] | dict[str, str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for _, line in data_lines(read_data_file("attribution_lexicon.txt")[0]):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
            continue
        sections.setdefault(current or "", []).append(line)
    out: dict[str, frozenset[str] | dict[str, str]] = {}
    for name, lines in sections.items():
        if name == "honorifics":
            out[name] = {ln.split()[0].lower(): ln.split()[1] for ln in lines}
        else:
            out[name] = frozenset(
                w.lower().replace("_", " ") for ln in lines for w in ln.split()
            )
    return out


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    names: dict[str, str] = {}
    gender = None
    for _, line in data_lines(read_data_file("attribution_first_names.txt")[0]):
        if line == "[female]":
            gender = "f"
        elif line == "[male]":
            gender = "m"
        elif gender:
            for w in line.split():
                # A name listed under both keeps no gender.
                key = w.lower()
                names[key] = gender if names.get(key, gender) == gender else "?"
    return {k: v for k, v in names.items() if v != "?"}


# ------------------------------------------------------------------ word classes

_DETERMINERS = frozenset(
    "a an the this that these those his her its their our my your some any each every "
    "another other both several many few most all no one two three four five six seven "
    "eight nine ten dozens dozen hundreds thousands".split()
)


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                   "hers": "f", "herself": "f"}


_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "1", "we": "1"}


_PARTICLES = frozenset(
    "al el ad as an ar at az bin ibn bint abu umm abd abdel abdul de del della der den di "
    "da du dos van von la le ter y".split()
)


# Words that start a clause or an adverbial, never a speaker noun phrase.
_LEADERS = frozenset(
    "but and yet so still however meanwhile instead separately now also later earlier "
    "then thus therefore moreover indeed nonetheless nevertheless".split()
)


_PREPOSITIONS = frozenset(
    "on in at during after before since while when as if although though despite for from "
    "under with without by through following speaking asked last yesterday today tonight "
    "this earlier later within throughout amid upon over about against into onto until "
    "once because whereas including excluding like unlike across near outside inside among "
    "beyond around along toward towards via per elsewhere amid amidst monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


_AUX = frozenset(
    "has have had also previously repeatedly again later earlier then publicly separately "
    "privately once already recently reportedly often frequently never not just initially "
    "first further still long similarly quickly immediately openly explicitly directly "
    "flatly angrily bluntly simply specifically subsequently consistently personally "
    "now quite meanwhile however too soon and would will could may might can did does do".split()
)


_PASSIVE = frozenset("is was are were be been being 's".split())


_VERBISH = frozenset(
    "is are was were be been being will would can could should shall must may might has have "
    "had do does did".split()
)


_RELATIVE = frozenset("who whom whose which that".split())


_TIME_WORDS = frozenset(
    "on in at last this yesterday today tonight monday tuesday wednesday thursday friday "
    "saturday sunday morning afternoon evening night week month year weekend earlier later "
    "during a an the statement interview briefing conference news told reporters".split()
)


_NOT_ADVERBS = frozenset(
    "family ally assembly rally supply monopoly anomaly lily belly bully jelly daily weekly "
    "monthly quarterly italy july reply".split()
)


_TIME_STARTS = frozenset(
    "back late early shortly soon just minutes hours days weeks months years moments "
    "seconds".split()
)


def _is_adverb(w: str) -> bool:
    return (len(w) > 4 and w.endswith("ly") and w not in _NOT_ADVERBS) or (w in _AUX and w != "and")


def _lex(name: str) -> frozenset[str]:
    return _lexicon()[name]  # type: ignore[return-value]


def _verbish(w: str) -> bool:
    return w in _VERBISH or w.endswith("n't")


_IRREGULAR_PAST = frozenset(
    "held took went made gave met sat came got won lost ran spoke led left kept brought "
    "thought sent stood put began became found hit beat drew wore sought taught shot lent struck "
    "threw felt spent fought sold bought paid chose fell rose broke drove flew".split()
)


_CONJ = frozenset(
    "and but while whereas because although though so or as since when after before if until "
    "where".split()
)


_MODALS = frozenset("would will could can may might should shall must".split())


_NUMBERS = frozenset("one two three four five six seven eight nine ten dozen dozens".split())


_TELL_LIKE = frozenset("tell inform assure remind brief".split())
