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
from .direct import QUOTE_RULES
from .extractor import extract_attributions
from .headline import HEADLINE_RULES
from .indirect import INDIRECT_RULES
from .inherit import INHERIT_RULES
from .nominal import NOMINAL_RULES
from .record import Attribution
from .resolve import find_person_descriptions
from .statements import STATEMENT_RULES

#: The patterns that produce an attribution: rule id (``Attribution.rule``) ->
#: what it matches. ``quote.*``: a quotation with a tag of its own (pass 1,
#: :mod:`.direct`); ``indirect.*``: reported speech around a cue (pass 2, :mod:`.indirect`;
#: a report holding quoted fragments is one partial attribution, the fragments in its
#: ``quotes``); ``statement.*``: a piece of a statement (:mod:`.statements`);
#: ``inherit.*`` and ``unattributed.*``: a quotation without a tag of
#: its own (pass 3, :mod:`.inherit`). Each pass's table sits with its patterns.
#: Documented with an example each in docs/metrics.md (attribution rule ids).
RULES: dict[str, str] = {**QUOTE_RULES, **INDIRECT_RULES, **NOMINAL_RULES, **INHERIT_RULES,
                         **HEADLINE_RULES, **STATEMENT_RULES}

__all__ = [
    "RULES",
    "Attribution",
    "extract_attributions",
    "find_person_descriptions",
    "load_reporting_verbs",
]
