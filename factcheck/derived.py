"""Data derived from YAML, kept in the user's cache folder so that a check does not derive it again.

Every check needs the language tables and the gazetteer (the bundled one, a store's names.yaml and
any gazetteer of its own) as Python data. Parsing that YAML under safeyaml's checks and building the
dictionary of names cost a one-page check more than its verdicts did, so the result is kept as JSON
under a key that is a SHA-256 of everything it was derived from: the bytes of the input files and,
when the code that derives it could change the result, of factcheck's own code and language data
(`code_fingerprint`). Paths and modification times are not in the key: two copies of one file share
an entry, and an edited file never meets an entry derived from its old bytes.

An entry is never trusted: it carries a hash of its body, checked before the body is parsed, and the
parsed body must have the shape its reader expects; an entry that fails either is ignored and
derived afresh. A cache folder that cannot be read or written means no caching, never an error.
JSON rather than pickle: loading it runs no code, whoever wrote the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = "1"  # bump when the layout of an entry changes
PACKAGE = Path(__file__).resolve().parent


def cache_home() -> Path:
    """factcheck's folder in the user's cache (`$XDG_CACHE_HOME`, else `~/.cache`)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


@cache
def code_fingerprint() -> str:
    """A hash of factcheck's modules and of its language tables and bundled gazetteer: what turns
    input files into derived data. Read once a process (about 70 small files)."""
    h = hashlib.sha256()
    for path in sorted(_code_files(PACKAGE)):
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        h.update(f"{path.relative_to(PACKAGE).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _code_files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        # The bundled store's claims are data checked against, not code that derives anything.
        dirs[:] = [d for d in dirs if d not in ("__pycache__", "claims")]
        for name in files:
            if name.endswith((".py", ".yaml")):
                yield Path(folder) / name


def key(kind: str, inputs: Iterable[bytes], *, code: bool) -> str:
    """The cache key of data of `kind` derived from `inputs` (file contents), with the code's
    fingerprint when `code`."""
    h = hashlib.sha256(f"{FORMAT}\0{kind}\0".encode())
    if code:
        h.update(code_fingerprint().encode())
    for data in inputs:
        h.update(f"\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def entry_path(kind: str, digest: str) -> Path:
    return cache_home() / "derived" / f"{kind}-{digest[:40]}.json"


def cached(
    kind: str,
    digest: str,
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """The data of `kind` under the key `digest`: read from the cache when an entry is there and
    sound, else built by `build()` and stored. `encode` gives what is stored (JSON values);
    `decode` turns it back, raising ValueError, TypeError or KeyError on a shape it does not expect
    (an entry written by something else). `build` raising stores nothing."""
    path = entry_path(kind, digest)
    found = _read(path)
    if found is not None:
        try:
            return decode(found)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # a sound file of the wrong shape: derived again and overwritten below
    value = build()
    _write(path, encode(value))
    return value


def _read(path: Path) -> Any:
    """The body of an entry whose hash checks out; None for a missing, unreadable or damaged one."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, _, body = raw.partition(b"\n")
    if head != hashlib.sha256(body).hexdigest().encode():
        return None
    try:
        return json.loads(body)
    except ValueError:  # UnicodeDecodeError included
        return None


def _write(path: Path, value: Any) -> None:
    from factcheck.safewrite import atomic_write

    try:
        body = json.dumps(value, separators=(",", ":"))  # ASCII: a lone surrogate is escaped
    except (TypeError, ValueError):  # not JSON data: nothing to keep
        return
    if json.loads(body) != value:  # tuples, non-string keys: JSON would not give the same data back
        return
    with contextlib.suppress(OSError):  # a read-only or full cache folder: derived again next time
        atomic_write(path, hashlib.sha256(body.encode()).hexdigest() + "\n" + body)


__all__ = ["cache_home", "cached", "code_fingerprint", "key"]
