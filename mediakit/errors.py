"""Exceptions that carry the file (and row) at fault and print one readable line."""

from __future__ import annotations

from pathlib import Path

__all__ = ["MediakitError", "ArticleError", "CodebookError", "ParameterError",
           "MediakitWarning"]


class MediakitError(Exception):
    """Base class of mediakit's errors: a problem with a named input.

    Parameters
    ----------
    path : str or Path or None
        The file or folder at fault.
    problem : str
        What is wrong, in plain words.
    row : int or None
        The row (CSV, counting the header as row 1), line (JSONL) or line of a
        YAML file, where the problem is, when known.
    """

    def __init__(self, path: str | Path | None, problem: str, row: int | None = None):
        self.path = None if path is None else str(path)
        self.problem = problem
        self.row = row
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line message the command line prints."""
        where = self.path or "<input>"
        if self.row is not None:
            where = f"{where}, line {self.row}"
        return f"{where}: {self.problem}"

    def __reduce__(self):  # keep picklable across worker processes
        return (self.__class__, (self.path, self.problem, self.row))


class ArticleError(MediakitError):
    """An article file or row could not be read."""


class CodebookError(MediakitError):
    """A codebook or lexicon file is malformed."""


class ParameterError(MediakitError):
    """A notebook or analysis parameter has the wrong name, type or value."""


class MediakitWarning(UserWarning):
    """Something a run did that the user should know of, though it did not stop it: files
    of a folder that were skipped, a resumable run started over. Issued with
    :mod:`warnings`; the command line prints each as one line, ``mediakit: <message>``."""
