"""A lock per store, so that a `build`, an index rebuild and the checks that read the index never see
each other's half-written work.

The lock is an advisory `flock` on `.factcheck.lock` inside the store folder (or, when that folder
cannot hold one, on a file in the user's cache named after the store): `build` and index rebuilds
hold it exclusively, readers hold it shared while they decide whether the index is fresh and open
it. An open SQLite connection keeps reading the file it opened even when a rebuild renames a new one
into place, so readers release the lock as soon as the index is open. The kernel drops a lock when
its process dies, so a killed build never leaves the store locked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from factcheck.errors import FactcheckError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; stores are then as unguarded as before
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".factcheck.lock"
WAIT = 600.0  # seconds to wait for another factcheck before giving up with a message


PACKAGE = Path(__file__).resolve().parent


def packaged(folder: Path) -> bool:
    """Whether a store lies inside the installed package (the bundled store): nothing is ever written
    there, so an uninstall leaves nothing behind and a read-only site-packages works."""
    try:
        return folder.resolve().is_relative_to(PACKAGE)
    except OSError:
        return False


def _open(folder: Path, fallback: Path) -> int | None:
    """A file descriptor to lock: the store's lock file, else the fallback in the cache; None when
    neither can be had (then this process cannot write an index either, so it has nothing to guard)."""
    for path in (fallback,) if packaged(folder) else (folder / LOCK_NAME, fallback):
        for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):  # flock works on a read-only descriptor too
            try:
                if flags & os.O_CREAT:
                    path.parent.mkdir(parents=True, exist_ok=True)
                extra = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
                return os.open(path, flags | extra, 0o666)
            except OSError:
                continue
    return None


@contextlib.contextmanager
def locked(folder: Path, fallback: Path, *, exclusive: bool, wait: float | None = None) -> Iterator[None]:
    """Hold the store's lock (exclusive for writers, shared for readers) for the `with` block,
    waiting up to `wait` seconds for others to release it."""
    with _held(folder, fallback, exclusive, WAIT if wait is None else wait) as got:
        if not got:
            raise FactcheckError(
                "the store is locked by another factcheck (a build or an index rebuild); "
                "try again when it has finished",
                str(folder),
            )
        yield


def try_exclusive(folder: Path, fallback: Path) -> contextlib.AbstractContextManager[bool]:
    """The exclusive lock if it is free now (True inside the block), else no lock (False)."""
    return _held(folder, fallback, True, 0.0)


@contextlib.contextmanager
def _held(folder: Path, fallback: Path, exclusive: bool, wait: float) -> Iterator[bool]:
    fd = _open(folder, fallback) if fcntl is not None else None
    if fd is None:
        yield True
        return
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + wait
        pause = 0.005
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                got = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    got = False
                    break
                time.sleep(pause)
                pause = min(pause * 2, 0.2)
        yield got
    finally:
        os.close(fd)  # closing the descriptor releases the lock


__all__ = ["LOCK_NAME", "locked", "try_exclusive"]
