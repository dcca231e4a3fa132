"""Reading a file the user named, without hanging or exhausting memory.

A FIFO named as a draft (or config, baseline, store file) blocks `open()` until a writer comes,
and forever if none does; `/dev/zero` or `/dev/urandom` never end. So a named file must be a
regular file, checked on the open descriptor (no window between a check and the open), and the
open itself does not block (O_NONBLOCK). Every read is in chunks that stop at the limit, since a
regular file may grow while it is read; standard input, which may be anything, is read the same way.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import FactcheckError

MAX_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 20


def display_name(name: str) -> str:
    """A file name fit for any output: bytes that are not UTF-8 (kept by Python as lone
    surrogates, which no encoder accepts) shown as U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def read_bytes(
    path: Path | str, display: str | None = None, *, limit: int | None = MAX_BYTES, what: str = "file"
) -> bytes:
    """The bytes of a regular file, refused past `limit` bytes (None: no limit)."""
    name = display_name(display if display is not None else str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        st = os.stat(path)  # before opening: opening some devices has effects of its own
        if stat.S_ISDIR(st.st_mode):
            raise FactcheckError(f"is a directory, expected a {what}", name)
        if not stat.S_ISREG(st.st_mode):
            raise FactcheckError(
                f"not a regular file ({_kind(st.st_mode)}); name a {what} on disk "
                "(use '-' for standard input)",
                name,
            )
        if limit is not None and st.st_size > limit:
            raise FactcheckError(f"file is {st.st_size} bytes, over the {limit}-byte limit", name)
        fd = os.open(path, flags)
    except OSError as e:
        raise _os_error(e, name, what) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # replaced between the stat and the open
            raise FactcheckError(f"not a regular file ({_kind(st.st_mode)})", name)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return read_stream(f, name, limit=limit)
    except OSError as e:
        raise _os_error(e, name, what) from None
    finally:
        os.close(fd)


def read_text(
    path: Path | str, display: str | None = None, *, limit: int | None = MAX_BYTES, what: str = "file"
) -> str:
    """A regular file as UTF-8 text (a byte-order mark dropped); bad bytes are an error with the line."""
    raw = read_bytes(path, display, limit=limit, what=what)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise FactcheckError(
            f"not valid UTF-8 (byte {e.start}); re-save the file as UTF-8",
            display_name(display if display is not None else str(path)),
            line,
        ) from None


def read_stream(stream: BinaryIO, name: str, *, limit: int | None = MAX_BYTES) -> bytes:
    """Everything a stream holds, in chunks, refused as soon as it passes `limit` bytes."""
    parts: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(_CHUNK if limit is None else min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
        if limit is not None and total > limit:
            raise FactcheckError(f"more than the {limit}-byte limit", name)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _os_error(e: OSError, name: str, what: str) -> FactcheckError:
    if e.errno == errno.ENOENT:
        return FactcheckError("no such file", name)
    if e.errno in (errno.EACCES, errno.EPERM):
        return FactcheckError("permission denied", name)
    if e.errno == errno.EISDIR:
        return FactcheckError(f"is a directory, expected a {what}", name)
    if e.errno == errno.ELOOP:
        return FactcheckError("too many levels of symbolic links (a symlink loop?)", name)
    return FactcheckError(f"cannot read: {e.strerror or e}", name)
