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

import array
import base64
import contextlib
import functools
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

T = TypeVar("T")
P = ParamSpec("P")

FORMAT = "1"  # bump when the layout of an entry changes
PACKAGE = Path(__file__).resolve().parent


def cache_home() -> Path:
    """factcheck's folder in the user's cache (`$XDG_CACHE_HOME`, else `~/.cache`)."""
    return Path(_cache_home())


def _cache_home() -> str:
    # Strings, not Paths: asked for on every entry read, where pathlib's parsing showed in profiles.
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "factcheck")


@cache
def code_fingerprint() -> str:
    """A hash of factcheck's modules and of its language tables and bundled gazetteer: what turns
    input files into derived data. Once a process; the files (about 70) are read only when their
    names, sizes, times or inodes differ from those the hash was last kept under (a change time
    moves with every write, whatever the modification time says): the hash is itself an entry."""
    files = _code_files()
    digest = hashlib.sha256(_listing(files).encode("utf-8", "surrogatepass")).hexdigest()

    def keep(found: str) -> str | None:  # not if a file changed while it was read: its old stat
        return found if _listing(_code_files()) == _listing(files) else None

    return cached("code", digest, lambda: _hash_code(files), keep, _a_digest)


def _code_files() -> list[tuple[str, os.stat_result | None]]:
    """The code files, as paths relative to the package (in POSIX form, sorted), with their stat
    (None when unreadable). Strings and scandir: this is asked on every run."""
    found: list[tuple[str, os.stat_result | None]] = []
    root = str(PACKAGE)
    pending = [""]
    while pending:
        rel = pending.pop()
        try:
            with os.scandir(os.path.join(root, rel)) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            name = f"{rel}/{e.name}" if rel else e.name
            if e.is_dir(follow_symlinks=False):  # as os.walk: a linked folder is not entered
                # The bundled store's claims are data checked against, not code that derives anything.
                if e.name not in ("__pycache__", "claims"):
                    pending.append(name)
            elif e.name.endswith((".py", ".yaml")):
                try:
                    found.append((name, e.stat()))
                except OSError:
                    found.append((name, None))
    return sorted(found)


def _listing(files: list[tuple[str, os.stat_result | None]]) -> str:
    return "".join(
        f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}\n" if st else f"{name}\0\n"
        for name, st in files
    )


def _hash_code(files: list[tuple[str, os.stat_result | None]]) -> str:
    h = hashlib.sha256()
    for name, _ in files:
        try:
            with open(os.path.join(PACKAGE, name), "rb") as f:
                data = f.read()
        except OSError:
            data = b"\0unreadable"
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _a_digest(found: Any) -> str:
    if not isinstance(found, str) or len(found) != 64:
        raise ValueError("not a SHA-256 digest")
    return found


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


def entry_path(kind: str, digest: str) -> str:
    return os.path.join(_cache_home(), "derived", f"{kind}-{digest[:40]}.json")


def cached(
    kind: str,
    digest: str,
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[Any], T],
) -> T:
    """The data of `kind` under the key `digest`: read from the cache when an entry is there and
    sound, else built by `build()` and stored. `encode` gives what is stored (JSON values; None
    to store nothing); `decode` turns it back, raising ValueError, TypeError or KeyError on a shape
    it does not expect (an entry written by something else). `build` raising stores nothing."""
    path = entry_path(kind, digest)
    found = _read(path)
    if found is not None:
        try:
            return decode(found)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # a sound file of the wrong shape: derived again and overwritten below
    value = build()
    stored = encode(value)
    if stored is not None:  # None: nothing worth keeping
        _write(path, stored)
    return value


