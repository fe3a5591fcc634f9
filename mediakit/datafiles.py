"""Reading mediakit's plain-text data files (word lists, lexicons, codebook lists).

The lists in ``mediakit/data/`` share one format: one entry a line, ``#`` starts a
comment, blank lines are ignored. A researcher can pass their own file of the same format
instead of the packaged one; :func:`read_data_file` reads either, and :func:`data_lines`
parses the text.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import MediakitError

__all__ = ["data_lines", "read_data_file"]


def read_data_file(name: str, path: str | Path | None = None, *,
                   error: type[MediakitError] = MediakitError) -> tuple[str, str]:
    """The text of a packaged data file, or of a file given instead.

    Parameters
    ----------
    name : str
        File name in ``mediakit/data`` (read when ``path`` is None).
    path : str or Path, optional
        A researcher's own file.
    error : type
        The :class:`~mediakit.errors.MediakitError` subclass raised when ``path`` cannot
        be read (the caller's kind of input: a parameter, a codebook).

    Returns
    -------
    (str, str)
        The text, and where it came from (``name`` or ``path``) for error messages.
    """
    if path is None:
        return resources.files("mediakit.data").joinpath(name).read_text("utf-8"), name
    try:
        return Path(path).read_text("utf-8"), str(path)
    except OSError as exc:
        raise error(path, f"cannot read word list: {exc.strerror or exc}") from None


def data_lines(text: str) -> list[tuple[int, str]]:
    """The entries of a data file's text: ``(line number, stripped line)``, comments and
    blank lines left out."""
    return [(number, entry) for number, line in enumerate(text.splitlines(), start=1)
            if (entry := line.split("#", 1)[0].strip())]


def section_lines(text: str, where: str, known, what: str = "section",
                  before: str = "an entry before any [section]", *,
                  error: type[MediakitError] = MediakitError):
    """The entries of a data file in ``[section]`` blocks: ``(line number, section,
    line)`` for each entry, in order.

    Parameters
    ----------
    text : str
        The file's text.
    where : str
        The file, for errors.
    known : Collection[str]
        The section names allowed.
    what : str
        What a section is called in the errors ("cue-type section").
    before : str
        The error for an entry before the first section.
    error : type
        The error raised.

    Raises
    ------
    MediakitError
        Naming the file and line: an unknown section, or an entry before any section.
    """
    current = None
    for lineno, line in data_lines(text):
        if line.startswith("["):
            name = line.strip("[]").strip()
            if not line.endswith("]") or name not in known:
                raise error(where, f"unknown {what} {line!r} (known: {', '.join(known)})",
                            lineno)
            current = name
            continue
        if current is None:
            raise error(where, before, lineno)
        yield lineno, current, line
