"""Bytes to text: byte-order marks, the UTF-8 / Windows-1252 / Latin-1 policy, and
reading files whole or a line at a time (streaming, for corpora of any size)."""

from __future__ import annotations

import codecs
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

from ..errors import ArticleError

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one):
#: (mark, codec that reads the text after it, name for messages).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


def _wide_bom(data: bytes) -> tuple[bytes, str, str] | None:
    """The UTF-16 or UTF-32 byte-order mark ``data`` starts with, if any.

    UTF-8 with a mark is left to the UTF-8 path (``utf-8-sig``), as before; text in
    UTF-16 and UTF-32 is full of NUL bytes, so it must be recognised before the NUL
    check that refuses binary files.
    """
    for mark, codec, label in _BOMS:
        if data.startswith(mark):
            return None if codec == "utf-8" else (mark, codec, label)
    return None


def _decode(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    wide = _wide_bom(data)
    if wide is not None:
        mark, codec, label = wide
        try:
            text = data[len(mark):].decode(codec)
        except UnicodeDecodeError as exc:
            raise ArticleError(path, f"starts with a {label} byte-order mark but is not "
                               f"valid {label} (byte {exc.start + len(mark)})") from None
        if "\x00" in text:
            raise ArticleError(path, "binary file (contains NUL characters), not an article")
        return text, ()
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            enc = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "Latin-1"
        message = (f"{path}: not valid UTF-8 (byte {exc.start}); decoded as {enc}, "
                   "check the characters")
        warnings.warn(message, UnicodeWarning, stacklevel=3)
        return text, (message,)



def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError(path, f"not a regular file ({_file_kind(st.st_mode)})")
        if max_bytes is not None and st.st_size > max_bytes:
            raise ArticleError(path, f"file is {st.st_size} bytes, larger than the limit of "
                               f"{max_bytes} bytes (raise max_bytes to accept it)")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror})") from None



def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines of a .jsonl file with their numbers (from 1), as bytes.

    A file in UTF-16 or UTF-32 (with a byte-order mark) is decoded as it is read and
    its lines are given re-encoded as UTF-8, so that every line decodes the same way.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror})") from None
    found = False
    with handle:
        wide = _wide_bom(handle.read(4))
        handle.seek(0)
        if wide is None:
            lines = enumerate(handle, start=1)
        else:
            mark, codec, label = wide
            handle.seek(len(mark))
            lines = _wide_lines(path, handle, codec, label)
        for number, raw in lines:
            if raw.strip():
                found = True
                yield number, raw
    if not found:
        raise ArticleError(path, "file is empty")


def _wide_lines(path: Path, handle, codec: str, label: str) -> Iterator[tuple[int, bytes]]:
    """Lines of a UTF-16 or UTF-32 file (``handle`` just past its mark) as UTF-8 bytes."""
    import io

    text = io.TextIOWrapper(handle, encoding=codec, newline="\n")
    try:
        for number, line in enumerate(text, start=1):
            yield number, line.encode("utf-8")
    except UnicodeDecodeError:
        # Decoded a block at a time, so the line at fault is not known.
        raise ArticleError(path, f"starts with a {label} byte-order mark but is not valid "
                           f"{label}") from None
    finally:
        text.close()  # and the file under it



def _stream_encoding(path: Path) -> tuple[str, tuple[str, ...]]:
    """Check a (possibly very large) file's encoding in one streaming pass.

    Same policy as :func:`_decode` (a UTF-16 or UTF-32 byte-order mark decides, else
    UTF-8, else Windows-1252, else Latin-1, with a warning naming the file), without
    holding the file in memory.
    """
    try:
        with path.open("rb") as handle:
            wide = _wide_bom(handle.read(4))
            if wide is not None:
                return _stream_wide(path, handle, *wide)
            handle.seek(0)
            ok, empty = _stream_narrow(path, handle)
    except OSError as exc:
        raise ArticleError(path, f"cannot read file ({exc.strerror})") from None
    if empty:
        raise ArticleError(path, "file is empty")
    if ok["utf-8-sig"]:
        return "utf-8-sig", ()
    enc, label = ("cp1252", "Windows-1252") if ok["cp1252"] else ("latin-1", "Latin-1")
    message = f"{path}: not valid UTF-8; decoded as {label}, check the characters"
    warnings.warn(message, UnicodeWarning, stacklevel=4)
    return enc, (message,)


def _stream_narrow(path: Path, handle) -> tuple[dict, bool]:
    """Which of UTF-8 and Windows-1252 decode the whole file, and whether it is blank."""
    utf8 = codecs.getincrementaldecoder("utf-8-sig")()
    cp1252 = codecs.getincrementaldecoder("cp1252")()
    ok = {"utf-8-sig": True, "cp1252": True}
    empty = True
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        if b"\x00" in chunk:
            raise ArticleError(path, "binary file (contains NUL bytes), not an article")
        empty = empty and not chunk.strip()
        for name, dec in (("utf-8-sig", utf8), ("cp1252", cp1252)):
            if ok[name]:
                try:
                    dec.decode(chunk)
                except UnicodeDecodeError:
                    ok[name] = False
    for name, dec in (("utf-8-sig", utf8), ("cp1252", cp1252)):
        if ok[name]:
            try:
                dec.decode(b"", final=True)
            except UnicodeDecodeError:
                ok[name] = False
    return ok, empty


def _stream_wide(path: Path, handle, mark: bytes, codec: str, label: str
                 ) -> tuple[str, tuple[str, ...]]:
    """Check a UTF-16 or UTF-32 file (``handle`` just past its mark) decodes; return the
    codec that reads it from the start, mark included."""
    decoder = codecs.getincrementaldecoder(codec)()
    empty = True
    offset = len(mark)
    try:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            text = decoder.decode(chunk)
            if "\x00" in text:
                raise ArticleError(path, "binary file (contains NUL characters), not an article")
            empty = empty and not text.strip()
            offset += len(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ArticleError(path, f"starts with a {label} byte-order mark but is not valid "
                           f"{label} (near byte {offset + exc.start})") from None
    if empty:
        raise ArticleError(path, "file is empty")
    return codec[:6], ()  # "utf-16" / "utf-32": these read the mark and drop it



_FILE_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISDIR, "a folder"))


def _file_kind(mode: int) -> str:
    return next((name for test, name in _FILE_KINDS if test(mode)), "not a file")

