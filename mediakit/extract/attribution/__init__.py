"""Who is quoted or cited: a rule-based attribution extractor for news prose.

:func:`extract_attributions` finds direct quotes, partial quotes and reported
(indirect) speech in a segmented :class:`~mediakit.text.Document`, with character
offsets, the cue ("said", "according to") and the speaker resolved to a canonical
string (a full name, an institution or an unnamed description). It reads noun phrases
with word lists instead of a parser, so it runs offline and in linear time; the
patterns are documented one by one in ``docs/metrics.md`` (attribution extraction).

:func:`extract_attributions` is the one function boundary a statistical backend
would replace: it takes a Document and returns plain :class:`Attribution` records.

References
----------
Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC.
Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for
political news. LREC.
Asr, F. T., et al. (2021). The Gender Gap Tracker. PLOS ONE 16(1): e0245533.
"""

from ..lexicon import load_reporting_verbs
from .extractor import extract_attributions
from .record import RULES, Attribution
from .resolve import find_person_descriptions

__all__ = [
    "RULES",
    "Attribution",
    "extract_attributions",
    "find_person_descriptions",
    "load_reporting_verbs",
]
