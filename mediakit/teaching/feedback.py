"""What a check function returns: a verdict and messages for the student.

A :class:`Feedback` shows itself in a notebook as a short coloured block (``_repr_html_``)
and as plain text everywhere else. Its messages point at *where* to look again and *why*,
never at the expected value, so a student's notebook with outputs can be shared without
giving the answers away.
"""

from __future__ import annotations

import html
import math
import numbers
from dataclasses import dataclass

__all__ = ["CLOSE", "CORRECT", "INFO", "MISSING", "STATUSES", "WRONG", "Feedback",
           "as_count", "as_number", "is_unanswered", "not_answered", "sentence_case",
           "wrong_type"]

CORRECT = "correct"
CLOSE = "close"
WRONG = "wrong"
MISSING = "missing"
INFO = "info"
STATUSES = (CORRECT, CLOSE, WRONG, MISSING, INFO)

_LOOK = {
    CORRECT: ("✔", "Correct", "#e6f4ea", "#1e7e34"),
    CLOSE: ("≈", "Nearly", "#fff8e1", "#8a6d00"),
    WRONG: ("✘", "Not yet", "#fdecea", "#b02a37"),
    MISSING: ("…", "Not answered yet", "#eef1f5", "#4a5568"),
    INFO: ("ℹ", "For discussion", "#e8f0fe", "#1a4fa0"),
}


@dataclass(frozen=True)
class Feedback:
    """The outcome of one check.

    Attributes
    ----------
    task : str
        Which task was checked, e.g. ``"1.3 syllables"``.
    status : str
        ``"correct"``, ``"close"`` (nearly right), ``"wrong"``, ``"missing"`` (not answered
        yet) or ``"info"`` (nothing to mark right or wrong, e.g. with no answer key).
    messages : tuple of str
        What to look at again, most useful first.
    """

    task: str
    status: str
    messages: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown feedback status {self.status!r}")

    @property
    def correct(self) -> bool:
        """Whether the answer is right."""
        return self.status == CORRECT

    def to_dict(self) -> dict:
        """``{"task", "status", "messages"}`` (messages as a list)."""
        return {"task": self.task, "status": self.status, "messages": list(self.messages)}

    def __str__(self) -> str:
        mark, label = _LOOK[self.status][:2]
        lines = [f"{mark} {self.task}: {label}."]
        lines += [f"  - {m}" for m in self.messages]
        return "\n".join(lines)

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # IPython's plain-text display
        printer.text(str(self))

    def _repr_html_(self) -> str:
        mark, label, background, colour = _LOOK[self.status]
        items = "".join(f"<li>{html.escape(m)}</li>" for m in self.messages)
        body = f"<ul style='margin:0.3em 0 0 0'>{items}</ul>" if items else ""
        return (f"<div style='background:{background};border-left:4px solid {colour};"
                f"padding:0.5em 0.8em;margin:0.3em 0'><strong style='color:{colour}'>"
                f"{mark} {html.escape(self.task)}: {label}.</strong>{body}</div>")


def not_answered(task: str, what: str) -> Feedback:
    """Feedback for an answer still left as ``...`` (or None)."""
    return Feedback(task, MISSING, (f"Replace the `...` with {what}, then run this cell "
                                    "again.",))


def wrong_type(task: str, what: str, answer: object) -> Feedback:
    """Feedback for an answer of the wrong kind (a text where a number was asked...)."""
    shown = repr(answer)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return Feedback(task, WRONG, (f"The answer should be {what}; you gave "
                                  f"{type(answer).__name__} {shown}.",))


def is_unanswered(answer: object) -> bool:
    """Whether an answer is still the placeholder ``...`` or None."""
    return answer is Ellipsis or answer is None


def as_count(answer: object) -> int | None:
    """A whole number of things, whatever type holds it, or None if it is not one.

    Accepts Python and numpy integers and whole floats (``37.0``, as pandas sums give);
    refuses booleans, fractions, negatives, text.
    """
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    value = float(answer)
    if not math.isfinite(value) or not value.is_integer() or value < 0:
        return None
    return int(value)


def as_number(answer: object) -> float | None:
    """A finite real number (Python, numpy, Fraction) as a float, or None."""
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    value = float(answer)
    return value if math.isfinite(value) else None


def sentence_case(message: str) -> str:
    """The message with its first letter in capitals (names inside it untouched)."""
    return message[:1].upper() + message[1:]
