"""The articles and answer keys the exercises use, shipped with mediakit.

The teaching articles are fictional samples written for mediakit (see
``mediakit/data/teaching/README.md``); each has an answer key of who speaks in it, in the
format of the project's gold data (``tests/gold/README.md``). A teacher can point an
exercise at any article file instead, with or without a key of their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import MediakitError
from ..io.articles import Article, load_articles
from ..metrics.readability import word_syllables
from ..text import segment

__all__ = ["AnswerKey", "KeyAttribution", "article_for_exercise", "key_for_exercise",
           "load_key", "numbered_paragraphs", "pick_paragraph", "sample_names",
           "sample_path"]


def _teaching_dir() -> Path:
    return Path(str(resources.files("mediakit.data") / "teaching"))


def sample_names() -> list[str]:
    """Names of the teaching articles shipped with mediakit (file stems)."""
    return sorted(p.stem for p in (_teaching_dir() / "articles").glob("*.md"))


def sample_path(name: str) -> Path:
    """The file of a teaching article, by name (see :func:`sample_names`).

    Raises
    ------
    MediakitError
        If there is no teaching article of that name.
    """
    path = _teaching_dir() / "articles" / f"{name}.md"
    if not path.is_file():
        raise MediakitError(name, "no teaching article of this name (known: "
                            f"{', '.join(sample_names())})")
    return path


def article_for_exercise(article_path: str | Path | None, default: str) -> Article:
    """The article an exercise works on.

    Parameters
    ----------
    article_path : str or Path or None
        An article file (``.txt``, ``.md``, ``.json``) chosen by the teacher, or None for
        the exercise's own teaching article.
    default : str
        Name of the teaching article used when ``article_path`` is None.

    Returns
    -------
    Article

    Raises
    ------
    MediakitError
        If the file cannot be read as one article.
    """
    path = sample_path(default) if article_path is None else Path(article_path)
    articles = load_articles(path)
    if len(articles) != 1:
        raise MediakitError(path, f"an exercise needs one article; this file holds "
                            f"{len(articles)} (give a .txt, .md or .json file)")
    return articles[0]


@dataclass(frozen=True)
class KeyAttribution:
    """One attribution of an answer key (a row of a gold file)."""

    speaker: str
    aliases: tuple[str, ...]
    mention: str
    kind: str
    cue: str
    content: str
    role: str
    side: str
    named: bool

    def names(self) -> tuple[str, ...]:
        """The speaker's name and its aliases."""
        return (self.speaker, *self.aliases)


@dataclass(frozen=True)
class AnswerKey:
    """Who speaks in one article, annotated by hand."""

    id: str
    notes: str
    attributions: tuple[KeyAttribution, ...]

    def speakers(self) -> list[str]:
        """Distinct speakers in order of first attribution."""
        return list(dict.fromkeys(a.speaker for a in self.attributions))

    def role_of(self, speaker: str) -> str:
        """The role the key gives a speaker."""
        return next(a.role for a in self.attributions if a.speaker == speaker)


def load_key(path: str | Path) -> AnswerKey:
    """Read an answer key in the gold format (``tests/gold/README.md``).

    Raises
    ------
    MediakitError
        If the file cannot be read or lacks a field.
    """
    path = Path(path)
    try:
        doc = json.loads(path.read_text("utf-8"))
        rows = tuple(KeyAttribution(
            speaker=a["speaker"], aliases=tuple(a.get("aliases", ())),
            mention=a.get("mention", a["speaker"]), kind=a["kind"], cue=a.get("cue", ""),
            content=a["content"], role=a["role"], side=a.get("side", "unknown"),
            named=bool(a.get("named", True))) for a in doc["attributions"])
    except OSError as exc:
        raise MediakitError(path, f"cannot read answer key ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise MediakitError(path, f"answer key is not JSON ({exc.msg})", exc.lineno) from None
    except (KeyError, TypeError) as exc:
        raise MediakitError(path, f"answer key lacks a field: {exc}") from None
    return AnswerKey(id=doc.get("id", path.stem), notes=doc.get("notes", ""),
                     attributions=rows)


@lru_cache(maxsize=32)
def _packaged_key(name: str) -> AnswerKey:
    return load_key(_teaching_dir() / "keys" / f"{name}.json")


def key_for_exercise(article_path: str | Path | None, key_path: str | Path | None,
                     default: str) -> AnswerKey | None:
    """The answer key for an exercise's article, or None when there is none.

    The packaged key goes with the packaged article; a teacher's own article has a key
    only if they give one (``key_path``).
    """
    if key_path is not None:
        return load_key(key_path)
    if article_path is None:
        return _packaged_key(default)
    return None


def pick_paragraph(article: Article | str, number: int | None = None, *,
                   min_words: int = 35, max_words: int = 90) -> tuple[int, str]:
    """A paragraph to work on by hand.

    Parameters
    ----------
    article : Article or str
        The article (or its body).
    number : int, optional
        The paragraph's number, counted from 1 as in the report and the metrics file.
        None picks the first paragraph of ``min_words`` to ``max_words`` words, or else
        the longest one.
    min_words, max_words : int
        The size a by-hand count should have.

    Returns
    -------
    (int, str)
        The paragraph's number (from 1) and text.

    Raises
    ------
    MediakitError
        If ``number`` is not a paragraph of the article.
    """
    body = article.body if isinstance(article, Article) else article
    paragraphs = segment(body).paragraphs
    if not paragraphs:
        raise MediakitError(getattr(article, "source_path", None), "the article is empty")
    if number is not None:
        if not 1 <= number <= len(paragraphs):
            raise MediakitError(getattr(article, "source_path", None),
                                f"paragraph {number} does not exist (the article has "
                                f"{len(paragraphs)}, numbered from 1)")
        return number, paragraphs[number - 1].text
    sizes = [len(word_syllables(p.text)) for p in paragraphs]
    for i, size in enumerate(sizes):
        if min_words <= size <= max_words:
            return i + 1, paragraphs[i].text
    best = max(range(len(paragraphs)), key=lambda i: sizes[i])
    return best + 1, paragraphs[best].text


def numbered_paragraphs(article: Article | str) -> str:
    """The article's title and paragraphs, each numbered from 1 as the report numbers them.

    For reading and annotating by hand: ``print(numbered_paragraphs(article))``.
    """
    body = article.body if isinstance(article, Article) else article
    lines = []
    if isinstance(article, Article) and article.title:
        lines.append(article.title.upper() + (f" ({article.outlet})" if article.outlet else ""))
        lines.append("")
    for p in segment(body).paragraphs:
        lines.append(f"[{p.index + 1}] {p.text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
