"""The one codec for claims and works (factcheck/codec.py): generic over frozen dataclasses, read back
by type hints, strict about types, and laid out as the stores have always been."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pytest
import yaml

from factcheck import codec, store
from factcheck.errors import FactcheckError
from factcheck.model import Claim, Work

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "factcheck" / "data" / "claims"


class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Inner:
    n: int
    colour: Colour


@dataclass(frozen=True)
class Outer:
    name: str
    inners: tuple[Inner, ...]
    pair: tuple[int, int] | None
    maybe: Inner | None = None
    scale: float = 1.0
    flags: tuple[str, ...] = ()


def test_any_frozen_dataclass_round_trips() -> None:
    """Nested dataclasses, tuples of them, fixed-size tuples, enums and None: no per-type code."""
    value = Outer("x", (Inner(1, Colour.RED), Inner(2, Colour.BLUE)), (3, 4), None, 2.5, ("a", "b"))
    plain = codec.encode(value)
    assert plain == {
        "name": "x",
        "inners": [{"n": 1, "colour": "red"}, {"n": 2, "colour": "blue"}],
        "pair": [3, 4],
        "maybe": None,
        "scale": 2.5,
        "flags": ["a", "b"],
    }
    assert codec.decode(Outer, plain) == value
    assert codec.decode(Outer, yaml.safe_load(yaml.safe_dump(plain))) == value


def test_fields_with_defaults_may_be_left_out() -> None:
    assert codec.decode(Outer, {"name": "x", "inners": [], "pair": None}) == Outer("x", (), None)


@pytest.mark.parametrize(
    ("raw", "field", "problem"),
    [
        (
            {"name": "x", "inners": [{"n": "abc", "colour": "red"}], "pair": None},
            "inners.[0].n",
            "whole number",
        ),
        ({"name": "x", "inners": [{"n": 1, "colour": "green"}], "pair": None}, "inners.[0].colour", "one of"),
        ({"name": "x", "inners": [], "pair": [1]}, "pair", "list of 2"),
        ({"name": "x", "inners": 5, "pair": None}, "inners", "expected a list"),
        ({"name": ["x"], "inners": [], "pair": None}, "name", "expected text"),
        ({"inners": [], "pair": None}, "name", "missing"),
        ({"name": "x", "inners": [], "pair": None, "scale": "big"}, "scale", "a number"),
        (
            {"name": "x", "inners": [], "pair": None, "maybe": {"n": True, "colour": "red"}},
            "maybe.n",
            "whole number",
        ),
    ],
)
def test_a_wrong_type_names_its_field(raw: dict[str, object], field: str, problem: str) -> None:
    with pytest.raises(codec.CodecError) as err:
        codec.decode(Outer, raw)
    assert err.value.field == field and problem in err.value.problem


def test_every_bundled_claim_and_work_round_trips() -> None:
    loaded = store.load(BUNDLED)
    for c in loaded.claims:
        assert codec.decode(Claim, codec.encode(c), source=c.source) == c
    for w in loaded.works.values():
        assert codec.decode(Work, codec.encode(w)) == w


def test_the_store_layout_keeps_its_key_order() -> None:
    """Store files stay diff-friendly: id first, the value last, the work id and value offsets left out."""
    c = next(c for c in store.load(BUNDLED).claims if c.quantity is not None)
    keys = list(codec.encode(c))
    assert keys[:4] == ["id", "kind", "file", "line"] and keys[-1] == "quantity"
    assert "source" not in keys and "date" not in keys
    assert "start" not in codec.encode(c)["quantity"]
    assert list(codec.encode(store.load(BUNDLED).works[c.source]))[:3] == ["id", "file", "lines"]


def _store_with(tmp_path: Path, old: str, new: str) -> tuple[Path, Path, int]:
    folder = tmp_path / "store"
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(
        "# A\n\nKazakhstan's external debt to China was 14 percent in 2020.\n", encoding="utf-8"
    )
    store.write(store.build([src]), folder)
    f = next((folder / "claims").glob("*.yaml"))
    lines = f.read_text(encoding="utf-8").split("\n")
    i = next(i for i, ln in enumerate(lines) if old in ln)
    lines[i] = lines[i].replace(old, new, 1)
    f.write_text("\n".join(lines), encoding="utf-8")
    return folder, f, i + 1


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("value: 14.0", "value: abc", "'quantity.value'"),
        ("line: ", "line: [1, 2]\n  x: ", "'line'"),
        ("negated: false", "negated: maybe", "'negated'"),
    ],
)
def test_a_wrong_typed_store_value_is_one_line_naming_file_and_line(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    folder, f, line = _store_with(tmp_path, old, new)
    with pytest.raises(FactcheckError) as err:
        store.load(folder)
    assert err.value.path == str(f) and field in err.value.message
    assert err.value.line is not None and err.value.line <= line
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    draft = tmp_path / "d.md"
    draft.write_text("Kazakhstan's external debt to China was 14 percent in 2020.\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--store", str(folder), str(draft)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"factcheck: error: {err.value}"]
