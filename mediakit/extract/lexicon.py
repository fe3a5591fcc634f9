"""The word lists the extractors read: reporting verbs, the attribution lexicon, first names.

The lists a researcher would change are data files in ``mediakit/data``
(``reporting_verbs.txt``, ``attribution_lexicon.txt``, ``attribution_first_names.txt``),
each loaded once per process. The closed word classes below (determiners, pronouns,
prepositions, auxiliaries, conjunctions) are English grammar the patterns in
:mod:`mediakit.extract.attribution` and :mod:`mediakit.extract.noun_phrases` share.
"""

from __future__ import annotations

from functools import lru_cache

from ..datafiles import data_lines, read_data_file
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
    "and would will could may might can did does do".split()
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
    "thought sent stood put began became found hit beat drew wore sought taught".split()
)


_CONJ = frozenset(
    "and but while whereas because although though so or as since when after before if until "
    "where".split()
)


_MODALS = frozenset("would will could can may might should shall must".split())


_NUMBERS = frozenset("one two three four five six seven eight nine ten dozen dozens".split())


_TELL_LIKE = frozenset("tell inform assure remind brief".split())
