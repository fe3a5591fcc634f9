"""Writing results: canonical JSON, atomic and checked file replacement, output locks."""

from __future__ import annotations

import json
import os
import socket
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..errors import MediakitError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: runs are not locked
    fcntl = None

__all__ = ["OutputBusyError", "dumps_json", "output_lock", "write_atomic", "write_json"]


def dumps_json(data) -> str:
    """Serialise to canonical JSON: sorted keys, two-space indent, UTF-8, final newline.

    The same data always gives the same bytes, so metric files can be compared with
    ``cmp`` or hashed.
    """
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_atomic(path: str | Path, data: str | bytes, *,
                 check: Callable[[Path], None] | None = None) -> Path:
    """Write a file so that readers see the old content or the new, never half of one.

    The data goes to a temporary file in the same folder (its name holds this
    process's id, so two processes never share one), is flushed to disk, its size is
    checked, ``check`` (if given) reads it back, and only then does it replace
    ``path`` with :func:`os.replace` (atomic on POSIX and Windows).

    Parameters
    ----------
    path : str or Path
        Destination; its folder is created if needed.
    data : str or bytes
        Content; text is encoded as UTF-8.
    check : callable, optional
        Called with the temporary file's path before it is put in place; raises if
        the file is not what was meant (e.g. a Parquet file whose row count is not
        the table's). The destination is then left as it was.

    Returns
    -------
    Path
        The destination.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                               dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            size = os.fstat(handle.fileno()).st_size
        if size != len(payload):
            raise OSError(f"{tmp}: {size} bytes on disk, {len(payload)} written")
        if check is not None:
            check(Path(tmp))
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


# -------------------------------------------------------------------------- locks


class OutputBusyError(MediakitError):
    """Another run holds the lock on this output.

    Attributes
    ----------
    holder : dict
        What the lock file says of the process holding it (``pid``, ``host``,
        ``started``); empty if it had not written that yet.
    """

    def __init__(self, path, problem: str, row=None, holder: dict | None = None):
        super().__init__(path, problem, row)
        self.holder = dict(holder or {})


def _holder_text(holder: dict) -> str:
    if not holder.get("pid"):
        return "a process that has not yet said who it is"
    where = f" on {holder['host']}" if holder.get("host") else ""
    since = f", since {holder['started']}" if holder.get("started") else ""
    return f"pid {holder['pid']}{where}{since}"


def _read_holder(fd: int) -> dict:
    try:
        raw = os.pread(fd, 4096, 0)
        holder = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (OSError, ValueError):
        return {}
    return holder if isinstance(holder, dict) else {}


@contextmanager
def output_lock(target: str | Path, lock_path: str | Path | None = None) -> Iterator[Path]:
    """Hold an exclusive lock on an output for as long as the ``with`` block runs.

    The lock is an ``flock`` on a lock file (default ``<target>.lock`` beside the
    target). The kernel releases it when the holder exits, however it exits (also on
    ``SIGKILL``), so a lock left by a killed run is simply taken by the next one,
    which writes its own process id, host and start time into the file. Worker
    processes forked by the holder share the lock until they exit too. The file is
    removed when the block ends.

    Parameters
    ----------
    target : str or Path
        The output (file or folder) the lock guards; named in the error.
    lock_path : str or Path, optional
        The lock file; its folder is created if needed.

    Yields
    ------
    Path
        The lock file.

    Raises
    ------
    OutputBusyError
        At once, if another process holds the lock: the message names the output and
        that process.
    """
    target = Path(target)
    lock = Path(lock_path) if lock_path else target.with_name(target.name + ".lock")
    if fcntl is None:  # pragma: no cover - no flock on this platform
        yield lock
        return
    lock.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise OutputBusyError(target, "another mediakit run is writing this output "
                                  f"({_holder_text(holder)}); wait for it to finish or stop "
                                  "it", holder=holder) from None
        except BaseException:
            os.close(fd)
            raise
        # The last holder removes the file when it is done; if that happened between
        # our open and our lock, the lock is on a file no one else can find: again.
        try:
            same = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        holder = {"pid": os.getpid(), "host": socket.gethostname(),
                  "started": datetime.now().astimezone().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(holder) + "\n").encode("utf-8"), 0)
        yield lock
    finally:
        try:
            os.unlink(lock)  # still holding it, so no one is between open and lock on it
        except FileNotFoundError:
            pass
        os.close(fd)
