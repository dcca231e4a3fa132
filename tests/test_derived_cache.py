"""The per-user cache of data derived from YAML (derived.py): the language tables and the gazetteer
are the same whether parsed or read from the cache, entries are keyed by content (not path), and a
damaged, foreign or unwritable cache is never trusted, only derived again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import derived, entities, lang
from factcheck.errors import FactcheckError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    entities.load.cache_clear()
    lang.table.cache_clear()
    derived._bundles.clear()
    yield tmp_path / "cache" / "factcheck" / "derived"
    entities.load.cache_clear()
    lang.table.cache_clear()


def counted(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def ident(x: object) -> object:
    return x


def test_built_once_then_read_back(cache: Path) -> None:
    calls, build = counted({"a": [1, 2.5, None, True, "é"]})
    for _ in range(3):
        assert derived.cached("t", "k1", build, ident, ident) == {"a": [1, 2.5, None, True, "é"]}
    assert len(calls) == 1
    assert len(list(cache.iterdir())) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b.replace(b'"a"', b'"b"'),  # a changed body: its hash no longer matches
        lambda b: b"",
        lambda b: b"\xff\xfe" + b,
        lambda b: b"0" * 64 + b"\n{",  # a header that is no hash of the body
    ],
)
def test_damaged_entry_is_ignored_and_rebuilt(cache: Path, damage: object) -> None:
    calls, build = counted({"a": 1})
    derived.cached("t", "k2", build, ident, ident)
    (entry,) = cache.iterdir()
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert derived.cached("t", "k2", build, ident, ident) == {"a": 1}
    assert len(calls) == 2
    assert derived.cached("t", "k2", build, ident, ident) == {"a": 1}  # and rewritten sound
    assert len(calls) == 2


def test_entry_of_unexpected_shape_is_rebuilt(cache: Path) -> None:
    derived.cached("t", "k3", lambda: ["not", "a", "mapping"], ident, ident)

    def decode(x: object) -> dict[str, int]:
        if not isinstance(x, dict):
            raise TypeError("not a mapping")
        return x

    calls, build = counted({"a": 1})
    assert derived.cached("t", "k3", build, ident, decode) == {"a": 1}  # type: ignore[arg-type]
    assert calls == [1]


def test_unwritable_cache_means_no_caching(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # no folder can be made under a file, even by root
    calls, build = counted({"a": 1})
    assert derived.cached("t", "k4", build, ident, ident) == {"a": 1}
    assert derived.cached("t", "k4", build, ident, ident) == {"a": 1}
    assert len(calls) == 2


def test_data_json_cannot_give_back_is_not_cached(cache: Path) -> None:
    calls, build = counted({"a": (1, 2)})  # a tuple comes back from JSON as a list
    assert derived.cached("t", "k5", build, ident, ident) == {"a": (1, 2)}
    assert derived.cached("t", "k5", build, ident, ident) == {"a": (1, 2)}
    assert len(calls) == 2


def test_build_failure_stores_nothing(cache: Path) -> None:
    def fail() -> object:
        raise FactcheckError("bad input", "x.yaml")

    with pytest.raises(FactcheckError):
        derived.cached("t", "k6", fail, ident, ident)
    assert not cache.exists() or not list(cache.iterdir())


def test_key_is_content_not_path() -> None:
    assert derived.key("g", [b"abc"], code=False) == derived.key("g", [b"abc"], code=False)
    assert derived.key("g", [b"abc"], code=False) != derived.key("g", [b"abd"], code=False)
    assert derived.key("g", [b"ab", b"c"], code=False) != derived.key("g", [b"a", b"bc"], code=False)
    assert derived.key("g", [b"abc"], code=True) != derived.key("g", [b"abc"], code=False)
    assert derived.key("g", [b"abc"], code=False) != derived.key("h", [b"abc"], code=False)


def fields(g: entities.Gazetteer) -> tuple[object, ...]:
    return (g.names, list(g.names), g.labels, g.kinds, g.firsts, g.longest, g.surnames)


def test_gazetteer_from_cache_is_the_one_built(cache: Path) -> None:
    built = entities._build((entities.GAZETTEER,))
    first = entities.load()  # built and stored
    entities.load.cache_clear()
    again = entities.load()  # read back
    assert fields(first) == fields(built) == fields(again)
    assert any(p.name.startswith("gazetteer-") for p in cache.iterdir())


GAZ = "entities:\n- id: acme\n  type: company\n  names: [Acme Widgets]\n"


def test_store_gazetteers_keyed_by_content(cache: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "gazetteer.yaml", tmp_path / "b" / "gazetteer.yaml"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text(GAZ, encoding="utf-8")
    shutil.copy(a, b)
    ga = entities.load((str(a),))
    gb = entities.load((str(b),))
    assert fields(ga) == fields(gb)
    assert ga.names[entities.name_key("Acme Widgets")] == ("acme", "company")
    assert len([p for p in cache.iterdir() if p.name.startswith("gazetteer-")]) == 1  # one entry for both
    # An edit is seen at once, whatever the file's time says.
    b.write_text(GAZ.replace("Acme Widgets", "Acme Gadgets"), encoding="utf-8")
    entities.load.cache_clear()
    gb = entities.load((str(b),))
    assert entities.name_key("Acme Gadgets") in gb.names
    assert entities.name_key("Acme Widgets") not in gb.names


def test_bad_store_gazetteer_is_checked_every_time(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.yaml"
    bad.write_text("entities:\n- id: acme\n  type: company\n  names: {a: 1}\n", encoding="utf-8")
    for _ in range(2):
        entities.load.cache_clear()
        with pytest.raises(FactcheckError, match="gazetteer entry 1"):
            entities.load((str(bad),))


def test_damaged_gazetteer_entry_is_rebuilt(cache: Path) -> None:
    good = fields(entities.load())
    (entry,) = [p for p in cache.iterdir() if p.name.startswith("gazetteer-")]
    raw = entry.read_bytes()
    entry.write_bytes(raw.replace(b'"longest":', b'"longest":1', 1))  # damaged: the hash fails
    entities.load.cache_clear()
    assert fields(entities.load()) == good
    assert entry.read_bytes() == raw  # rewritten sound


def test_tables_from_cache_are_the_ones_parsed(cache: Path) -> None:
    parsed = {name: lang.table(name) for name in lang.tables()}
    lang.table.cache_clear()
    assert {name: lang.table(name) for name in lang.tables()} == parsed
    assert len([p for p in cache.iterdir() if p.name.startswith("table-")]) == len(parsed)


LONG = r"\b(?P<n>\d+)\s+(?P<unit>" + "|".join(f"word{i}" for i in range(60)) + r")\b(?i:x)?"


def kept(cache: Path) -> Path:
    (bundle,) = [p for p in cache.iterdir() if p.name.startswith("regex-")]
    return bundle


def test_pattern_from_cache_equals_compiled(cache: Path) -> None:
    import re

    first = derived.regex(LONG, re.I)
    bundle = kept(cache)
    derived._bundles.clear()  # as a new process: the pattern comes from the entry
    again = derived.regex(LONG, re.I)
    assert first == again == re.compile(LONG, re.I)
    m = again.search("it was 12 WORD42 long")
    assert m is not None and m.group("n") == "12" and m.group("unit") == "WORD42"
    assert again.groupindex == re.compile(LONG, re.I).groupindex
    bundle.write_bytes(bundle.read_bytes()[:-10])  # damaged: compiled afresh, same pattern
    derived._bundles.clear()
    assert derived.regex(LONG, re.I) == re.compile(LONG, re.I)


def test_one_write_for_many_patterns(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[str] = []
    real = derived._write
    monkeypatch.setattr(derived, "_write", lambda path, value: (writes.append(path), real(path, value)))

    @derived.compiling
    def build() -> list[object]:
        return [derived.regex(rf"\b{w}\d+") for w in ("a", "b", "c")]

    assert [p.pattern for p in build()] == [r"\ba\d+", r"\bb\d+", r"\bc\d+"]  # type: ignore[attr-defined]
    assert len(writes) == 1
    derived._bundles.clear()
    build()
    assert len(writes) == 1  # all three read back: nothing new to write


def test_sound_entry_with_invalid_code_is_rebuilt(cache: Path) -> None:
    import base64
    import hashlib
    import json
    import re

    derived.regex(LONG)
    bundle = kept(cache)
    parts = json.loads(bundle.read_bytes().partition(b"\n")[2])
    (name,) = parts
    parts[name]["code"] = base64.b64encode(bytes(range(40))).decode()  # well-formed, nonsense code
    body = json.dumps(parts).encode()
    bundle.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    derived._bundles.clear()
    assert derived.regex(LONG) == re.compile(LONG)
    rewritten = json.loads(bundle.read_bytes().partition(b"\n")[2])
    assert rewritten[name]["code"] != parts[name]["code"]


def test_code_fingerprint_kept_until_a_file_changes(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    (package / "lang").mkdir(parents=True)
    (package / "claims").mkdir()
    (package / "a.py").write_text("A = 1\n", encoding="utf-8")
    (package / "lang" / "t.yaml").write_text("entries: []\n", encoding="utf-8")
    (package / "claims" / "c.yaml").write_text("claims: []\n", encoding="utf-8")  # data, not code
    monkeypatch.setattr(derived, "PACKAGE", package)
    hashed: list[int] = []
    real = derived._hash_code
    monkeypatch.setattr(derived, "_hash_code", lambda files: hashed.append(1) or real(files))

    def fingerprint() -> str:
        derived.code_fingerprint.cache_clear()
        return derived.code_fingerprint()

    try:
        first = fingerprint()
        assert fingerprint() == first and len(hashed) == 1  # the files are read once, then kept
        (package / "claims" / "c.yaml").write_text("claims: [1]\n", encoding="utf-8")
        assert fingerprint() == first
        (package / "a.py").write_text("A = 2\n", encoding="utf-8")  # same size, whatever its mtime
        edited = fingerprint()
        assert edited != first and len(hashed) == 2
        (package / "a.py").write_text("A = 1\n", encoding="utf-8")
        assert fingerprint() == first  # by content: the old bytes give the old hash
    finally:
        derived.code_fingerprint.cache_clear()
