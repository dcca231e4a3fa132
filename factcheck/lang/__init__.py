"""Language knowledge as data: every word list and pattern the extractor uses, with examples.

Each table is a YAML file under `lang/<code>/` (English: `lang/en/`):

    about: what the table holds and who reads it
    entries:
      - <the entry's own fields: words, unit, factor, pattern...>
        why: the reason the entry exists
        match: [texts it must recognise]
        reject: [texts it must not recognise, each a near miss worth guarding]

Code reads a table with `table("units")` and builds its regular expressions from the entries, so no
word is typed twice. `tests/test_language.py` fails when an entry has no reason or no examples, and
runs every example through the code that uses the table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from factcheck import derived
from factcheck.errors import FactcheckError

HERE = Path(__file__).parent
DEFAULT = "en"
_META = frozenset({"why", "match", "reject"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of a table: its own fields, its reason and its examples."""

    fields: Mapping[str, Any]
    why: str
    match: tuple[str, ...]
    reject: tuple[str, ...]

    def __getitem__(self, key: str) -> Any:
        return self.fields[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    about: str
    entries: tuple[Entry, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def tables(lang: str = DEFAULT) -> list[str]:
    """The names of every table of a language (for the meta-test)."""
    folder = HERE / lang
    return sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.yaml"))


@cache
def table(name: str, lang: str = DEFAULT) -> Table:
    """The table `name` of language `lang`, read once per process."""
    path = HERE / lang / f"{name}.yaml"
    try:
        raw = path.read_bytes()
        # Parsed once per user and table content: tables are read on every run (derived.py).
        data = derived.cached(
            "table", derived.key("table", [raw], code=False), lambda: _parse(raw, path), _same, _same
        )
    except OSError as e:  # a broken install, not bad user input
        raise FactcheckError(f"cannot read language table: {e}", str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise FactcheckError("a language table needs 'about' and a list under 'entries'", str(path))
    entries = []
    for raw in data["entries"]:
        if not isinstance(raw, dict):
            raise FactcheckError("each entry must be a mapping", str(path))
        entries.append(
            Entry(
                fields={k: v for k, v in raw.items() if k not in _META},
                why=str(raw.get("why") or ""),
                match=tuple(str(x) for x in raw.get("match") or ()),
                reject=tuple(str(x) for x in raw.get("reject") or ()),
            )
        )
    return Table(name=name, about=str(data.get("about") or ""), entries=tuple(entries))


def _parse(raw: bytes, path: Path) -> Any:
    import yaml  # here: a check whose tables are all in the derived-data cache never imports PyYAML

    try:
        # libyaml when PyYAML has it.
        return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as e:  # a broken install, not bad user input
        raise FactcheckError(f"cannot read language table: {e}", str(path)) from None


def _same(data: Any) -> Any:
    """A table's parsed YAML is stored as it is (derived.cached keeps only what JSON gives back
    unchanged); its shape is checked by `table` whichever way it came."""
    return data


__all__ = ["Entry", "Table", "table", "tables"]
