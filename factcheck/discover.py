"""Turn FILE arguments (files, folders, globs, '-') into the sorted list of files to check.

Folders are walked for the `include` globs minus the `exclude` globs, skipping what .gitignore
ignores: inside a git work tree git itself lists the files (`git ls-files --cached --others
--exclude-standard`), elsewhere a small .gitignore reader does. `exclude` applies to every file,
named or found; `include` only to what a folder or glob turns up, so a file named outright is
checked whatever its suffix. Nothing left to check is an error, unless files were named and all
excluded (as when a hook or CI passes changed files the config excludes).

Glob semantics: a pattern without '/' matches a file's name or any folder on its path
(`*.md`, `drafts`); one with '/' matches the whole path, relative to the config file's folder
(patterns from a config file) or the current folder (from flags), and `**` spans folders.
"""

from __future__ import annotations

import functools
import glob
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from factcheck.config import Config
from factcheck.errors import FactcheckError

_GLOB_CHARS = re.compile(r"[*?\[]")
_SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


def expand(args: Sequence[str], config: Config | None = None, cwd: Path | None = None) -> list[str]:
    """The files to check, each once, sorted by path; '-' (standard input) first."""
    config = config or Config()
    cwd = (cwd or Path.cwd()).resolve()
    matcher = Matcher(config.include, config.exclude, cwd)
    found: dict[Path, str] = {}
    stdin = False
    named_excluded = False
    for arg in args:
        if arg == "-":
            stdin = True
            continue
        p = cwd / arg
        if is_dir(p):
            for display in walk(arg, cwd):
                _add(found, cwd / display, display, matcher, named=False)
        elif exists(p) or not _GLOB_CHARS.search(arg):
            # a missing file is left for the reader to report
            named_excluded |= not _add(found, p, arg, matcher, named=True)
        else:
            hits = sorted(glob.glob(arg, root_dir=cwd, recursive=True))
            if not hits:
                raise FactcheckError("no files match this pattern", arg)
            for hit in hits:
                if is_dir(cwd / hit):
                    for display in walk(hit, cwd):
                        _add(found, cwd / display, display, matcher, named=False)
                else:
                    _add(found, cwd / hit, hit, matcher, named=False)
    paths = sorted(found.values(), key=lambda s: Path(s).parts)
    if stdin:
        paths.insert(0, "-")
    if not paths and not named_excluded:  # files named outright but excluded: nothing to do, no error
        raise FactcheckError(
            f"no files to check (include: {', '.join(config.include) or 'none'}; "
            f"exclude: {', '.join(config.exclude) or 'none'})",
            ", ".join(args),
        )
    return paths


def is_dir(p: Path) -> bool:
    """Path.is_dir, false (not an error) for a name the system cannot look up: too long, say; the
    reader then reports the file in one line."""
    try:
        return p.is_dir()
    except OSError:
        return False


def exists(p: Path) -> bool:
    """Path.exists, false for a name the system cannot look up (see is_dir)."""
    try:
        return p.exists()
    except OSError:
        return False


def _add(found: dict[Path, str], path: Path, display: str, matcher: Matcher, *, named: bool) -> bool:
    key = Path(os.path.abspath(path))
    if key in found:
        return True
    if matcher.excluded(key) or not (named or matcher.included(key)):
        return False
    found[key] = display
    return True


def walk(folder: str, cwd: Path) -> Iterable[str]:
    """Files under `folder` (as paths joined onto `folder`) that .gitignore does not ignore."""
    root = (cwd / folder).resolve()
    listed = _git_files(root)
    if listed is None:
        listed = _plain_walk(root)
    for rel in listed:
        if (root / rel).is_file():
            yield os.path.normpath(os.path.join(folder, rel))


def _git_files(root: Path) -> list[str] | None:
    import subprocess  # here: most runs name their files and never ask git

    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return None
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    files = [f for f in out.stdout.decode("utf-8", "surrogateescape").split("\0") if f]
    return sorted(set(files))


