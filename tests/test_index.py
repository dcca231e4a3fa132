"""The compiled SQLite index (factcheck/index.py): it gives exactly the candidates and verdicts of the
in-memory index, it notices when the store changes or the index file is damaged or from another
format, and it is written whole or not at all."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml

from factcheck import entities, index, store
from factcheck.backend import open_store
from factcheck.check import Checker, check, open_stores
from factcheck.config import Config
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.match import Index
from factcheck.reader import read_path

ROOT = Path(__file__).resolve().parent.parent
SEED_STORE = ROOT / "factcheck" / "data" / "claims"
DRAFT = ROOT / "tests" / "data" / "index_draft.md"  # 30 sentences of the development set


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed store, without any index: each test that changes it makes its own copy."""
    out = tmp_path_factory.mktemp("seed") / "store"
    shutil.copytree(SEED_STORE, out, ignore=shutil.ignore_patterns("index.sqlite*", ".*"))
    return out


@pytest.fixture(scope="module")
def seed_count(seed_copy: Path) -> int:
    return len(store.load(seed_copy).claims)


def _copy(src: Path, tmp_path: Path) -> Path:
    out = tmp_path / "store"
    shutil.copytree(src, out, ignore=shutil.ignore_patterns("index.sqlite*", ".*"))
    return out


def _signature(cands: list[index.Candidate]) -> list[tuple[str, float, float]]:
    return [(c.claim.id, c.similarity, c.measure) for c in cands]


@pytest.mark.parametrize("cutoff", [index._EXTRACT, 0], ids=["by-claim", "by-group"])
def test_same_candidates_as_the_in_memory_index(
    seed_copy: Path, cutoff: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "_EXTRACT", cutoff)  # both ways of settling the claims near the cut
    loaded = store.load(seed_copy)
    memory = Index(loaded.claims)
    opened = open_store([seed_copy])
    assert opened is not None and (seed_copy / index.INDEX_NAME).is_file()
    assert opened.claim_count == len(loaded.claims)
    assert opened.works == loaded.works
    claims = extract(read_path(DRAFT), entities.load(loaded.gazetteer))
    assert len(claims) >= 25
    for c in claims:
        got, want = opened.index.candidates(c), memory.candidates(c)
        assert _signature(got) == _signature(want), c.quote
        assert [g.claim for g in got] == [w.claim for w in want]  # the very claims, every field
        for limit in (1, 5):
            assert _signature(opened.index.candidates(c, limit)) == _signature(memory.candidates(c, limit))
    for t in {t for c in claims for t in index.tokens(c)} | {"no-such-token"}:
        assert opened.index.idf(t) == memory.idf(t)


def test_same_verdicts_as_the_in_memory_index(seed_copy: Path) -> None:
    config = Config()
    by_index = check([str(DRAFT)], open_stores([str(seed_copy)]), config)
    in_memory = check([str(DRAFT)], store.load(seed_copy), config)

    def findings(report: object) -> list[tuple[object, ...]]:
        return [
            (
                f.claim.line,
                f.claim.column,
                f.verdict,
                f.message,
                [e.claim.id for e in f.evidence],
                [(e.claim.id, e.score) for e in f.considered],
            )
            for fr in report.files
            for f in fr.findings
        ]  # type: ignore[attr-defined]

    assert findings(by_index) == findings(in_memory)
    assert by_index.store == in_memory.store
    assert {f[2] for f in findings(by_index)} >= {"supported", "conflicting"}


def test_checker_takes_either_kind_of_store(seed_copy: Path) -> None:
    opened = open_store([seed_copy])
    assert opened is not None
    assert Checker(opened, Config()).info() == Checker(store.load(seed_copy), Config()).info()


