"""One codec for the records a store holds (claims, works and the values inside them): to plain data
(dicts, lists, strings, numbers, None) for YAML and JSON, and back, checked against the type hints.

Generic by design: any frozen dataclass is written field by field (nested dataclasses, tuples,
enums and None included) and read back by its type hints, so a field added to or changed in
`Claim` needs no edit here. A small value object that has a written form of its own (`Pair`,
`Polarity`) says so with `to_plain()` and a `from_plain()` class method, which raises ValueError
on input it cannot read. The only per-type knowledge is `LAYOUTS`: the order of the keys in a
store file (so the files stay diff-friendly and byte-identical to earlier builds) and the fields a
store leaves out. A value of the wrong type is a `CodecError` naming the field and, when the input
came from YAML read with line numbers, the line.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from factcheck.model import Claim, DateValue, Quantity, Work

T = TypeVar("T")
LINE_KEY = "__line__"  # where store.py's YAML loader records a mapping's line


@dataclass(frozen=True)
class Layout:
    """How one record type is laid out in a store: `first` keys lead in this order, `last` trail, the
    rest follow field order between them; `omit` fields are not written (and read back as the value
    given here, or the one the reader passes); `skip_none` fields are left out when None; `missing`
    gives the value of a required field that a hand-written file leaves out."""

    first: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    omit: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    skip_none: frozenset[str] = frozenset()
    missing: Mapping[str, Any] = dataclasses.field(default_factory=dict)


# The layout of the stores written so far: offsets within a value are those of the source sentence,
# which the claim's own offsets already give, and a claim's work is the claims file's `source`.
LAYOUTS: dict[type, Layout] = {
    Claim: Layout(
        first=("id", "kind", "file", "line", "column", "end_line", "end_column", "start", "end", "quote"),
        last=("quantity", "date"),
        omit={"source": ""},
        skip_none=frozenset({"quantity", "date", "locator"}),
    ),
    Quantity: Layout(omit={"start": 0, "end": 0}),
    DateValue: Layout(omit={"start": 0, "end": 0}),
    Work: Layout(first=("id", "file", "lines"), missing={"file": ""}),
}


class CodecError(ValueError):
    """A value that does not fit its field: `field` is the dotted path, `line` the line of the
    innermost mapping when known."""

    def __init__(self, problem: str, field: str = "", line: int | None = None) -> None:
        super().__init__(f"{field}: {problem}" if field else problem)
        self.problem, self.field, self.line = problem, field, line

    def within(self, name: str, line: int | None) -> CodecError:
        return CodecError(
            self.problem,
            f"{name}.{self.field}" if self.field else name,
            self.line if self.line is not None else line,
        )


# --- encoding ------------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """Plain data for a record: dataclasses as dicts (keys in the layout's order), tuples as lists,
    enums as their values."""
    if type(value) in _SCALARS:  # most values: first, and fast
        return value
    if hasattr(value, "to_plain"):
        return value.to_plain()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        layout = LAYOUTS.get(type(value), Layout())
        out: dict[str, Any] = {}
        for name in _order(type(value)):
            v = getattr(value, name)
            if v is None and name in layout.skip_none:
                continue
            out[name] = encode(v)
        return out
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _order(cls: type) -> tuple[str, ...]:
    layout = LAYOUTS.get(cls, Layout())
    names = [f.name for f in dataclasses.fields(cls) if f.name not in layout.omit]
    middle = [n for n in names if n not in layout.first and n not in layout.last]
    return tuple(n for n in (*layout.first, *middle, *layout.last) if n in names)


# --- decoding ------------------------------------------------------------------------------------


def decode(cls: type[T], raw: Any, **given: Any) -> T:
    """The record of type `cls` that `raw` (plain data) describes; `given` supplies fields the store
    leaves out (a claim's work). Raises CodecError for a missing field or a value of the wrong type."""
    return typing.cast(T, _record(typing.cast(type, cls))(raw, given))


Decoder = Callable[[Any], Any]


@functools.cache
def _record(cls: type) -> Callable[[Any, Mapping[str, Any]], Any]:
    layout = LAYOUTS.get(cls, Layout())
    hints = typing.get_type_hints(cls)
    specs = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        elif f.name in layout.omit or f.name in layout.missing:
            default = layout.omit.get(f.name, layout.missing.get(f.name))
        elif _optional(hints[f.name]):
            default = None  # an optional field left out of a hand-written file is unknown
        else:
            default = dataclasses.MISSING
        specs.append((f.name, _decoder(hints[f.name]), default))

    def build(raw: Any, given: Mapping[str, Any]) -> Any:
        if not isinstance(raw, dict):
            raise CodecError(f"expected a mapping, got {_show(raw)}")
        line = raw.get(LINE_KEY)
        values = {}
        for name, dec, default in specs:
            if name in given:
                values[name] = given[name]
                continue
            v = raw.get(name)
            if v is None:
                if default is not dataclasses.MISSING:
                    values[name] = default
                    continue
                if name not in raw:
                    raise CodecError("missing", name, line)
            try:
                values[name] = dec(v)
            except CodecError as e:
                raise e.within(name, line) from None
        return cls(**values)

    return build


def _optional(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)


def _show(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function from plain data to a value of the type `hint`, raising CodecError otherwise."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _union(tuple(options))
        if type(None) not in args:
            return inner
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if args[0] is str:  # the common case (a claim's words), checked in one pass
                return lambda v: (
                    tuple(v) if type(v) is list and all(type(x) is str for x in v) else tuple(_items(v, item))
                )
            return lambda v: tuple(_items(v, item))
        return _fixed(tuple(_decoder(a) for a in args))
    if origin is dict:
        key, val = _decoder(args[0]), _decoder(args[1])
        return lambda v: {key(k): val(x) for k, x in _mapping(v).items()}
    if origin is typing.Literal:
        return lambda v: _literal(v, args)
    if isinstance(hint, type):
        if hasattr(hint, "from_plain"):
            return lambda v: _plain(hint, v)
        if dataclasses.is_dataclass(hint):
            record = _record(hint)
            return lambda v: record(v, {})
        if issubclass(hint, enum.Enum):
            return lambda v: _enum(hint, v)
        if hint is bool:
            return _bool
        if hint is int:
            return _int
        if hint is float:
            return _float
        if hint is str:
            return _str
    if hint is Any:
        return lambda v: v
    raise TypeError(f"the codec cannot read values of type {hint!r}")  # a model change to teach it


def _items(v: Any, item: Decoder) -> list[Any]:
    if not isinstance(v, list | tuple):
        raise CodecError(f"expected a list, got {_show(v)}")
    out = []
    for i, x in enumerate(v):
        try:
            out.append(item(x))
        except CodecError as e:
            raise e.within(f"[{i}]", None) from None
    return out


def _fixed(items: tuple[Decoder, ...]) -> Decoder:
    def read(v: Any) -> tuple[Any, ...]:
        if not isinstance(v, list | tuple) or len(v) != len(items):
            raise CodecError(f"expected a list of {len(items)}, got {_show(v)}")
        return tuple(d(x) for d, x in zip(items, v, strict=True))

    return read


def _union(options: tuple[Any, ...]) -> Decoder:
    decoders = [_decoder(o) for o in options]

    def read(v: Any) -> Any:
        for d in decoders:
            try:
                return d(v)
            except CodecError:
                continue
        raise CodecError(f"unexpected value {_show(v)}")

    return read


def _mapping(v: Any) -> dict[Any, Any]:
    if not isinstance(v, dict):
        raise CodecError(f"expected a mapping, got {_show(v)}")
    return {k: x for k, x in v.items() if k != LINE_KEY}


def _literal(v: Any, allowed: tuple[Any, ...]) -> Any:
    if v not in allowed:
        raise CodecError(f"expected one of {', '.join(map(repr, allowed))}, got {_show(v)}")
    return v


def _plain(cls: Any, v: Any) -> Any:
    try:
        return cls.from_plain(v)
    except ValueError as e:
        raise CodecError(str(e)) from None


def _enum(cls: type[enum.Enum], v: Any) -> enum.Enum:
    try:
        return cls(v)
    except ValueError:
        raise CodecError(f"expected one of {', '.join(repr(m.value) for m in cls)}, got {_show(v)}") from None


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise CodecError(f"expected true or false, got {_show(v)}")
    return v


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise CodecError(f"expected a whole number, got {_show(v)}")
    return v


def _float(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise CodecError(f"expected a number, got {_show(v)}")
    return float(v)


def _str(v: Any) -> str:
    """Text; a bare number or date in hand-written YAML (`date: 2020`) is the text it was written as."""
    if isinstance(v, str):
        return v
    if isinstance(v, int | float | datetime.date) and not isinstance(v, bool):
        return str(v)
    raise CodecError(f"expected text, got {_show(v)}")


__all__ = ["LAYOUTS", "CodecError", "Layout", "decode", "encode"]