def _plain_walk(root: Path) -> list[str]:
    out: list[str] = []
    rules: list[tuple[Path, list[_Rule]]] = []

    def ignored(path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, rs in rules:
            if base != path and base not in path.parents:
                continue
            rel = path.relative_to(base).as_posix()
            for r in rs:
                if r.matches(rel, is_dir):
                    verdict = not r.negate
        return verdict

    for dirpath, dirnames, filenames in os.walk(root):
        d = Path(dirpath)
        gi = d / ".gitignore"
        if gi.is_file():
            rules.append((d, parse_gitignore(gi.read_text(encoding="utf-8", errors="replace"))))
        dirnames[:] = sorted(n for n in dirnames if n not in _SKIP_DIRS and not ignored(d / n, True))
        out += [(d / n).relative_to(root).as_posix() for n in sorted(filenames) if not ignored(d / n, False)]
    return out


class _Rule:
    def __init__(self, pattern: str) -> None:
        self.negate = pattern.startswith("!")
        pattern = pattern[1:] if self.negate else pattern
        self.dir_only = pattern.endswith("/")
        pattern = pattern.rstrip("/")
        anchored = "/" in pattern
        pattern = pattern.lstrip("/")
        self.glob = compile_glob(pattern, prefix=() if anchored else (("dirs", ""),))

    def matches(self, rel: str, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        return self.glob.match(rel)


def parse_gitignore(text: str) -> list[_Rule]:
    """The rules of one .gitignore (comments, blank lines, `!` negation, trailing `/`, anchors, `**`)."""
    rules = []
    for line in text.splitlines():
        line = line.rstrip() if not line.endswith("\\ ") else line
        if not line or line.startswith("#"):
            continue
        if line.startswith(("\\#", "\\!")):
            line = line[1:]
        rules.append(_Rule(line))
    return rules


# A glob is a list of tokens: ("char", regex of one character), ("star", "") for `*` (within a
# folder), ("any", "") for `**` (across folders), ("dirs", "") for `**/` (nothing, or folders
# ending in '/'), ("tail", "") for what a folder pattern adds (nothing, or '/' and anything).
Token = tuple[str, str]
_TOKEN_RE = {"star": r"[^/]*", "any": r".*", "dirs": r"(?:.*/)?", "tail": r"(?:/.*)?"}


@functools.lru_cache(maxsize=256)
def tokens(pattern: str) -> tuple[Token, ...]:
    """A glob's tokens: `*` and `?` stay within a folder, `**` spans folders, `[...]` classes."""
    out: list[Token] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append(("dirs", ""))
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == n:
            out += [("char", "/"), ("any", "")]
            i += 3
        elif pattern.startswith("**", i):
            out.append(("any", ""))
            i += 2
        elif c == "*":
            out.append(("star", ""))
            i += 1
        elif c == "?":
            out.append(("char", r"[^/]"))
            i += 1
        elif c == "[":
            j = i + 1
            if j < n and pattern[j] in "!^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 1
            if j >= n:
                out.append(("char", re.escape(c)))
                i += 1
            else:
                inner = pattern[i + 1 : j]
                if inner[:1] in ("!", "^"):
                    inner = "^" + inner[1:]
                out.append(("char", "[" + inner.replace("\\", "\\\\") + "]"))
                i = j + 1
        elif c == "\\" and i + 1 < n:
            out.append(("char", re.escape(pattern[i + 1])))
            i += 2
        else:
            out.append(("char", re.escape(c)))
            i += 1
    return tuple(out)


def translate(pattern: str) -> str:
    """A glob as a regex body (see `tokens`)."""
    return "".join(_TOKEN_RE.get(kind, text) for kind, text in tokens(pattern))


class _Glob:
    """A glob matched by simulating its automaton: time in proportion to the name's length times
    the pattern's, where a backtracking regex takes time exponential in the number of `*`s
    (`*a*a*a*a*a*a*a*a*a*a*a*a*b` against a long name ran for minutes)."""

    def __init__(self, toks: tuple[Token, ...]) -> None:
        self.kinds = [k for k, _ in toks]
        # one character: itself when literal, else a compiled class
        self.chars: list[str | re.Pattern[str] | None] = []
        for kind, text in toks:
            if kind != "char":
                self.chars.append(None)
            else:
                lit = re.sub(r"\\(.)", r"\1", text, flags=re.S)
                self.chars.append(lit if len(lit) == 1 else re.compile(text, re.S))

    def _close(self, states: set[tuple[int, bool]]) -> set[tuple[int, bool]]:
        todo = list(states)
        while todo:
            i, inside = todo.pop()
            kind = self.kinds[i] if i < len(self.kinds) else ""
            # a star, `**`, `**/` not yet begun, or a tail (begun or not) may end here
            if kind in ("star", "any") or (kind == "dirs" and not inside) or kind == "tail":
                nxt = (i + 1, False)
                if nxt not in states:
                    states.add(nxt)
                    todo.append(nxt)
        return states

    def match(self, name: str) -> bool:
        m = len(self.kinds)
        states = self._close({(0, False)})
        for c in name:
            step: set[tuple[int, bool]] = set()
            for i, inside in states:
                if i == m:
                    continue
                kind = self.kinds[i]
                if kind == "char":
                    ch = self.chars[i]
                    if ch == c or (isinstance(ch, re.Pattern) and ch.fullmatch(c)):
                        step.add((i + 1, False))
                elif kind == "star":
                    if c != "/":
                        step.add((i, False))
                elif kind == "any":
                    step.add((i, False))
                elif kind == "dirs":
                    step.add((i, True))
                    if c == "/":
                        step.add((i + 1, False))
                elif kind == "tail" and (inside or c == "/"):
                    step.add((i, True))
            if not step:
                return False
            states = self._close(step)
        return (m, False) in states


class _Regex:
    def __init__(self, toks: tuple[Token, ...]) -> None:
        self.rx = re.compile("".join(_TOKEN_RE.get(k, t) for k, t in toks) + r"\Z", re.S)

    def match(self, name: str) -> bool:
        return self.rx.match(name) is not None


@functools.lru_cache(maxsize=256)
def compile_glob(
    pattern: str, prefix: tuple[Token, ...] = (), suffix: tuple[Token, ...] = ()
) -> _Glob | _Regex:
    """A matcher for the whole of a name. A regex (fast) when the pattern has at most two
    wildcards, which bounds its backtracking to the square of the name's length; else the automaton."""
    toks = prefix + tokens(pattern) + suffix
    if sum(kind != "char" for kind, _ in toks) <= 2:
        return _Regex(toks)
    return _Glob(toks)


class Matcher:
    """Include/exclude globs (see the module's doc for their semantics)."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str], cwd: Path) -> None:
        self.cwd = cwd
        self.include = [self._compile(p) for p in include]
        self.exclude = [self._compile(p) for p in exclude]

    def _compile(self, pattern: str) -> tuple[bool, _Glob | _Regex]:
        p = pattern.rstrip("/")
        if "/" in p:
            if not os.path.isabs(p):
                p = glob.escape(self.cwd.as_posix()) + "/" + p.removeprefix("./")
            # a folder pattern also covers everything inside it
            return True, compile_glob(p, suffix=(("tail", ""),))
        return False, compile_glob(p)

    def _hit(self, rules: list[tuple[bool, _Glob | _Regex]], path: Path, *, whole_name: bool) -> bool:
        posix = path.as_posix()
        # folder names are only those below the current folder (or the path's own, outside it)
        folders = [p for p in Path(os.path.relpath(path, self.cwd)).parts[:-1] if p not in ("..", ".")]
        for anchored, rx in rules:
            if anchored:
                if rx.match(posix):
                    return True
            elif rx.match(path.name) or (not whole_name and any(rx.match(part) for part in folders)):
                return True
        return False

    def excluded(self, path: Path) -> bool:
        return self._hit(self.exclude, path, whole_name=False)

    def included(self, path: Path) -> bool:
        return self._hit(self.include, path, whole_name=True)


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


def changed_lines(
    ref: str, paths: Sequence[str], cwd: Path | None = None
) -> dict[str, frozenset[int] | None]:
    """For `--diff REF`: each path's lines added or changed since the git ref (the working tree against
    REF, staged or not), or None for a file git does not track yet (all of it is new)."""
    import subprocess

    where = cwd or Path.cwd()

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, check=False)
        except OSError as e:
            raise FactcheckError(f"--diff needs git: {e.strerror or e}", ref) from None

    probe = git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if probe.returncode != 0:
        inside = git("rev-parse", "--is-inside-work-tree").stdout.strip() == "true"
        why = "no such commit, branch or tag" if inside else "not inside a git work tree"
        raise FactcheckError(f"--diff: {why}", ref)
    out: dict[str, frozenset[int] | None] = {}
    for path in paths:
        if git("ls-files", "--error-unmatch", "--", path).returncode != 0:
            out[path] = None
            continue
        diff = git("diff", "--no-color", "--no-ext-diff", "-U0", ref, "--", path).stdout
        lines: set[int] = set()
        for m in _HUNK.finditer(diff):
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines.update(range(start, start + count))
        out[path] = frozenset(lines)
    return out
