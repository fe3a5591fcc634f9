"""Saved web pages: the article's main text and metadata, extracted with trafilatura.

A page is decoded by its charset declaration (a wrong or unknown one is refused), its
embeds and notices listed in ``mediakit/data/html_boilerplate.txt`` are pruned, and
trafilatura [1]_ extracts the main text (paragraphs kept) and the metadata: title, site
name (the outlet), date, author and canonical URL. Every visible block of the page that
is not in the extracted text is kept in :attr:`Page.boilerplate`, so what was removed
can be counted and read, like clutter lines.

Nothing is fetched: trafilatura reads the page it is given. Fetching a URL is
:mod:`mediakit.io.fetch`.

References
----------
.. [1] Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line tool
   for text discovery and extraction. ACL-IJCNLP 2021: System Demonstrations, 122-131.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ArticleError
from .decoding import _decode, _wide_bom

__all__ = ["HTML_SUFFIXES", "Page", "decode_html", "extract_page"]

HTML_SUFFIXES = (".html", ".htm")
#: Below this share of English function words (with at least ``_MIN_WORDS`` words), the
#: page is not read as English. English news prose has about 40 to 50 per cent.
ENGLISH_MIN_SHARE = 0.15
_MIN_WORDS = 20

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")
#: Elements whose text is a block of the page (for the list of removed blocks).
_BLOCKS = frozenset("""p li h1 h2 h3 h4 h5 h6 td th dt dd blockquote figcaption caption pre
    div section article aside header footer nav ul ol dl table tr form main button label
    address summary details figure""".split())
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe")


@dataclass(frozen=True)
class Page:
    """What a saved web page gives.

    Attributes
    ----------
    body : str
        The main text, paragraphs separated by blank lines (the title line left out).
    title, outlet, date, author, url : str or None
        Metadata (``outlet`` is the site name, or the host name when none is given;
        ``url`` is the canonical URL).
    boilerplate : tuple of str
        The page's visible blocks of text that are not in ``body``, in page order.
    warnings : tuple of str
        Problems that did not stop reading (an undeclared, non-UTF-8 encoding).
    """

    body: str
    title: str | None
    outlet: str | None
    date: str | None
    author: str | None
    url: str | None
    boilerplate: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def decode_html(data: bytes, source: str, row: int | None = None
                ) -> tuple[str, tuple[str, ...]]:
    """Decode a page by its byte-order mark, else its ``<meta charset>``, else as text is.

    Parameters
    ----------
    data : bytes
        The page as saved.
    source : str
        The file (or URL) named in messages.
    row : int, optional
        The row of a corpus file, named in messages.

    Returns
    -------
    text : str
    warnings : tuple of str
        A non-UTF-8 page without a declaration is decoded as Windows-1252 with a warning.

    Raises
    ------
    ArticleError
        An unknown charset, or a declaration the bytes contradict (a page that declares
        UTF-8 but is not, or declares a single-byte charset but is UTF-8).
    """
    match = _CHARSET.search(data[:4096])
    if _wide_bom(data) is not None or match is None:
        return _decode(data, source if row is None else f"{source}, line {row}")
    declared = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise ArticleError(source, f"declares an unknown charset '{declared}'", row) from None
    if codec != "utf-8" and not data.isascii() and _is_utf8(data):
        raise ArticleError(source, f"declares charset '{declared}' but its bytes are UTF-8 "
                           "(wrong charset declaration; fix the <meta charset> of the "
                           "saved page)", row)
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec), ()
    except UnicodeDecodeError as exc:
        raise ArticleError(source, f"declares charset '{declared}' but is not valid "
                           f"{declared} (byte {exc.start}; wrong charset declaration)",
                           row) from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@lru_cache(maxsize=1)
def _prune_xpaths() -> tuple[str, ...]:
    raw = resources.files("mediakit.data").joinpath("html_boilerplate.txt").read_text("utf-8")
    return tuple(s for line in raw.splitlines() if (s := line.strip()) and not s.startswith("#"))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    raw = resources.files("mediakit.data").joinpath("english_function_words.txt")
    return frozenset(s for line in raw.read_text("utf-8").splitlines()
                     if (s := line.strip()) and not s.startswith("#"))


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _own_text(el) -> str:
    """The text of ``el`` outside its block-level children (inline children included)."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _INVISIBLE:
            parts.append(child.tail or "")
        elif child.tag in _BLOCKS:
            parts.append(" " + (child.tail or ""))
        else:
            parts.append(child.text_content() + (child.tail or ""))
    return _norm("".join(parts))


def _visible_blocks(tree) -> list[str]:
    """Every block of visible text of the page, in order."""
    for el in tree.xpath("//script|//style|//noscript|//template|//head|//svg|//iframe"):
        el.drop_tree()
    blocks = []
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            text = _own_text(el)
            if text:
                blocks.append(text)
    return blocks


def _language(tree) -> str | None:
    root = tree if tree.tag == "html" else tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang.strip() or None if lang else None


def _check_english(body: str, lang: str | None, source: str, row: int | None) -> None:
    if lang and lang.split("-")[0].split("_")[0].lower() != "en":
        raise ArticleError(source, f"page is in another language (lang=\"{lang}\"); "
                           "mediakit's word lists are English", row)
    words = _WORD.findall(body.lower())
    if len(words) >= _MIN_WORDS:
        share = sum(w in _function_words() for w in words) / len(words)
        if share < ENGLISH_MIN_SHARE:
            raise ArticleError(source, f"page does not read as English (only {share:.0%} of "
                               "its words are English function words); mediakit's word "
                               "lists are English", row)


def extract_page(page: bytes | str, source: str, row: int | None = None) -> Page:
    """The main text and metadata of a saved web page.

    Parameters
    ----------
    page : bytes or str
        The page (bytes are decoded with :func:`decode_html`).
    source : str
        The file or URL, named in messages.
    row : int, optional
        The row of a corpus file, named in messages.

    Returns
    -------
    Page

    Raises
    ------
    ArticleError
        A wrong charset declaration, a page that is not HTML, one with no main text, or
        one in another language than English.
    """
    import lxml.html
    import trafilatura

    warns: tuple[str, ...] = ()
    if isinstance(page, bytes):
        page, warns = decode_html(page, source, row)
    if not page.strip():
        raise ArticleError(source, "page is empty", row)
    try:
        tree = lxml.html.document_fromstring(page)
    except Exception as exc:  # lxml raises ParserError and ValueError alike
        raise ArticleError(source, f"not a readable HTML page ({exc})", row) from None
    lang = _language(tree)
    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True,
        prune_xpath=list(_prune_xpaths()), deduplicate=False, favor_precision=True,
        # Dates from the page's metadata only: the extensive search guesses one from
        # any year in the text (a footer's copyright line).
        date_extraction_params={"extensive_search": False, "original_date": True})
    lines = [_norm(line) for line in (doc.text or "").splitlines()] if doc else []
    lines = [line for line in lines if line]
    title = doc.title if doc else None
    if lines and title and lines[0] == _norm(title):
        lines = lines[1:]
    if not lines:
        raise ArticleError(source, "no main text found in the page (nothing left once "
                           "navigation and boilerplate are removed)", row)
    body = "\n\n".join(lines)
    _check_english(body, lang, source, row)
    kept = _norm(" ".join([title or "", *lines]))
    boilerplate = tuple(b for b in _visible_blocks(tree) if b not in kept)
    return Page(body=body, title=title, outlet=doc.sitename or doc.hostname, date=doc.date,
                author=doc.author, url=doc.url, boilerplate=boilerplate, warnings=warns)