def test_build_writes_the_index(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    text = "Kazakhstan's external debt to China was 14 percent in 2020.\n"
    (src / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    index.write_store(store.build([src]), out)
    assert index.status(out / index.INDEX_NAME, out) == "fresh"
    opened = open_store([out])
    assert opened is not None and opened.claim_count == len(store.load(out).claims) > 0


def test_rebuilt_when_a_store_file_changes(seed_copy: Path, tmp_path: Path) -> None:
    folder = _copy(seed_copy, tmp_path)
    first = open_store([folder])
    assert first is not None
    n = first.claim_count
    first.index.close()
    path = folder / index.INDEX_NAME
    # Rewritten with the same bytes (a copy, a checkout): the content hash says fresh, no rebuild.
    f = sorted((folder / "claims").glob("*.yaml"))[0]
    ino = path.stat().st_ino
    f.write_bytes(f.read_bytes())
    assert index.status(path, folder) == "touched"
    assert open_store([folder]).claim_count == n
    assert index.status(path, folder) == "fresh"  # the new times recorded, not rebuilt
    assert path.stat().st_ino == ino
    # Changed: one claim file goes.
    removed = len(yaml.safe_load(f.read_text(encoding="utf-8"))["claims"])
    assert removed > 0
    f.unlink()
    assert index.status(path, folder) == "stale"
    again = open_store([folder])
    assert again is not None and again.claim_count == n - removed
    assert path.stat().st_ino != ino  # a new file, renamed into place


def test_an_edited_claim_is_seen(seed_copy: Path, tmp_path: Path) -> None:
    folder = _copy(seed_copy, tmp_path)
    open_store([folder])
    f = sorted((folder / "claims").glob("*.yaml"))[0]
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["claims"][0]["quote"] = "Zyzzyva " + data["claims"][0]["quote"]
    f.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    opened = open_store([folder])
    assert opened is not None
    quotes = {c.quote for c in opened.index.fetch(list(range(1, opened.claim_count + 1))).values()}
    assert any(q.startswith("Zyzzyva") for q in quotes)


def test_a_broken_store_is_reported_with_its_line(seed_copy: Path, tmp_path: Path) -> None:
    folder = _copy(seed_copy, tmp_path)
    f = sorted((folder / "claims").glob("*.yaml"))[0]
    f.write_text(f.read_text(encoding="utf-8") + "  - [unclosed\n", encoding="utf-8")
    with pytest.raises(FactcheckError) as err:
        open_stores([str(folder)])
    assert err.value.path == str(f) and err.value.line


GARBAGE = [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200]


@pytest.mark.parametrize("garbage", GARBAGE, ids=["empty", "text", "zeroed"])
def test_a_damaged_index_is_rebuilt(seed_copy: Path, seed_count: int, tmp_path: Path, garbage: bytes) -> None:
    folder = _copy(seed_copy, tmp_path)
    path = folder / index.INDEX_NAME
    path.write_bytes(garbage)
    assert index.status(path, folder) == "corrupt"
    opened = open_store([folder])
    assert opened is not None and opened.claim_count == seed_count
    assert index.status(path, folder) == "fresh"


def _set_meta(path: Path, key: str, value: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    con.close()


def test_another_format_is_rebuilt_or_refused(seed_copy: Path, tmp_path: Path) -> None:
    folder = _copy(seed_copy, tmp_path)
    assert open_store([folder]) is not None
    path = folder / index.INDEX_NAME
    _set_meta(path, "format", "999")
    assert index.status(path, folder) == "format"
    with pytest.raises(FactcheckError, match="another version of factcheck"):
        open_store([folder], rebuild=False)
    assert open_store([folder]) is not None
    assert index.status(path, folder) == "fresh"


def test_atomic_write_leaves_no_partial_file(
    seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(seed_copy, tmp_path)
    loaded = store.load(folder)
    path = folder / index.INDEX_NAME
    index.build_index(loaded, path)
    good = path.read_bytes()
    calls = 0
    real = index._claim_json

    def failing(c: index.Claim) -> str:
        nonlocal calls
        calls += 1
        if calls > 100:
            raise RuntimeError("disk on fire")
        return real(c)

    monkeypatch.setattr(index, "_claim_json", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        index.build_index(loaded, path)
    assert path.read_bytes() == good  # the old index, whole
    assert sorted(p.name for p in folder.iterdir()) == [
        "claims",
        "index.sqlite",
        *sorted(
            p.name for p in seed_copy.iterdir() if p.name not in ("claims", "index.sqlite", ".factcheck.lock")
        ),
    ]
    path.unlink()
    with pytest.raises(RuntimeError):
        index.build_index(loaded, path)
    assert not path.exists() and not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_read_only_store_uses_the_cache(
    seed_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(seed_copy, tmp_path)
    real = index.index_folder

    def refuse_store_folder(f: Path, path: Path) -> None:
        if path.parent == folder:
            raise PermissionError(13, "Permission denied", str(path))
        real(f, path)

    monkeypatch.setattr(index, "index_folder", refuse_store_folder)
    opened = open_store([folder])
    assert isinstance(opened.index, index.SqliteIndex)
    cached = index.cache_path(folder)
    assert cached.is_file() and cached.is_relative_to(tmp_path / "cache")
    assert not (folder / index.INDEX_NAME).exists()
    assert opened.index.paths == (cached,)
    assert open_store([folder]).index.paths == (cached,)  # found in the cache the second time

    def refuse_all(f: Path, path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    cached.unlink()
    monkeypatch.setattr(index, "index_folder", refuse_all)
    fallback = open_stores([str(folder)])  # the YAML and the in-memory index
    assert isinstance(fallback.index, Index)
    assert fallback.claim_count == len(store.load(folder).claims)
    assert check([str(DRAFT)], fallback).claims > 0


def test_several_stores_side_by_side(seed_copy: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "extra.txt").write_text(
        "# Extra\n\nUzbekistan's external debt to China reached 20.6 percent in 2021. "
        "Huawei built data centres in Tashkent and Almaty.\n",
        encoding="utf-8",
    )
    other = tmp_path / "other"
    index.write_store(store.build([src]), other)
    both = open_store([seed_copy, other])
    assert both is not None
    loaded = [store.load(seed_copy), store.load(other)]
    memory = Index(tuple(c for s in loaded for c in s.claims))
    assert both.claim_count == len(memory.claims)
    for c in extract(read_path(DRAFT), entities.load(())):
        assert _signature(both.index.candidates(c)) == _signature(memory.candidates(c)), c.quote
        assert _signature(both.index.candidates(c, 3)) == _signature(memory.candidates(c, 3)), c.quote
