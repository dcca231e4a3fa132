"""Project configuration: `[tool.factcheck]` in pyproject.toml, or `.factcheck.yaml` / `factcheck.yaml`.

The file is found by looking in the checked file's folder, then each parent, stopping after the
folder that holds `.git` (the top of the work tree) or at the filesystem root. In one folder,
`.factcheck.yaml` wins over `factcheck.yaml`, which wins over pyproject.toml; a pyproject.toml
without a `[tool.factcheck]` table is passed over. Precedence: flags > config file > defaults.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck import bounded
from factcheck.config import FAIL_ON, Config
from factcheck.discover import exists, is_dir
from factcheck.errors import FactcheckError
from factcheck.model import Verdict

CONFIG_NAMES = (".factcheck.yaml", "factcheck.yaml", "pyproject.toml")
KEYS = ("store", "fail-on", "tolerance", "include", "exclude", "report")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class FileConfig:
    """A config file's settings, validated; None or () where the file leaves a key out."""

    path: Path
    stores: tuple[str, ...] = ()
    fail_on: str | None = None
    tolerance: float | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    report: tuple[Verdict, ...] = ()


def start_dir(args: Sequence[str], cwd: Path | None = None) -> Path:
    """Where the search for a config file starts: the folder of the first FILE argument."""
    cwd = cwd or Path.cwd()
    for arg in args:
        if arg == "-":
            continue
        if _GLOB_CHARS.search(arg) and not exists(Path(arg)):
            # the part of a glob before its first wildcard
            arg = os.path.dirname(_GLOB_CHARS.split(arg, 1)[0]) or "."
        try:
            p = (cwd / arg).resolve()
        except (RuntimeError, OSError):  # a symlink loop: the reader reports it
            p = Path(os.path.abspath(cwd / arg))
        return p if is_dir(p) else p.parent
    return cwd.resolve()


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`, not above the work tree's top."""
    d = start.resolve()
    while True:
        for name in CONFIG_NAMES:
            f = d / name
            if f.is_file() and (name != "pyproject.toml" or _has_tool_table(f)):
                return f
        if (d / ".git").exists() or d.parent == d:
            return None
        d = d.parent


def _outside_work_tree(start: Path, config: Path) -> bool:
    """Whether a config file found from `start` lies in a folder above it with no git work tree
    between: a file anyone with write access to a parent folder (a shared /tmp, a home folder)
    may have left, and one that can switch checking off."""
    d = start.resolve()
    top = config.parent.resolve()
    if d == top:
        return False
    while True:
        if (d / ".git").exists():
            return False
        if d == top or d.parent == d:
            return True
        d = d.parent


def _has_tool_table(path: Path) -> bool:
    try:
        text = bounded.read_text(path)
    except FactcheckError:
        return False
    # Any header naming the table counts, a broken one too (`[tool.factcheck` with no `]`): loading it then
    # fails loudly instead of the file being passed over and its settings silently ignored.
    return re.search(r"^\s*\[+\s*tool\s*\.\s*factcheck\b", text, re.M) is not None


def load(path: Path) -> FileConfig:
    """Read and validate one config file; any problem is a FactcheckError naming the file."""
    name = bounded.display_name(str(path))
    text = bounded.read_text(path, name, what="config file")  # a FIFO or device is refused, not read
    if path.name == "pyproject.toml":
        data, lines = _load_toml(text, name)
    else:
        data, lines = _load_yaml(text, name)
    return _validate(data, lines, path)


def _load_toml(text: str, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    import tomllib  # here: most runs read no TOML (a pyproject.toml without [tool.factcheck] is not parsed)

    from factcheck import safeyaml

    try:
        doc = safeyaml.load_toml(text, name)
    except tomllib.TOMLDecodeError as e:
        raise FactcheckError(f"not valid TOML: {e}", name) from None
    table = doc.get("tool", {}).get("factcheck", {})
    if not isinstance(table, dict):
        raise FactcheckError("[tool.factcheck] must be a table", name)
    return table, _toml_key_lines(text)


def _toml_key_lines(text: str) -> dict[str, int]:
    """Line of each key in the [tool.factcheck] table, for messages (tomllib keeps no positions)."""
    lines: dict[str, int] = {}
    inside = False
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            inside = re.match(r"\[\s*tool\s*\.\s*factcheck\s*\]", s) is not None
            continue
        m = re.match(r"[\"']?([A-Za-z0-9_-]+)[\"']?\s*=", s) if inside else None
        if m:
            lines.setdefault(m.group(1), i)
    return lines


def _load_yaml(text: str, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    import yaml  # here, as safeyaml: most runs read no YAML config

    from factcheck import safeyaml

    try:
        data = safeyaml.load(text, name)  # first: it refuses what would make compose costly
        node = yaml.compose(text, Loader=safeyaml.FAST_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise FactcheckError(f"not valid YAML: {getattr(e, 'problem', None) or e}", name, line) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise FactcheckError("config must be a mapping of keys to values", name, 1)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return data, lines


def _validate(data: dict[str, Any], lines: dict[str, int], path: Path) -> FileConfig:
    name = str(path)

    def fail(key: str, message: str) -> FactcheckError:
        return FactcheckError(message, name, lines.get(key))

    for key in data:
        if key not in KEYS:
            import difflib  # here: only a mistyped key needs it

            close = difflib.get_close_matches(str(key).replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise fail(str(key), f"unknown config key '{key}'{hint}")
    out = FileConfig(path=path)
    base = path.parent
    if "store" in data:
        stores = _strings(data["store"], "store", fail)
        if any("\0" in s for s in stores):  # no file name holds one; os.path would raise ValueError
            raise fail("store", "store must name a folder, not a string with a NUL byte")
        out = replace(out, stores=tuple(s if os.path.isabs(s) else _absolute(base / s) for s in stores))
    if "fail-on" in data:
        v = data["fail-on"]
        if v is False:  # YAML reads a bare `never`-like "no"/"off" as false
            v = "never"
        if v not in FAIL_ON:
            raise fail("fail-on", f"fail-on must be one of {', '.join(FAIL_ON)}, not {v!r}")
        out = replace(out, fail_on=v)
    if "tolerance" in data:
        v = data["tolerance"]
        if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
            raise fail("tolerance", f"tolerance must be a number from 0 to 1 (0.1 is 10%), not {v!r}")
        out = replace(out, tolerance=float(v))
    # a pattern with a slash is relative to the config file's folder
    if "include" in data:
        out = replace(
            out, include=tuple(_anchor(p, base) for p in _strings(data["include"], "include", fail))
        )
    if "exclude" in data:
        out = replace(
            out, exclude=tuple(_anchor(p, base) for p in _strings(data["exclude"], "exclude", fail))
        )
    if "report" in data:
        names = _strings(data["report"], "report", fail)
        known = {v.value: v for v in Verdict}
        bad = [n for n in names if n not in known]
        if bad or not names:
            raise fail("report", f"report must list verdicts from {', '.join(known)}, not {bad or names!r}")
        out = replace(out, report=tuple(known[n] for n in dict.fromkeys(names)))
    return out


def _strings(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(key, f"{key} must be a string or a list of strings, not {value!r}")
    return tuple(value)


def _absolute(p: Path) -> str:
    """`p` resolved; a name the system cannot look up (too long, a symlink loop) is kept as it is,
    for the store check to name it in one line."""
    try:
        return str(p.resolve())
    except (RuntimeError, OSError):
        return os.path.abspath(p)


def _anchor(pattern: str, base: Path) -> str:
    p = pattern.rstrip("/")
    if "/" not in p or os.path.isabs(p):
        return pattern
    return glob.escape(str(base.resolve())) + "/" + pattern.removeprefix("./").lstrip("/")


def resolve(
    files: Sequence[str],
    *,
    stores: Sequence[str] = (),
    fail_on: str | None = None,
    tolerance: float | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    report: Sequence[Verdict] = (),
    config_file: Path | None = None,
    cwd: Path | None = None,
    note: Callable[[str], None] | None = None,
) -> Config:
    """The Config for a run: flags (None or empty meaning "not given") over the config file over defaults.
    `note` is told of a config file found above the checked folder outside any git work tree."""
    path = config_file
    if path is None:
        start = start_dir(files, cwd)
        path = find_config(start)
        if path is not None and note is not None and _outside_work_tree(start, path):
            note(
                f"factcheck: using config file {bounded.display_name(str(path))} (found above "
                f"{bounded.display_name(str(start))}, outside any git work tree)"
            )
    fc = load(path) if path else FileConfig(path=Path())
    base = Config()
    return replace(
        base,
        stores=tuple(stores) or fc.stores or base.stores,
        fail_on=fail_on or fc.fail_on or base.fail_on,
        tolerance=tolerance
        if tolerance is not None
        else fc.tolerance
        if fc.tolerance is not None
        else base.tolerance,
        include=tuple(include) or fc.include or base.include,
        exclude=tuple(exclude) or fc.exclude or base.exclude,
        report=tuple(report) or fc.report or base.report,
    )