def _read(path: str) -> Any:
    """The body of an entry whose hash checks out; None for a missing, unreadable or damaged one."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return None
    head, _, body = raw.partition(b"\n")
    if head != hashlib.sha256(body).hexdigest().encode():
        return None
    try:
        return json.loads(body)
    except ValueError:  # UnicodeDecodeError included
        return None


def _write(path: str, value: Any) -> None:
    from factcheck.safewrite import atomic_write

    try:
        body = json.dumps(value, separators=(",", ":"))  # ASCII: a lone surrogate is escaped
    except (TypeError, ValueError):  # not JSON data: nothing to keep
        return
    if json.loads(body) != value:  # tuples, non-string keys: JSON would not give the same data back
        return
    with contextlib.suppress(OSError):  # a read-only or full cache folder: derived again next time
        atomic_write(Path(path), hashlib.sha256(body.encode()).hexdigest() + "\n" + body)


# --- regular expressions -------------------------------------------------------------------------

_WORD = "I"  # SRE code words are unsigned 32-bit numbers (_sre.CODESIZE 4)
# Patterns kept per Python build: past this, the bundle (holding patterns of older versions of the
# tables and code too) starts afresh.
BUNDLE_LIMIT = 2000


class _Bundle:
    """The compiled patterns of one Python build, read from one cache entry on first use: a file
    per pattern cost more to open than the shorter patterns take to compile."""

    def __init__(self, path: str) -> None:
        self.path = path
        found = _read(path)
        self.parts: dict[str, Any] = found if isinstance(found, dict) and len(found) < BUNDLE_LIMIT else {}
        self.added = False

    def save(self) -> None:
        if self.added:
            self.added = False
            _write(self.path, self.parts)


_bundles: dict[str, _Bundle] = {}
_batches = 0  # open `patterns()` blocks: the bundle is written when the outermost one ends


def _bundle() -> _Bundle:
    import _sre

    build = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode()).hexdigest()
    path = os.path.join(_cache_home(), "derived", f"regex-{build[:40]}.json")
    if path not in _bundles:
        _bundles[path] = _Bundle(path)
    return _bundles[path]


@contextlib.contextmanager
def patterns() -> Iterator[None]:
    """Compile many patterns with `regex` inside the block: the cache is written once, at its end,
    rather than after each new pattern."""
    global _batches
    _batches += 1
    try:
        yield
    finally:
        _batches -= 1
        if not _batches:
            for b in _bundles.values():
                b.save()


def compiling(fn: Callable[P, T]) -> Callable[P, T]:
    """`fn` run inside `patterns()`: for a function that builds many patterns with `regex`."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with patterns():
            return fn(*args, **kwargs)

    return run


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, for the patterns built from the language tables and the other
    patterns every check compiles: CPython's `re` compiles in pure Python, which cost a one-page
    check tens of milliseconds. The SRE code `re` compiles a pattern to is kept in the cache (one
    entry for every pattern of one Python build, keyed by pattern and flags) and handed back to
    `_sre.compile` as `re` itself does. A pattern is kept only when the one assembled from the kept
    code equals the one `re.compile` gives (a Python whose internals differ keeps nothing), and
    `_sre.compile` validates the code it is given: a bad entry is compiled afresh."""
    flags = int(flags)
    try:
        import _sre

        if array.array(_WORD).itemsize != _sre.CODESIZE:
            return re.compile(pattern, flags)
        bundle = _bundle()
    except Exception:  # the internals of another Python: compiled the ordinary way
        return re.compile(pattern, flags)
    name = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    kept = bundle.parts.get(name)
    if kept is not None:
        try:
            return _assemble(pattern, kept)
        except (ValueError, TypeError, KeyError, AttributeError):
            pass  # damaged: compiled and kept afresh below
    compiled, parts = _compile(pattern, flags)
    if parts is not None:
        bundle.parts[name] = parts
        bundle.added = True
        if not _batches:
            bundle.save()
    return compiled


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], dict[str, Any] | None]:
    compiled = re.compile(pattern, flags)
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        p = _parser.parse(pattern, flags)
        indexgroup: list[str | None] = [None] * p.state.groups
        for name, i in p.state.groupdict.items():
            indexgroup[i] = name
        parts = {
            "flags": flags | p.state.flags,
            # The SRE code as its machine words, in base64: a list of thousands of numbers in JSON
            # took longer to read back than some patterns take to compile.
            "code": base64.b64encode(array.array(_WORD, _compiler._code(p, flags)).tobytes()).decode(),
            "groups": p.state.groups - 1,
            "groupindex": dict(p.state.groupdict),
            "indexgroup": indexgroup,
        }
        if _assemble(pattern, parts) == compiled:
            return compiled, parts
    except Exception:
        pass
    return compiled, None


def _assemble(pattern: str, parts: dict[str, Any]) -> re.Pattern[str]:
    import _sre

    try:
        return _sre.compile(  # type: ignore[no-any-return]
            pattern,
            int(parts["flags"]),
            array.array(_WORD, base64.b64decode(parts["code"], validate=True)).tolist(),
            int(parts["groups"]),
            {str(k): int(v) for k, v in parts["groupindex"].items()},
            tuple(None if g is None else str(g) for g in parts["indexgroup"]),
        )
    except RuntimeError as e:  # "invalid SRE code": `regex` compiles it afresh
        raise ValueError(str(e)) from None


__all__ = ["cache_home", "cached", "code_fingerprint", "compiling", "key", "patterns", "regex"]
