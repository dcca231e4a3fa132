"""Writing files so that nothing is lost: reports, baselines and store files.

A regular file is written under a temporary name beside it and renamed into place, so a run that
dies leaves the old file whole; the temporary file is removed on every exit path (SIGTERM included,
see `exit_on_sigterm`), and what a SIGKILL leaves is cleared by the next run that writes there. A
symbolic link is followed and its target replaced, the link kept. A character device (`/dev/null`,
a terminal) or a FIFO is written through, never renamed over; a name for one of the process's own
descriptors (`/dev/stdout`) is written to that descriptor. And a report or baseline may not be
written over one of the run's inputs.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import signal
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from types import FrameType

from factcheck.errors import FactcheckError


def atomic_write(path: Path, data: str, *, tidy: bool = True) -> None:
    """Write `data` (UTF-8, '\\n' line ends) to `path` as the module docstring describes. `tidy=False`
    skips looking for stale temporary files, for a caller that clears a whole folder of them once."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    fd = _own_fd(path)
    if fd is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        _write_all(fd, data.encode("utf-8"))
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(path, data.encode("utf-8"))
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    target.parent.mkdir(parents=True, exist_ok=True)
    if tidy:
        _clear_stale(target)
    import tempfile  # here: a check that writes nothing does not import it

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if st is not None:
            mode = stat.S_IMODE(st.st_mode)  # a replaced file keeps its permissions
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes the file private; a report or store is for sharing
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


STALE = 600.0  # seconds: a temporary file this old beside its target was left by a killed run


def _clear_stale(target: Path) -> None:
    """Remove the temporary files that killed runs (SIGKILL, power cut) left for this target. Writing
    a report or a store file takes far less than STALE, so no live run's file is touched."""
    now = time.time()
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.lstat().st_mtime > STALE:
                tmp.unlink()


def _own_fd(path: Path) -> int | None:
    """The descriptor of this process that `path` names, following its links (/dev/stdout ->
    /proc/self/fd/1): a rename would not reach it, and opening it anew would write at offset 0
    over what the descriptor already wrote."""
    own = re.compile(rf"/(?:proc/self|proc/{os.getpid()}|dev)/fd/(\d+)\Z")
    p = os.path.abspath(path)
    for _ in range(40):
        m = own.match(p)
        if m:
            return int(m.group(1))
        try:
            link = os.readlink(p)
        except OSError:
            return None
        p = os.path.normpath(os.path.join(os.path.dirname(p), link))
    return None


def _write_through(path: Path, data: bytes) -> None:
    """Write into a device or FIFO as it is. A FIFO nobody reads is an error, not a hang."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        if e.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "no process is reading from this FIFO", str(path)) from None
        raise
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def refuse_inputs(path: str, inputs: Iterable[str], what: str) -> None:
    """A one-line error when `path` is the same file (device and inode) as one of `inputs`: a report
    or baseline written there would destroy what was being checked."""
    try:
        st = os.stat(path)
    except OSError:
        return  # not there yet: it cannot be an input
    if not stat.S_ISREG(st.st_mode):
        return  # /dev/null and the like are no one's input to lose
    for name in inputs:
        if name == "-":
            continue
        try:
            other = os.stat(name)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            raise FactcheckError(
                f"is one of the inputs ({name}); refusing to write the {what} over it (choose another file)",
                path,
            )


def exit_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so `finally` and `except BaseException` blocks run and remove
    temporary files, as they do for Ctrl-C; the exit status stays 128 + 15."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    with contextlib.suppress(ValueError):  # not the main thread (embedded use): keep the default
        signal.signal(signal.SIGTERM, stop)


__all__ = ["atomic_write", "exit_on_sigterm", "refuse_inputs"]
