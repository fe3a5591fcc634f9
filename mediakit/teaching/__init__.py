"""Feedback for the teaching exercises in ``notebooks/teaching/``.

Each exercise task ends with a check cell that calls one function here with the
student's answer. The function works the answer out from the text (with mediakit's own
counts and extractors, or the article's answer key) and returns a :class:`Feedback`:
right, nearly right, wrong or not answered yet, with messages that say where to look
again without giving the answer away. The instructor's guide is ``docs/teaching.md``.

Exercises and their checks:

1. Readability by hand: :func:`check_word_count`, :func:`check_sentence_count`,
   :func:`check_syllables`, :func:`check_flesch`, :func:`check_count_differences`.
2. What sentiment scores can and cannot tell: :func:`check_label_predictions`,
   :func:`check_misreadings`, :func:`check_saturation`, :func:`check_sentence_mean`.
3. Who speaks: :func:`check_annotation`, :func:`compare_with_mediakit`,
   :func:`check_verdicts`, :func:`check_roles`.
4. Civilian voice: :func:`check_civilian_source_share`, :func:`check_quoted_word_share`,
   :func:`check_agentless_share`, :func:`check_interpretation`.
"""

from .attribution_checks import (
    check_annotation,
    check_roles,
    check_verdicts,
    compare_with_mediakit,
    parse_annotation,
)
from .civilian_checks import (
    check_agentless_share,
    check_civilian_source_share,
    check_interpretation,
    check_quoted_word_share,
    exercise_figures,
)
from .feedback import Feedback
from .readability_checks import (
    check_count_differences,
    check_flesch,
    check_sentence_count,
    check_syllables,
    check_word_count,
    hand_syllables,
)
from .samples import (
    AnswerKey,
    article_for_exercise,
    key_for_exercise,
    load_key,
    numbered_paragraphs,
    pick_paragraph,
    sample_names,
    sample_path,
)
from .sentiment_checks import (
    check_label_predictions,
    check_misreadings,
    check_saturation,
    check_sentence_mean,
    saturation_point,
    vader_label,
)

__all__ = [
    "AnswerKey",
    "Feedback",
    "article_for_exercise",
    "check_agentless_share",
    "check_annotation",
    "check_civilian_source_share",
    "check_count_differences",
    "check_flesch",
    "check_interpretation",
    "check_label_predictions",
    "check_misreadings",
    "check_quoted_word_share",
    "check_roles",
    "check_saturation",
    "check_sentence_count",
    "check_sentence_mean",
    "check_syllables",
    "check_verdicts",
    "check_word_count",
    "compare_with_mediakit",
    "exercise_figures",
    "hand_syllables",
    "key_for_exercise",
    "load_key",
    "numbered_paragraphs",
    "parse_annotation",
    "pick_paragraph",
    "sample_names",
    "sample_path",
    "saturation_point",
    "vader_label",
]
