"""Writing results: canonical JSON and atomic file replacement."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

__all__ = ["dumps_json", "write_atomic", "write_json"]


def dumps_json(data) -> str:
    """Serialise to canonical JSON: sorted keys, two-space indent, UTF-8, final newline.

    The same data always gives the same bytes, so metric files can be compared with
    ``cmp`` or hashed.
    """
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write a file so that readers see the old content or the new, never half of one.

    The data goes to a temporary file in the same folder, is flushed to disk, and
    replaces ``path`` with :func:`os.replace` (atomic on POSIX and Windows).

    Parameters
    ----------
    path : str or Path
        Destination; its folder is created if needed.
    data : str or bytes
        Content; text is encoded as UTF-8.

    Returns
    -------
    Path
        The destination.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def write_json(path: str | Path, data) -> Path:
    """Write ``data`` as canonical JSON (see :func:`dumps_json`), atomically."""
    return write_atomic(path, dumps_json(data))
