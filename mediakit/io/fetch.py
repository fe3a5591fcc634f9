"""Fetching one web page, once, and keeping it so the run can be repeated offline.

``mediakit analyze https://...`` fetches the page with :func:`fetch_page`, which saves
the bytes as received (``<slug>.html``) and a record of the fetch (``<slug>.fetch.json``:
URL, final URL, status, content type, size, time and SHA-256) in the output folder. The
article is then read from the saved file like any saved page, so analysing that file
later gives the same metrics without the network.
"""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import ArticleError
from .records import DEFAULT_MAX_BYTES, slugify
from .writers import write_atomic, write_json

__all__ = ["DEFAULT_TIMEOUT", "FetchedPage", "fetch_page", "is_url"]

DEFAULT_TIMEOUT = 20.0
_USER_AGENT = "mediakit (research; one fetch per page)"
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page, as saved.

    Attributes
    ----------
    url : str
        The URL asked for.
    path : Path
        The saved page.
    record_path : Path
        The ``.fetch.json`` beside it.
    sha256 : str
        SHA-256 of the saved bytes.
    """

    url: str
    path: Path
    record_path: Path
    sha256: str


def is_url(value: str) -> bool:
    """Whether a command-line input is a web address (``http://`` or ``https://``)."""
    return str(value).lower().startswith(("http://", "https://"))


def _page_name(url: str) -> str:
    rest = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return slugify(rest, fallback="page")


def fetch_page(url: str, folder: str | Path, *, timeout: float = DEFAULT_TIMEOUT,
               max_bytes: int = DEFAULT_MAX_BYTES) -> FetchedPage:
    """Fetch ``url`` once and save it, with its SHA-256, in ``folder``.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` address.
    folder : str or Path
        Where the page and its ``.fetch.json`` are written (created if needed).
    timeout : float
        Seconds to wait for the connection and for each read.
    max_bytes : int
        Largest page accepted.

    Returns
    -------
    FetchedPage

    Raises
    ------
    ArticleError
        Naming the URL: no connection (offline, refused, unknown host), a timeout, an
        HTTP error status, a response that is not a web page, or one over ``max_bytes``.
    """
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            data = response.read(max_bytes + 1)
            status, final_url = response.status, response.geturl()
    except urllib.error.HTTPError as exc:
        raise ArticleError(url, f"cannot fetch the page (HTTP {exc.code} {exc.reason})") from None
    except urllib.error.URLError as exc:
        raise ArticleError(url, f"cannot fetch the page ({_reason(exc.reason)}; offline? "
                           "save the page and analyse the file)") from None
    except TimeoutError:
        raise ArticleError(url, f"cannot fetch the page (no answer within {timeout:g} s)") \
            from None
    except OSError as exc:
        raise ArticleError(url, f"cannot fetch the page ({_reason(exc)})") from None
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type and media_type not in _PAGE_TYPES:
        raise ArticleError(url, f"is not a web page (Content-Type {media_type})")
    if len(data) > max_bytes:
        raise ArticleError(url, f"page is larger than the limit of {max_bytes} bytes "
                           "(raise max_bytes to accept it)")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = _page_name(url)
    path, record_path = folder / f"{name}.html", folder / f"{name}.fetch.json"
    sha = hashlib.sha256(data).hexdigest()
    write_atomic(path, data)
    write_json(record_path, {
        "url": url, "final_url": final_url, "status": status, "content_type": content_type,
        "bytes": len(data), "sha256": sha, "page": path.name,
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
    })
    return FetchedPage(url=url, path=path, record_path=record_path, sha256=sha)


def _reason(reason) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return text.strip() or type(reason).__name__
